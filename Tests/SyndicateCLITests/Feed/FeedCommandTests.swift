import Foundation
import SyndicateTestSupport
import Testing

@Suite struct FeedCommandTests {
    @Test func aFirstRunExplainsAndPostsNothing() throws {
        let folder = try FeedFixture.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let feed = folder.appendingPathComponent("news.rss")
        try FeedFixture.rss(1...3).write(to: feed)
        let ledger = folder.appendingPathComponent("ledger.sqlite").path
        let outcome = try CLIRunner.run(
            ["feed", feed.path, "--to", "mastodon", "--ledger", ledger], environment: FeedFixture.unreachableMastodon)
        #expect(outcome.status == 0)
        #expect(outcome.stdout.hasPrefix("Nothing posted: the ledger (\(ledger)) has not seen \(feed.path) before, and posting its 3 current item(s) now would flood"))
        #expect(outcome.stdout.contains("--mark-seen"))
        #expect(outcome.stdout.contains("--since DATE"))
        let list = try CLIRunner.run(["ledger", "list", "--ledger", ledger])
        #expect(list.stdout == "The ledger \(ledger) has no entries.\n")
    }

    @Test func anAccountAddedLaterStartsFromNowAndBackfillIsAskedFor() throws {
        let folder = try FeedFixture.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let feed = folder.appendingPathComponent("news.rss")
        try FeedFixture.rss(1...3).write(to: feed)
        let ledger = folder.appendingPathComponent("ledger.sqlite").path
        let environment = FeedFixture.unreachableMastodon.merging(["SYNDICATE_DISCORD_WEBHOOK_URL": "http://127.0.0.1:9/api/webhooks/1/secret"]) { $1 }
        _ = try CLIRunner.run(["feed", feed.path, "--to", "mastodon", "--ledger", ledger, "--mark-seen"], environment: environment)

        // Discord joins: a dry run shows it would start from now, and says how to backfill.
        let joined = try CLIRunner.run(
            ["feed", feed.path, "--to", "mastodon,discord", "--ledger", ledger, "--dry-run", "--json"], environment: environment)
        #expect(joined.status == 0, "\(joined.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(joined.stdout.utf8)) as? [String: Any])
        #expect(report["newAccounts"] as? [String] == ["discord:default"])
        #expect((report["message"] as? String)?.contains("--backfill") == true)
        let statuses = (report["items"] as? [[String: Any]] ?? []).flatMap { ($0["deliveries"] as? [[String: Any]] ?? []).compactMap { $0["status"] as? String } }
        #expect(!statuses.contains("dry-run"))

        let backfilled = try CLIRunner.run(
            ["feed", feed.path, "--to", "mastodon,discord", "--ledger", ledger, "--dry-run", "--json", "--backfill"], environment: environment)
        let items = (try JSONSerialization.jsonObject(with: Data(backfilled.stdout.utf8)) as? [String: Any])?["items"] as? [[String: Any]] ?? []
        let discord = items.flatMap { ($0["deliveries"] as? [[String: Any]] ?? []).filter { $0["network"] as? String == "discord" } }
        #expect(discord.map { $0["status"] as? String } == ["dry-run", "dry-run", "dry-run"])

        let both = try CLIRunner.run(["feed", feed.path, "--to", "mastodon", "--ledger", ledger, "--backfill", "--mark-seen"])
        #expect(both.status == 64)
        #expect(both.stderr.contains("--backfill"))
    }

