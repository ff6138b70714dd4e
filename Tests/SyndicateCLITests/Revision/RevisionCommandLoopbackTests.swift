// The acceptance tests of `post` with its ledger, `retract` and `update`, over the loopback server.
import Foundation
import Syndicate
import SyndicateLoopback
import SyndicateTestSupport
import Testing

@Suite(.serialized) struct RevisionCommandLoopbackTests {
    /// Credentials for the Mastodon, Bluesky and Slack accounts the server plays.
    static func environment(_ server: LoopbackServer, home: URL) -> [String: String] {
        [
            "HOME": home.path,
            "SYNDICATE_MASTODON_INSTANCE": server.baseURL.absoluteString,
            "SYNDICATE_MASTODON_ACCESS_TOKEN": LoopbackServer.token,
            "SYNDICATE_BLUESKY_SERVICE": server.baseURL.absoluteString,
            "SYNDICATE_BLUESKY_HANDLE": "school.bsky.social",
            "SYNDICATE_BLUESKY_APP_PASSWORD": LoopbackServer.blueskyPassword,
            "SYNDICATE_SLACK_WEBHOOK_URL": server.baseURL.appendingPathComponent("services/T0LOOP/B0LOOP/\(LoopbackServer.token)").absoluteString,
        ]
    }

    /// A folder standing for the user's home, and a copy of the example article in it.
    static func home() throws -> (home: URL, article: URL) {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("syndicate-home-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        let article = home.appendingPathComponent("article.md")
        try Self.article(summary: "School leaders can spend a year on secondment to Ofsted.").write(to: article, atomically: true, encoding: .utf8)
        return (home, article)
    }

    /// A small Markdown post with `summary`.
    static func article(summary: String) -> String {
        """
        ---
        title: School leaders can spend a year on secondment to Ofsted
        url: https://school.example/news/ofsted-secondments
        summary: "\(summary)"
        tags: [Ofsted, Leadership]
        ---

        \(summary) The Chief Inspector set out the plan on Saturday.
        """
    }

    /// The `results` of a revision report's first post.
    static func results(_ stdout: String) throws -> [[String: Any]] {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(stdout.utf8)) as? [String: Any])
        let posts = try #require(object["posts"] as? [[String: Any]])
        return try #require(posts.first?["results"] as? [[String: Any]])
    }

    @Test func postRecordsInTheDefaultLedgerSoASecondPostReportsAlreadyPosted() async throws {
        let (home, article) = try Self.home()
        defer { try? FileManager.default.removeItem(at: home) }
        try await LoopbackServer.withRunning { server in
            let environment = Self.environment(server, home: home)
            let first = try CLIRunner.run(["post", article.path, "--to", "mastodon", "--json"], environment: environment)
            #expect(first.status == 0, "\(first.stderr)")
            #expect(FileManager.default.fileExists(atPath: home.appendingPathComponent(".syndicate/ledger.sqlite").path))
            let second = try CLIRunner.run(["post", article.path, "--to", "mastodon", "--json"], environment: environment)
            #expect(second.status == 0, "\(second.stderr)")
            #expect(second.stdout.contains("\"status\" : \"already-posted\""), "\(second.stdout)")
            #expect(server.posts(on: .mastodon).count == 1)
            let human = try CLIRunner.run(["post", article.path, "--to", "mastodon"], environment: environment)
            #expect(human.stdout.contains("already posted"), "\(human.stdout)")

            let sent = server.requests(to: .mastodonStatuses).count
            let unrecorded = try CLIRunner.run(["post", article.path, "--to", "mastodon", "--no-ledger"], environment: environment)
            #expect(unrecorded.status == 0)
            // Sent again (Mastodon's idempotency key then answers with the first status).
            #expect(server.requests(to: .mastodonStatuses).count == sent + 1, "--no-ledger sends again")
        }
    }

    @Test func retractDeletesEveryCopyRecordsItAndSaysWhatSlackCannotDo() async throws {
        let (home, article) = try Self.home()
        defer { try? FileManager.default.removeItem(at: home) }
        try await LoopbackServer.withRunning { server in
            let environment = Self.environment(server, home: home)
            let posted = try CLIRunner.run(["post", article.path, "--to", "mastodon,slack"], environment: environment)
            #expect(posted.status == 0, "\(posted.stderr)")
            #expect(server.livePosts(on: .mastodon).count == 1)

            let dryRun = try CLIRunner.run(["retract", article.path, "--dry-run", "--to", "mastodon"], environment: environment)
            #expect(dryRun.status == 0, "\(dryRun.stderr)")
            #expect(dryRun.stdout.contains("DELETE https://mastodon.example") || dryRun.stdout.contains("DELETE \(server.baseURL.absoluteString)"), "\(dryRun.stdout)")
            #expect(dryRun.stdout.contains("Bearer REDACTED"))
            #expect(server.livePosts(on: .mastodon).count == 1, "a dry run deletes nothing")

            let retracted = try CLIRunner.run(["retract", "https://school.example/news/ofsted-secondments", "--json"], environment: environment)
            #expect(retracted.status == 1, "Slack cannot delete: \(retracted.stderr)")
            let results = try Self.results(retracted.stdout)
            #expect(results.map { $0["status"] as? String } == ["retracted", "unsupported"])
            #expect((results.last?["error"] as? String)?.contains("Slack") == true)
            #expect(!retracted.stdout.contains(LoopbackServer.token), "the webhook URL is a secret")
            #expect(server.livePosts(on: .mastodon).isEmpty)

            let again = try CLIRunner.run(["retract", article.path, "--to", "mastodon", "--json"], environment: environment)
            #expect(again.status == 0)
            #expect(try Self.results(again.stdout).first?["status"] as? String == "already-retracted")
            let reposted = try CLIRunner.run(["post", article.path, "--to", "mastodon"], environment: environment)
            #expect(reposted.stdout.contains("retracted earlier"), "\(reposted.stdout)")
            #expect(server.livePosts(on: .mastodon).isEmpty, "a retracted post is not posted again")
        }
    }

    @Test func updateEditsMastodonInPlaceAndRepostsBlueskyOnlyWhenAsked() async throws {
        let (home, article) = try Self.home()
        defer { try? FileManager.default.removeItem(at: home) }
        try await LoopbackServer.withRunning { server in
            let environment = Self.environment(server, home: home)
            let posted = try CLIRunner.run(["post", article.path, "--to", "mastodon,bluesky"], environment: environment)
            #expect(posted.status == 0, "\(posted.stderr)")

            let unchanged = try CLIRunner.run(["update", article.path, "--json"], environment: environment)
            #expect(unchanged.status == 0, "\(unchanged.stderr)")
            #expect(try Self.results(unchanged.stdout).map { $0["status"] as? String } == ["unchanged", "unchanged"])

            try Self.article(summary: "Correction: secondments start in September.").write(to: article, atomically: true, encoding: .utf8)
            let updated = try CLIRunner.run(["update", article.path, "--json"], environment: environment)
            #expect(updated.status == 1, "Bluesky cannot edit without --repost")
            let results = try Self.results(updated.stdout)
            #expect(results.map { $0["status"] as? String } == ["edited", "unsupported"])
            #expect((results.last?["error"] as? String)?.contains("syndicate update --repost") == true, "\(results)")
            let status = try #require(server.livePosts(on: .mastodon).first)
            #expect(status.text.contains("Correction"))
            #expect(status.previousTexts.count == 1)

            let reposted = try CLIRunner.run(["update", article.path, "--repost", "--json"], environment: environment)
            #expect(reposted.status == 0, "\(reposted.stdout)\(reposted.stderr)")
            #expect(try Self.results(reposted.stdout).map { $0["status"] as? String } == ["unchanged", "reposted"])
            let bluesky = server.livePosts(on: .bluesky)
            #expect(bluesky.count == 1 && bluesky.first?.text.contains("Correction") == true)
            #expect(server.posts(on: .bluesky).count == 2)
        }
    }

    @Test func aPostTheLedgerDoesNotKnowExits66() async throws {
        let (home, article) = try Self.home()
        defer { try? FileManager.default.removeItem(at: home) }
        let noLedger = try CLIRunner.run(["retract", "https://school.example/nothing"], environment: ["HOME": home.path])
        #expect(noLedger.status == 66)
        #expect(noLedger.stderr.contains("no ledger"))
        try await LoopbackServer.withRunning { server in
            let environment = Self.environment(server, home: home)
            _ = try CLIRunner.run(["post", article.path, "--to", "mastodon"], environment: environment)
            let unknown = try CLIRunner.run(["retract", "https://school.example/nothing"], environment: environment)
            #expect(unknown.status == 66)
            #expect(unknown.stderr.contains("ledger list"))
        }
    }
}
