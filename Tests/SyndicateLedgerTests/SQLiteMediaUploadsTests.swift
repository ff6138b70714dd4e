import Foundation
import Syndicate
import SyndicateLedger
import Testing

/// Uploaded images are remembered across runs until they expire, and a version-1 ledger gains
/// the table when opened for writing.
@Suite struct SQLiteMediaUploadsTests {
    let now = Date(timeIntervalSince1970: 1_767_225_600)
    let key = MediaUploadKey(postID: "https://school.example/news/1", network: .mastodon, account: "school", digest: "abc:1")

    @Test func anUploadIsFoundAgainAfterReopeningUntilItExpires() async throws {
        let folder = try SQLiteLedgerTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("ledger.sqlite").path
        do {
            let ledger = try SQLiteLedger(path: path)
            await ledger.remember("media-7", for: key, until: now.addingTimeInterval(3_600))
        }
        let reopened = try SQLiteLedger(path: path)
        #expect(await reopened.mediaID(for: key, at: now) == "media-7")
        #expect(await reopened.mediaID(for: key, at: now.addingTimeInterval(3_600)) == nil)
        var other = key
        other.account = "another"
        #expect(await reopened.mediaID(for: other, at: now) == nil)
        let readOnly = try #require(try SQLiteLedger.existing(path: path))
        #expect(await readOnly.mediaID(for: key, at: now) == "media-7")
    }

    @Test func aVersion1LedgerIsMigratedAndKeepsItsEntries() async throws {
        let folder = try SQLiteLedgerTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("old.sqlite").path
        try SQLiteTestHelper.execute(
            """
            CREATE TABLE entries (post_id TEXT NOT NULL, network TEXT NOT NULL, account TEXT NOT NULL, state TEXT NOT NULL,
              feed TEXT, title TEXT, payload_hash TEXT, idempotency_key TEXT, remote_id TEXT, url TEXT, error TEXT,
              error_category TEXT, attempts INTEGER NOT NULL DEFAULT 0, owner_host TEXT, owner_pid INTEGER,
              owner_process_start TEXT, owner_run TEXT, owner_claimed_at REAL, created_at REAL NOT NULL,
              updated_at REAL NOT NULL, PRIMARY KEY (post_id, network, account));
            CREATE TABLE feeds (id TEXT PRIMARY KEY NOT NULL, etag TEXT, last_modified TEXT, started_at REAL NOT NULL, last_run_at REAL);
            INSERT INTO entries (post_id, network, account, state, created_at, updated_at) VALUES ('p1', 'x', 'default', 'posted', 0, 0);
            PRAGMA user_version = 1;
            """, path: path)
        // Read-only: nothing is changed, and nothing is remembered.
        let readOnly = try #require(try SQLiteLedger.existing(path: path))
        await readOnly.remember("media-1", for: key, until: now.addingTimeInterval(60))
        #expect(await readOnly.mediaID(for: key, at: now) == nil)
        let ledger = try SQLiteLedger(path: path)
        #expect(try await ledger.entries().map(\.key.postID) == ["p1"])
        await ledger.remember("media-2", for: key, until: now.addingTimeInterval(60))
        #expect(await ledger.mediaID(for: key, at: now) == "media-2")
    }
}