    @Test func ledgerMarkRecordsACopyThatIsAlreadyThere() throws {
        let folder = try FeedFixture.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let ledger = folder.appendingPathComponent("ledger.sqlite").path
        let id = "https://school.example/news/7"
        let mark = try CLIRunner.run([
            "ledger", "mark", id, "--to", "mastodon,bluesky:school", "--url", "https://social.example/@school/1",
            "--remote-id", "1", "--ledger", ledger,
        ])
        #expect(mark.status == 0, "\(mark.stderr)")
        #expect(mark.stdout.contains("mastodon:default: marked already-posted"))
        #expect(mark.stdout.contains("bluesky:school: marked already-posted"))
        let export = try CLIRunner.run(["ledger", "export", "--json", "--ledger", ledger])
        let entries = try JSONSerialization.jsonObject(with: Data(export.stdout.utf8)) as? [[String: Any]] ?? []
        #expect(entries.count == 2)
        #expect(entries.allSatisfy { $0["state"] as? String == "already-posted" && $0["postID"] as? String == id })
        #expect(entries.allSatisfy { $0["url"] as? String == "https://social.example/@school/1" && $0["remoteID"] as? String == "1" })

        // Marking again keeps what is recorded; a bad URL is a usage error before anything is written.
        let again = try CLIRunner.run(["ledger", "mark", id, "--to", "mastodon", "--ledger", ledger])
        #expect(again.stdout.contains("already recorded as already-posted; unchanged"))
        let bad = try CLIRunner.run(["ledger", "mark", id, "--to", "mastodon", "--url", "not a url", "--ledger", ledger])
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("--url 'not a url'"))

