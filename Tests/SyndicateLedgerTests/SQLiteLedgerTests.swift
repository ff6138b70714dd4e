import Foundation
import Syndicate
import SyndicateLedger
import Testing

@Suite struct SQLiteLedgerTests {
    let now = Date(timeIntervalSince1970: 1_767_225_600)

    /// A fresh folder; the test removes it.
    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("syndicate-ledger-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    func fullEntry() -> LedgerEntry {
        LedgerEntry(
            key: LedgerEntry.Key(postID: "https://school.example/news/1", network: .mastodon, account: "school"),
            state: .posted, feed: "https://school.example/feed.xml", title: "Ofsted visit", payloadHash: "abc",
            idempotencyKey: "key", remoteID: "110", url: URL(string: "https://m.example/@school/110"), error: "earlier",
            errorCategory: .serverError, attempts: 2,
            owner: LedgerOwner(host: "h", pid: 42, processStart: "123", run: "r", claimedAt: now), createdAt: now,
            updatedAt: now.addingTimeInterval(5))
    }

    @Test func anEntryComesBackAsWrittenAfterReopening() async throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("nested/ledger.sqlite").path
        let entry = fullEntry()
        let feed = LedgerFeed(id: "https://school.example/feed.xml", etag: "\"v1\"", lastModified: "Thu, 01 Jan 2026 00:00:00 GMT", startedAt: now, lastRunAt: now)
        do {
            let ledger = try SQLiteLedger(path: path)
            try await ledger.update(entry.key) { $0 = entry }
            try await ledger.save(feed)
        }
        let reopened = try SQLiteLedger(path: path)
        #expect(try await reopened.entries() == [entry])
        #expect(try await reopened.entries(postID: nil, feed: "https://school.example/feed.xml") == [entry])
        #expect(try await reopened.entries(postID: nil, feed: "other").isEmpty)
        #expect(try await reopened.feed(feed.id) == feed)
        #expect(try await reopened.journalMode() == "wal")
    }

    @Test func insertIfAbsentKeepsExistingEntries() async throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let ledger = try SQLiteLedger(path: folder.appendingPathComponent("ledger.sqlite").path)
        let posted = fullEntry()
        try await ledger.update(posted.key) { $0 = posted }
        var seen = posted
        seen.state = .seen
        var other = seen
        other.postID = "2"
        #expect(try await ledger.insertIfAbsent([seen, other]) == 1)
        #expect(try await ledger.entries().map(\.state) == [.posted, .seen])
        #expect(try await ledger.forget(postID: posted.postID, network: .x, account: nil) == 0)
        #expect(try await ledger.forget(postID: posted.postID, network: .mastodon, account: nil) == 1)
        #expect(try await ledger.entries().map(\.postID) == ["2"])
    }

    @Test func existingOnAMissingPathCreatesNothing() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("missing/ledger.sqlite").path
        #expect(try SQLiteLedger.existing(path: path) == nil)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("missing").path))
    }

    static let corruptContents: [(String, Data)] = {
        var generator = SystemRandomNumberGenerator()
        let random = Data((0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) })
        let damaged = Data("SQLite format 3\u{0}".utf8) + Data(repeating: 0xA5, count: 8176)
        return [
            ("random bytes", random), ("a text file", Data("ledger: this is not a database\n".utf8)),
            ("a damaged database", damaged),
        ]
    }()

    @Test(arguments: corruptContents)
    func aCorruptFileIsRefusedAndLeftByteForByte(name: String, contents: Data) async throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("ledger.sqlite").path
        try contents.write(to: URL(fileURLWithPath: path))
        #expect {
            _ = try SQLiteLedger(path: path)
        } throws: { error in
            guard let error = error as? LedgerError else { return false }
            return error.kind == .corrupt && error.path == path && error.description.contains("leaves this file as it is")
        }
        #expect(throws: LedgerError.self) { _ = try SQLiteLedger.existing(path: path) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == contents, "\(name) was changed")
    }

    @Test func anotherAppsDatabaseIsRefusedAndLeftAlone() async throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("notes.sqlite").path
        // Any SQLite file that is not a ledger: make one through a ledger, then rename its table.
        do {
            let ledger = try SQLiteLedger(path: path)
            try await ledger.save(LedgerFeed(id: "x", startedAt: now))
        }
        try SQLiteTestHelper.execute("ALTER TABLE entries RENAME TO notes", path: path)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect {
            _ = try SQLiteLedger(path: path)
        } throws: { error in
            (error as? LedgerError)?.kind == .corrupt && "\(error)".contains("not a Syndicate ledger")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test func aFolderIsNotALedger() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect {
            _ = try SQLiteLedger(path: folder.path)
        } throws: { error in
            (error as? LedgerError)?.kind == .unreadable
        }
    }

    @Test func twoConnectionsClaimingTheSameEntriesEachWinOnce() async throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("ledger.sqlite").path
        let first = try SQLiteLedger(path: path)
        let second = try SQLiteLedger(path: path)
        let keys = (1...100).map { LedgerEntry.Key(postID: "post-\($0)", network: .x, account: "default") }
        let now = self.now
        let wins = await withTaskGroup(of: Int.self) { group -> Int in
            for (run, ledger) in [("a", first), ("b", second)] {
                group.addTask {
                    let context = LedgerClaims.Context(
                        owner: LedgerOwner(host: "h", pid: 1, processStart: nil, run: run, claimedAt: now),
                        protection: .rejectsDuplicates, now: now, isAlive: { _ in true })
                    var won = 0
                    for key in keys {
                        let decision = try? await ledger.update(key) { entry in LedgerClaims.claim(&entry, key: key, context: context) }
                        if case .send = decision { won += 1 }
                    }
                    return won
                }
            }
            return await group.reduce(0, +)
        }
        #expect(wins == 100)
        #expect(try await first.entries().count == 100)
    }

    @Test func aReadOnlyLedgerRefusesToWrite() async throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("ledger.sqlite").path
        _ = try SQLiteLedger(path: path)
        let readOnly = try #require(try SQLiteLedger.existing(path: path))
        let entry = fullEntry()
        await #expect(throws: LedgerError.self) { try await readOnly.update(entry.key) { $0 = entry } }
        #expect(try await readOnly.entries().isEmpty)
    }
}
