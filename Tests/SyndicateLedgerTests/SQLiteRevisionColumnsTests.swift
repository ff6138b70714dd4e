import Foundation
import Syndicate
import SyndicateLedger
import Testing

/// What retract and update need from the ledger file: a thread's part ids, the media ids and
/// the posted text survive reopening, `retracted` is a state like any other, and a version-2
/// ledger gains the columns when opened for writing (and is read as it is when read-only).
@Suite struct SQLiteRevisionColumnsTests {
    let now = Date(timeIntervalSince1970: 1_767_225_600)

    @Test func partsMediaAndPostedTextSurviveReopeningAndRetractedIsKept() async throws {
        let folder = try SQLiteLedgerTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("ledger.sqlite").path
        let key = LedgerEntry.Key(postID: "https://school.example/news/1", network: .mastodon, account: "school")
        let written = LedgerEntry(
            key: key, state: .retracted, remoteID: "1", url: URL(string: "https://social.example/@school/1"), createdAt: now,
            partIDs: ["1", "2", "3"], mediaIDs: ["m1"], postedText: "Part one…\n\nPart two… #Ofsted")
        do {
            let ledger = try SQLiteLedger(path: path)
            _ = try await ledger.update(key) { $0 = written }
        }
        let reopened = try #require(try SQLiteLedger.existing(path: path))
        let read = try #require(try await reopened.entry(key))
        #expect(read == written)
        #expect(read.copy == nil, "a retracted entry has no copy to act on")
        var posted = read
        posted.state = .posted
        #expect(posted.copy?.allIDs == ["1", "2", "3"])
        #expect(posted.copy?.mediaIDs == ["m1"])
    }

    @Test func aVersion2LedgerIsReadAsItIsAndGainsTheColumnsWhenOpenedForWriting() async throws {
        let folder = try SQLiteLedgerTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("v2.sqlite").path
        try SQLiteTestHelper.execute(
            """
            CREATE TABLE entries (post_id TEXT NOT NULL, network TEXT NOT NULL, account TEXT NOT NULL, state TEXT NOT NULL,
              feed TEXT, title TEXT, payload_hash TEXT, idempotency_key TEXT, remote_id TEXT, url TEXT, error TEXT,
              error_category TEXT, attempts INTEGER NOT NULL DEFAULT 0, owner_host TEXT, owner_pid INTEGER,
              owner_process_start TEXT, owner_run TEXT, owner_claimed_at REAL, created_at REAL NOT NULL,
              updated_at REAL NOT NULL, PRIMARY KEY (post_id, network, account));
            CREATE TABLE feeds (id TEXT PRIMARY KEY NOT NULL, etag TEXT, last_modified TEXT, started_at REAL NOT NULL, last_run_at REAL);
            CREATE TABLE uploaded_media (post_id TEXT NOT NULL, network TEXT NOT NULL, account TEXT NOT NULL, digest TEXT NOT NULL,
              media_id TEXT NOT NULL, expires_at REAL NOT NULL, PRIMARY KEY (post_id, network, account, digest));
            INSERT INTO entries (post_id, network, account, state, remote_id, created_at, updated_at) VALUES ('p1', 'x', 'default', 'posted', '42', 0, 0);
            PRAGMA user_version = 2;
            """, path: path)
        let readOnly = try #require(try SQLiteLedger.existing(path: path))
        let old = try #require(try await readOnly.entries().first)
        #expect(old.copy?.remoteID == "42" && old.partIDs.isEmpty && old.postedText == nil)

        let ledger = try SQLiteLedger(path: path)
        let key = LedgerEntry.Key(postID: "p1", network: .x, account: "default")
        _ = try await ledger.update(key) { entry in
            entry?.partIDs = ["42", "43"]
            entry?.postedText = "one\n\ntwo"
        }
        let migrated = try #require(try await SQLiteLedger(path: path).entry(key))
        #expect(migrated.partIDs == ["42", "43"] && migrated.postedText == "one\n\ntwo")
    }
}
