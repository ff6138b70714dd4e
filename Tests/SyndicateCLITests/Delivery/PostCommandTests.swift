import Foundation
import Syndicate
import SyndicateTestSupport
import Testing

@testable import SyndicateCLI

@Suite("syndicate post")
struct PostCommandTests {
    static let example = Fixtures.example("ofsted-secondments.html").path

    @Test("parses targets, flags and the transport")
    func parses() throws {
        let command = try #require(
            try SyndicateCommand.parseAsRoot([
                "post", "a.md", "--to", "mastodon:school,x", "--dry-run", "--json", "--config", "c.yml",
                "--transport", "async-http-client",
            ]) as? PostCommand)
        #expect(command.input.input == "a.md")
        #expect(command.dryRun && command.json)
        #expect(command.config == "c.yml")
        #expect(command.transport == .asyncHTTPClient)
        #expect(try AccountTargets.entries(command.to) == [.init(network: .mastodon, account: "school"), .init(network: .x, account: nil)])
        #expect(try AccountTargets.entries("all").map(\.network) == SocialNetwork.allCases)
        #expect(throws: (any Error).self) { try SyndicateCommand.parseAsRoot(["post", "a.md", "--to", "myspace"]) }
    }

    @Test(
        "every network's dry run for each example post matches its golden, with nothing sent and no credentials",
        arguments: ["ofsted-secondments.html", "ofsted-secondments.md", "school-news.rss"])
    func dryRunGolden(example: String) throws {
        let outcome = try CLIRunner.run(
            ["post", Fixtures.example(example).path, "--to", "all", "--dry-run", "--json"],
            environment: ["SYNDICATE_NOW": "2026-01-01T00:00:00Z"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        assertGolden(outcome.stdout + "\n", named: "post-dry-run.\(example)", target: "SyndicateCLITests")
        let reports = try #require(JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [[String: Any]])
        let deliveries = try #require(reports.first?["deliveries"] as? [[String: Any]])
        #expect(deliveries.map { $0["network"] as? String } == SocialNetwork.allCases.map(\.rawValue))
        #expect(deliveries.allSatisfy { $0["status"] as? String == "dry-run" })
        #expect(deliveries.allSatisfy { ($0["request"] as? [String: Any])?["method"] as? String == "POST" })
    }

    @Test("a missing credential fails that account only, naming the variable, exit 1")
    func missingCredential() throws {
        let outcome = try CLIRunner.run(
            ["post", Self.example, "--to", "mastodon", "--json"],
            environment: ["SYNDICATE_MASTODON_INSTANCE": "mastodon.example"])
        #expect(outcome.status == 1)
        let reports = try #require(JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [[String: Any]])
        let line = try #require((reports.first?["deliveries"] as? [[String: Any]])?.first)
        #expect(line["status"] as? String == "failed")
        #expect(line["errorCategory"] as? String == "missingCredential")
        #expect((line["error"] as? String)?.contains("SYNDICATE_MASTODON_ACCESS_TOKEN") == true)
    }

    @Test("a closed port is a retryable failure: exit 75")
    func retryableExit() throws {
        let outcome = try CLIRunner.run(
            ["post", Self.example, "--to", "mastodon", "--json", "--attempts", "1", "--no-images"],
            environment: ["SYNDICATE_MASTODON_INSTANCE": "http://127.0.0.1:1", "SYNDICATE_MASTODON_ACCESS_TOKEN": "tok-123456"])
        #expect(outcome.status == 75, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("\"errorCategory\" : \"transport\""))
    }

    @Test("a bad config file exits 78 naming the file")
    func badConfig() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("bad-\(UUID().uuidString).yml")
        try "x: [".write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        let outcome = try CLIRunner.run(["post", Self.example, "--to", "x", "--config", url.path])
        #expect(outcome.status == 78)
        #expect(outcome.stderr.contains(url.path))
    }
}