        // `post` of that item to Mastodon would now skip it: the ledger says it is there.
        let list = try CLIRunner.run(["ledger", "list", "--ledger", ledger])
        #expect(list.stdout.hasSuffix("2 entries: 2 already-posted\n"))
    }

    @Test func markSeenThenTheSameFeedPostsNothingAndForgetBringsAnItemBack() throws {
        let folder = try FeedFixture.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let feed = folder.appendingPathComponent("news.rss")
        try FeedFixture.rss(1...3).write(to: feed)
        let ledger = folder.appendingPathComponent("ledger.sqlite").path
        let arguments = ["feed", feed.path, "--to", "mastodon", "--ledger", ledger]
        let seen = try CLIRunner.run(arguments + ["--mark-seen"], environment: FeedFixture.unreachableMastodon)
        #expect(seen.status == 0)
        #expect(seen.stdout == "Recorded 3 item(s) as seen for 1 account(s) (3 new entries). From now on only new items are posted.\n")

        let again = try CLIRunner.run(arguments, environment: FeedFixture.unreachableMastodon)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout == """
            Account           Posted  Skipped  Failed  Uncertain  Left
            mastodon:default       0        3       0          0     0

            """)

        let export = try CLIRunner.run(["ledger", "export", "--json", "--ledger", ledger])
        let entries = try JSONSerialization.jsonObject(with: Data(export.stdout.utf8)) as? [[String: Any]] ?? []
        #expect(entries.map { $0["state"] as? String } == ["seen", "seen", "seen"])
        #expect(entries.map { $0["postID"] as? String } == (1...3).map { "https://school.example/news/\($0)" })

        let forget = try CLIRunner.run(["ledger", "forget", "https://school.example/news/2", "--to", "mastodon", "--ledger", ledger])
        #expect(forget.status == 0)
        #expect(forget.stdout == "Forgot 1 entry of 'https://school.example/news/2': the next run posts it again.\n")
        let missing = try CLIRunner.run(["ledger", "forget", "https://school.example/news/2", "--ledger", ledger])
        #expect(missing.status == 1)

        let dryRun = try CLIRunner.run(arguments + ["--dry-run", "--json"])
        #expect(dryRun.status == 0, "\(dryRun.stderr)")
        let report = try JSONSerialization.jsonObject(with: Data(dryRun.stdout.utf8)) as? [String: Any]
        let items = report?["items"] as? [[String: Any]] ?? []
        let statuses = items.map { (($0["deliveries"] as? [[String: Any]])?.first?["status"] as? String) ?? "" }
        #expect(statuses == ["skipped", "dry-run", "skipped"])
        #expect(try CLIRunner.run(["ledger", "list", "--ledger", ledger]).stdout.hasSuffix("2 entries: 2 seen\n"))
    }

    @Test func aDryRunNeverCreatesOrWritesTheLedger() throws {
        let folder = try FeedFixture.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let feed = folder.appendingPathComponent("news.rss")
        try FeedFixture.rss(1...3).write(to: feed)
        let ledger = folder.appendingPathComponent("ledger.sqlite").path
        let outcome = try CLIRunner.run(["feed", feed.path, "--to", "mastodon", "--ledger", ledger, "--dry-run", "--since", "2026-01-02"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(!FileManager.default.fileExists(atPath: ledger))
        #expect(outcome.stdout.contains("Authorization: Bearer REDACTED"))
        #expect(outcome.stdout.hasSuffix("""
            Account           Posted  Skipped  Failed  Uncertain  Left
            mastodon:default       2        0       0          0     0

            """))
        #expect(outcome.stderr.contains("syndicate: [1/2] School news 2: mastodon:default dry-run\n"))
    }

    @Test func theDefaultLedgerIsInTheHomeFolderAndTheConfigCanMoveIt() throws {
        let folder = try FeedFixture.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let feed = folder.appendingPathComponent("news.rss")
        try FeedFixture.rss(1...2).write(to: feed)
        var environment = FeedFixture.unreachableMastodon
        environment["HOME"] = folder.path
        let outcome = try CLIRunner.run(["feed", feed.path, "--to", "mastodon", "--mark-seen"], environment: environment)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(".syndicate/ledger.sqlite").path))

        let config = folder.appendingPathComponent("syndicate.yaml")
        let moved = folder.appendingPathComponent("elsewhere/ledger.sqlite").path
        try Data("ledger: \(moved)\n".utf8).write(to: config)
        let configured = try CLIRunner.run(
            ["feed", feed.path, "--to", "mastodon", "--mark-seen", "--config", config.path], environment: environment)
        #expect(configured.status == 0, "\(configured.stderr)")
        #expect(FileManager.default.fileExists(atPath: moved))
    }

    @Test func ledgerListOnAMissingLedgerCreatesNothing() throws {
        let folder = try FeedFixture.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let ledger = folder.appendingPathComponent("sub/ledger.sqlite").path
        let list = try CLIRunner.run(["ledger", "list", "--ledger", ledger])
        #expect(list == CLIRunner.Outcome(status: 0, stdout: "No ledger at \(ledger) yet: nothing has been recorded.\n", stderr: ""))
        let export = try CLIRunner.run(["ledger", "export", "--json", "--ledger", ledger])
        #expect(export.stdout == "[\n\n]\n" || export.stdout == "[]\n")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("sub").path))
    }

    @Test(arguments: ["random", "text"])
    func aCorruptLedgerGivesAClearErrorAndIsNeverOverwritten(kind: String) throws {
        let folder = try FeedFixture.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let feed = folder.appendingPathComponent("news.rss")
        try FeedFixture.rss(1...2).write(to: feed)
        let ledger = folder.appendingPathComponent("ledger.sqlite").path
        var generator = SeededGenerator(seed: 6)
        let contents = kind == "random"
            ? Data((0..<2048).map { _ in UInt8.random(in: 0...255, using: &generator) })
            : Data("posted: everything\n".utf8)
        try contents.write(to: URL(fileURLWithPath: ledger))
        let runs = [
            ["feed", feed.path, "--to", "mastodon", "--ledger", ledger],
            ["feed", feed.path, "--to", "mastodon", "--ledger", ledger, "--mark-seen"],
            ["feed", feed.path, "--to", "mastodon", "--ledger", ledger, "--dry-run", "--since", "2026-01-01"],
            ["ledger", "list", "--ledger", ledger],
            ["ledger", "export", "--json", "--ledger", ledger],
            ["ledger", "forget", "x", "--ledger", ledger],
        ]
        for arguments in runs {
            let outcome = try CLIRunner.run(arguments, environment: FeedFixture.unreachableMastodon)
            #expect(outcome.status == 1, "\(arguments)")
            #expect(outcome.stderr.hasPrefix("syndicate: ledger \(ledger): the file is not an SQLite database"), "\(arguments): \(outcome.stderr)")
            #expect(outcome.stderr.contains("Syndicate leaves this file as it is."))
            #expect(try Data(contentsOf: URL(fileURLWithPath: ledger)) == contents, "\(arguments) changed the file")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["ledger.sqlite", "news.rss"])
    }

    @Test func conflictingStartOptionsAreRefused() throws {
        let outcome = try CLIRunner.run(["feed", "news.rss", "--to", "mastodon", "--mark-seen", "--since", "2026-01-01"])
        #expect(outcome.status == 64)
        #expect(outcome.stderr.contains("--mark-seen and --since both say where to start; use one."))
    }
}
