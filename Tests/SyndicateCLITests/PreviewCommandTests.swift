import Foundation
import SyndicateTestSupport
import Testing

@testable import SyndicateCLI

@Suite struct PreviewCommandTests {
    @Test func parsesInputNetworksAndFlags() throws {
        let command = try #require(
            try SyndicateCommand.parseAsRoot(["preview", "post.md", "--to", "x,bluesky", "--json", "--thread"])
                as? PreviewCommand)
        #expect(command.input.input == "post.md")
        #expect(try PreviewCommand.networks(command.to) == [.x, .bluesky])
        #expect(command.json)
        #expect(command.thread)
        #expect(!command.noTracking)
    }

    @Test func everyNetworkByDefaultAndTwitterIsAnAliasOfX() throws {
        #expect(try PreviewCommand.networks(nil) == [.x, .mastodon, .bluesky, .threads, .linkedin, .facebook, .telegram, .discord, .slack, .webhook, .tumblr])
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
                    == "Unknown network 'myspace' in --to. Use one or more of: x, mastodon, bluesky, threads, linkedin, facebook, telegram, discord, slack, webhook, tumblr, separated by commas.")
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
        assertGolden(outcome.stdout, named: "payload-cli-ofsted-secondments-md", target: "SyndicateTests")
    }

    @Test func unreadableInputExitsWith65() throws {
        let outcome = try CLIRunner.run(["preview", "/nonexistent/post.md"])
        #expect(outcome.status == 65)
        #expect(outcome.stderr.contains("/nonexistent/post.md"))
        #expect(outcome.stdout == "")
    }

    @Test func plainTextTakesItsURLTitleAndTagsFromOptions() throws {
        let text = Data("Sports day moves to Friday because of the forecast.\n\nParents are welcome from 1pm.\n".utf8)
        let outcome = try CLIRunner.run(
            [
                "preview", "-", "--format", "text", "--to", "mastodon", "--no-tracking", "--json",
                "--url", "https://school.example/news/sports-day", "--title", "Sports day moves", "--tag", "Sports Day",
                "--tag", "PE",
            ], stdin: text)
        #expect(outcome.status == 0, Comment(rawValue: outcome.stderr))
        let previews = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [[String: Any]])
        let preview = try #require(previews.first)
        #expect(preview["id"] as? String == "https://school.example/news/sports-day")
        #expect(preview["title"] as? String == "Sports day moves")
        let payload = try #require((preview["payloads"] as? [[String: Any]])?.first)
        let shown = try #require(payload["text"] as? String)
        #expect(shown.contains("https://school.example/news/sports-day"))
        #expect(shown.contains("#SportsDay") && shown.contains("#PE"))
    }

    @Test func overridesAreCheckedBeforeAnythingIsRead() throws {
        for (arguments, named) in [
            (["--url", "school.example/news"], "--url 'school.example/news'"), (["--url", "ftp://school.example/x"], "--url"),
            (["--title", "  "], "--title"), (["--tag", ""], "--tag"),
        ] {
            let outcome = try CLIRunner.run(["preview", "/nonexistent/post.txt"] + arguments)
            #expect(outcome.status == 64, "\(arguments)")
            #expect(outcome.stderr.contains(named), "\(outcome.stderr)")
        }
    }

    @Test func urlAndTitleNameOnePostSoAFeedRefusesThem() throws {
        let outcome = try CLIRunner.run(
            ["preview", Fixtures.example("school-news.rss").path, "--url", "https://school.example/x"])
        #expect(outcome.status == 64)
        #expect(outcome.stderr.contains("--url and --title name one post"))
        #expect(outcome.stdout == "")
    }
}
