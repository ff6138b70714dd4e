import Foundation
import SyndicateTestSupport
import Testing

/// `retract` and `update` without a network: arguments, a dry run from a ledger entry written
/// by `ledger mark`, and the golden of what it would send.
@Suite struct RevisionCommandTests {
    /// A fresh home folder whose ledger records `post` as already on Mastodon (id 777), X (id
    /// 888) and Slack.
    static func markedHome(post: String) throws -> URL {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("syndicate-home-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        for (network, id) in [("mastodon", "777"), ("x", "888"), ("slack", "ok")] {
            let marked = try CLIRunner.run(["ledger", "mark", post, "--to", network, "--remote-id", id], environment: ["HOME": home.path])
            #expect(marked.status == 0, "\(marked.stderr)")
        }
        return home
    }

    @Test func aDryRunRetractShowsEveryDeleteRedactedAndChangesNothing() throws {
        let post = "https://school.example/news/ofsted-secondments"
        let home = try Self.markedHome(post: post)
        defer { try? FileManager.default.removeItem(at: home) }
        let outcome = try CLIRunner.run(["retract", post, "--dry-run", "--json"], environment: ["HOME": home.path])
        #expect(outcome.status == 1, "Slack cannot delete: \(outcome.stderr)")
        // The ledger's path is the temporary home's.
        assertGolden(outcome.stdout.replacingOccurrences(of: home.path, with: "~"), named: "retract-dry-run.marked", target: "SyndicateCLITests")
        #expect(!outcome.stdout.contains("dry-run-access-token"), "the placeholder token is redacted")

        let list = try CLIRunner.run(["ledger", "list"], environment: ["HOME": home.path])
        #expect(!list.stdout.contains("retracted"), "a dry run writes nothing: \(list.stdout)")

        let human = try CLIRunner.run(["retract", post, "--dry-run", "--to", "mastodon,x"], environment: ["HOME": home.path])
        #expect(human.status == 0, "\(human.stderr)")
        #expect(human.stdout.contains("dry run, would be retracted"))
        #expect(human.stdout.contains("DELETE https://mastodon.example/api/v1/statuses/777"))
    }

    @Test func aCopyIdOfSeveralPostsIsRefusedAndToSelectingNothingSaysSo() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("syndicate-home-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: home) }
        let environment = ["HOME": home.path]
        _ = try CLIRunner.run(["ledger", "mark", "https://school.example/a", "--to", "mastodon", "--remote-id", "57"], environment: environment)
        _ = try CLIRunner.run(["ledger", "mark", "https://school.example/b", "--to", "x", "--remote-id", "57"], environment: environment)
        let ambiguous = try CLIRunner.run(["retract", "57", "--dry-run"], environment: environment)
        #expect(ambiguous.status == 64, "\(ambiguous.stdout)")
        #expect(ambiguous.stderr.contains("2 posts"))
        let narrowed = try CLIRunner.run(["retract", "57", "--dry-run", "--to", "mastodon", "--json"], environment: environment)
        #expect(narrowed.status == 0, "\(narrowed.stderr)")
        #expect(narrowed.stdout.contains("https://school.example/a") && !narrowed.stdout.contains("https://school.example/b"))
        let nothing = try CLIRunner.run(["retract", "https://school.example/a", "--dry-run", "--to", "bluesky"], environment: environment)
        #expect(nothing.status == 66)
        #expect(nothing.stderr.contains("--to bluesky selects none"))
    }

    @Test func updateNeedsAFileAndRetractAPostTheLedgerKnows() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("syndicate-home-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: home) }
        let missing = try CLIRunner.run(["update", "no-such-file.md"], environment: ["HOME": home.path])
        #expect(missing.status == 65)
        let badTo = try CLIRunner.run(["retract", "x", "--to", "myspace"], environment: ["HOME": home.path])
        #expect(badTo.status == 64)
        let article = try CLIRunner.run(
            ["update", Fixtures.example("ofsted-secondments.html").path, "--dry-run"], environment: ["HOME": home.path])
        #expect(article.status == 66, "no ledger yet: \(article.stderr)")
    }
}
