// The acceptance tests of `syndicate feed` over the loopback server (SyndicateLoopback).
import Foundation
import Syndicate
import SyndicateLoopback
import SyndicateTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

@Suite(.serialized) struct FeedLoopbackTests {
    /// Credentials for the Mastodon and Bluesky accounts the server plays.
    static func environment(_ server: LoopbackServer) -> [String: String] {
        [
            "SYNDICATE_MASTODON_INSTANCE": server.baseURL.absoluteString,
            "SYNDICATE_MASTODON_ACCESS_TOKEN": LoopbackServer.token,
            "SYNDICATE_BLUESKY_SERVICE": server.baseURL.absoluteString,
            "SYNDICATE_BLUESKY_HANDLE": "school.bsky.social",
            "SYNDICATE_BLUESKY_APP_PASSWORD": LoopbackServer.blueskyPassword,
        ]
    }

    static func arguments(_ feed: URL, ledger: String, _ extra: [String] = []) -> [String] {
        ["feed", feed.path, "--to", "mastodon,bluesky", "--ledger", ledger, "--since", "2025-01-01"] + extra
    }

    /// How many distinct texts were posted on `network`, and how many posts in all.
    static func counts(_ server: LoopbackServer, _ network: SocialNetwork) -> (distinct: Int, total: Int) {
        let posts = server.posts(on: network)
        return (Set(posts.map(\.text)).count, posts.count)
    }

