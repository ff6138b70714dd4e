import Foundation
import SyndicateTestSupport
import Testing

@testable import SyndicateCLI

@Suite struct PreviewCommandTests {
    @Test func parsesInputNetworksAndFlags() throws {
        let command = try #require(
            try SyndicateCommand.parseAsRoot(["preview", "post.md", "--to", "x,bluesky", "--json", "--thread"])
                as? PreviewCommand)
        #expect(command.input == "post.md")
        #expect(try PreviewCommand.networks(command.to) == [.x, .bluesky])
        #expect(command.json)
        #expect(command.thread)
        #expect(!command.noTracking)
    }

    @Test func everyNetworkByDefaultAndTwitterIsAnAliasOfX() throws {
        #expect(try PreviewCommand.networks(nil) == [.x, .mastodon, .bluesky, .threads, .linkedin, .facebook, .telegram, .discord, .slack, .webhook])
        #expect(try PreviewCommand.networks("twitter, X ,slack") == [.x, .slack])
    }

    @Test func unknownNetworkIsAUsageErrorNamingItAndTheChoices() {
        do {
            _ = try SyndicateCommand.parseAsRoot(["preview", "post.md", "--to", "x,myspace"])
            Issue.record("parsing should fail")
        } catch {
            #expect(SyndicateCommand.exitCode(for: error).rawValue == 64)
            #expect(
                SyndicateCommand.message(for: error)
                    == "Unknown network 'myspace' in --to. Use one or more of: x, mastodon, bluesky, threads, linkedin, facebook, telegram, discord, slack, webhook, separated by commas.")
        }
    }

    @Test func humanOutputShowsEachTextWithItsCount() throws {
        let input = Data(
            #"{"id":"n1","title":"Fair","url":"https://school.example/fair","paragraphs":["Forty projects and three winners."],"tags":["Science"]}"#
                .utf8)
        let outcome = try CLIRunner.run(["preview", "-", "--format", "json", "--to", "x,facebook", "--no-tracking"], stdin: input)
        #expect(
            outcome
                == CLIRunner.Outcome(
                    status: 0,
                    stdout: "Fair\n\n── X · 70/280 ──\nForty projects and three winners. https://school.example/fair #Science\n\n"
                        + "── Facebook · 33/63206 ──\nForty projects and three winners.\n  link: https://school.example/fair\n\n",
                    stderr: ""))
    }

    @Test func jsonForTheMarkdownExampleMatchesGolden() throws {
        let outcome = try CLIRunner.run([
            "preview", Fixtures.example("ofsted-secondments.md").path, "--base-url", "https://school.example/", "--json",
        ])
        #expect(outcome.status == 0)
        #expect(outcome.stderr == "")
        let failure = Golden.check(outcome.stdout, named: "payload-cli-ofsted-secondments-md", target: "SyndicateTests")
        #expect(failure == nil, Comment(rawValue: failure ?? ""))
    }

    @Test func unreadableInputExitsWith65() throws {
        let outcome = try CLIRunner.run(["preview", "/nonexistent/post.md"])
        #expect(outcome.status == 65)
        #expect(outcome.stderr.contains("/nonexistent/post.md"))
        #expect(outcome.stdout == "")
    }
}