    @Test func theSameFeedTwiceSendsNothingTheSecondTimeAndANewItemOncePerAccount() async throws {
        let folder = try FeedFixture.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let feed = folder.appendingPathComponent("news.rss")
        let ledger = folder.appendingPathComponent("ledger.sqlite").path
        try await LoopbackServer.withRunning { server in
            try FeedFixture.rss(1...5).write(to: feed)
            let first = try CLIRunner.run(Self.arguments(feed, ledger: ledger), environment: Self.environment(server))
            #expect(first.status == 0, "\(first.stderr)")
            #expect(server.posts(on: .mastodon).count == 5)
            #expect(server.posts(on: .bluesky).count == 5)

            let requestsBefore = server.requests.count
            let second = try CLIRunner.run(Self.arguments(feed, ledger: ledger), environment: Self.environment(server))
            #expect(second.status == 0, "\(second.stderr)")
            #expect(server.requests.count == requestsBefore, "the second run sent a request")
            #expect(second.stdout.hasSuffix("""
                Account           Posted  Skipped  Failed  Uncertain  Left
                mastodon:default       0        5       0          0     0
                bluesky:default        0        5       0          0     0

                """))

            try FeedFixture.rss(1...6).write(to: feed)
            let third = try CLIRunner.run(Self.arguments(feed, ledger: ledger), environment: Self.environment(server))
            #expect(third.status == 0, "\(third.stderr)")
            #expect(server.posts(on: .mastodon).count == 6)
            #expect(server.posts(on: .bluesky).count == 6)
            let newest = try #require(server.posts(on: .mastodon).last)
            #expect(newest.text.contains("school.example/news/6"), "\(newest.text)")
        }
    }

    @Test func aServerErrorOnOneAccountIsRetriedByTheNextRunAndPostedOnce() async throws {
        let folder = try FeedFixture.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let feed = folder.appendingPathComponent("news.rss")
        let ledger = folder.appendingPathComponent("ledger.sqlite").path
        try FeedFixture.rss(1...3).write(to: feed)
        try await LoopbackServer.withRunning { server in
            server.script(.status(500), for: .mastodonStatuses)
            let first = try CLIRunner.run(Self.arguments(feed, ledger: ledger, ["--attempts", "1"]), environment: Self.environment(server))
            #expect(first.status == 75, "\(first.stderr)")
            #expect(server.posts(on: .mastodon).count == 2)
            #expect(server.posts(on: .bluesky).count == 3)
            let export = try CLIRunner.run(["ledger", "export", "--ledger", ledger])
            let states = (try JSONSerialization.jsonObject(with: Data(export.stdout.utf8)) as? [[String: Any]] ?? [])
                .map { "\($0["network"] ?? ""):\($0["state"] ?? "")" }.sorted()
            #expect(states == ["bluesky:posted", "bluesky:posted", "bluesky:posted", "mastodon:failed", "mastodon:posted", "mastodon:posted"])

            let second = try CLIRunner.run(Self.arguments(feed, ledger: ledger, ["--attempts", "1"]), environment: Self.environment(server))
            #expect(second.status == 0, "\(second.stderr)")
            #expect(Self.counts(server, .mastodon) == (3, 3))
            #expect(Self.counts(server, .bluesky) == (3, 3))
        }
    }

    /// A child `syndicate` process, its output in files.
    final class Child {
        let process = Process()

        init(_ arguments: [String], environment: [String: String], folder: URL) throws {
            let binary = try #require(CLIRunner.binary, "the syndicate binary was not found; run swift build first")
            process.executableURL = binary
            process.arguments = arguments
            var variables = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("SYNDICATE_") }
            for (name, value) in environment { variables[name] = value }
            process.environment = variables
            output = folder.appendingPathComponent("child-\(UUID().uuidString).log")
            _ = FileManager.default.createFile(atPath: output.path, contents: nil)
            process.standardOutput = try FileHandle(forWritingTo: output)
            process.standardError = process.standardOutput
            try process.run()
        }

        /// Waits at most `limit` for the child to exit, killing it when it does not; always reaps it.
        /// What the child printed.
        var log: String { (try? String(contentsOf: output, encoding: .utf8)) ?? "" }
        let output: URL

        func wait(limit: Duration) async -> Int32 {
            let deadline = ContinuousClock.now + limit
            while process.isRunning && ContinuousClock.now < deadline {
                try? await Task.sleep(for: .milliseconds(10))
            }
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
            return process.terminationStatus
        }

        func killNow() {
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
        }
    }

    @Test(.timeLimit(.minutes(2)))
    func runsKilledAtRandomMomentsPostEachItemExactlyOncePerAccount() async throws {
        let folder = try FeedFixture.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let feed = folder.appendingPathComponent("news.rss")
        let ledger = folder.appendingPathComponent("ledger.sqlite").path
        try FeedFixture.rss(1...200).write(to: feed)
        let started = ContinuousClock.now
        try await LoopbackServer.withRunning { server in
            var generator = SeededGenerator(seed: 20)
            var killed = 0
            for _ in 1...20 {
                let child = try Child(Self.arguments(feed, ledger: ledger), environment: Self.environment(server), folder: folder)
                try await Task.sleep(for: .milliseconds(Int.random(in: 50...1500, using: &generator)))
                if child.process.isRunning { killed += 1 }
                child.killNow()
            }
            let final = try Child(Self.arguments(feed, ledger: ledger), environment: Self.environment(server), folder: folder)
            let status = await final.wait(limit: .seconds(60))
            #expect(status == 0)
            #expect(killed > 0, "no run was killed while running")

            let mastodon = server.posts(on: .mastodon)
            let bluesky = server.posts(on: .bluesky)
            #expect(Self.counts(server, .mastodon) == (200, 200))
            #expect(Self.counts(server, .bluesky) == (200, 200))

            let export = try CLIRunner.run(["ledger", "export", "--ledger", ledger])
            let entries = try JSONSerialization.jsonObject(with: Data(export.stdout.utf8)) as? [[String: Any]] ?? []
            #expect(entries.count == 400)
            #expect(entries.allSatisfy { ["posted", "already-posted"].contains($0["state"] as? String) })
            let recordedMastodon = Set(entries.filter { $0["network"] as? String == "mastodon" }.compactMap { $0["remoteID"] as? String })
            #expect(recordedMastodon == Set(mastodon.map(\.id)))
            // A Bluesky record found by its key comes back as "already posted" with its URI
            // (DeliveryError.existing): every entry records the server's URI.
            let blueskyEntries = entries.filter { $0["network"] as? String == "bluesky" }
            let recordedBluesky = Set(blueskyEntries.compactMap { $0["remoteID"] as? String })
            #expect(recordedBluesky == Set(bluesky.map(\.id)))
            #expect(blueskyEntries.allSatisfy { $0["remoteID"] != nil })
            let alreadyPosted = entries.filter { $0["state"] as? String == "already-posted" }.count
            print("crash test: \(killed) of 20 runs killed mid-run; server saw \(mastodon.count) Mastodon and \(bluesky.count) Bluesky posts; \(server.requests.count) requests; \(alreadyPosted) entries already-posted; \(ContinuousClock.now - started)")
        }
    }

    @Test(.timeLimit(.minutes(2)))
    func twoConcurrentRunsOverOneLedgerPostEachItemOnce() async throws {
        let folder = try FeedFixture.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let feed = folder.appendingPathComponent("news.rss")
        let ledger = folder.appendingPathComponent("ledger.sqlite").path
        try FeedFixture.rss(1...60).write(to: feed)
        try await LoopbackServer.withRunning { server in
            let first = try Child(Self.arguments(feed, ledger: ledger), environment: Self.environment(server), folder: folder)
            let second = try Child(Self.arguments(feed, ledger: ledger), environment: Self.environment(server), folder: folder)
            #expect(await first.wait(limit: .seconds(60)) == 0, "\(first.log)")
            #expect(await second.wait(limit: .seconds(60)) == 0, "\(second.log)")
            #expect(Self.counts(server, .mastodon) == (60, 60))
            #expect(Self.counts(server, .bluesky) == (60, 60))
            let mastodonKeys = server.posts(on: .mastodon).compactMap(\.idempotencyKey)
            #expect(Set(mastodonKeys).count == 60)
        }
    }
}
