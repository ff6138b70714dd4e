import ArgumentParser
import Foundation
import SyndicateTestSupport
import Testing

@testable import SyndicateCLI

@Suite struct ShareLinksCommandTests {
    @Test func parsesOptions() throws {
        let command = try #require(
            try SyndicateCommand.parseAsRoot([
                "share-links", "feed.rss", "--mastodon-instance", "mastodon.social", "--campaign", "spring",
                "--no-tracking", "--json",
            ]) as? ShareLinksCommand)
        #expect(command.options.input == "feed.rss")
        #expect(command.mastodonInstance == "mastodon.social")
        #expect(command.campaign == "spring")
        #expect(command.noTracking)
        #expect(command.json)
    }

    @Test func defaults() throws {
        let command = try #require(try SyndicateCommand.parseAsRoot(["share-links", "-"]) as? ShareLinksCommand)
        #expect(command.mastodonInstance == nil)
        #expect(command.campaign == "syndicate")
        #expect(!command.noTracking)
        #expect(!command.json)
    }

    @Test func badMastodonInstanceIsAUsageErrorWithTheFix() {
        do {
            _ = try SyndicateCommand.parseAsRoot(["share-links", "post.md", "--mastodon-instance", "https://mastodon.social/@me"])
            Issue.record("validation should fail")
        } catch {
            #expect(SyndicateCommand.exitCode(for: error).rawValue == 64)
            #expect(SyndicateCommand.message(for: error)
                == "--mastodon-instance 'https://mastodon.social/@me' is not a server name; give a host such as mastodon.social.")
        }
    }

    @Test func printsEachNetworkOrWhyItIsMissing() throws {
        let outcome = try CLIRunner.run(
            ["share-links", "-", "--format", "json", "--no-tracking"],
            stdin: Data(#"{"id": "1", "title": "Sports day & fun", "url": "https://school.example/sports", "tags": ["PE"]}"#.utf8))
        #expect(outcome == CLIRunner.Outcome(status: 0, stdout: """
              Sports day & fun
              X         https://x.com/intent/tweet?text=Sports%20day%20%26%20fun&url=https%3A%2F%2Fschool.example%2Fsports&hashtags=PE
              Facebook  https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fschool.example%2Fsports
              LinkedIn  https://www.linkedin.com/sharing/share-offsite/?url=https%3A%2F%2Fschool.example%2Fsports
              Bluesky   https://bsky.app/intent/compose?text=Sports%20day%20%26%20fun%20https%3A%2F%2Fschool.example%2Fsports%20%23PE
              Mastodon  — no Mastodon instance given; Mastodon's share page lives on each server, so name one (such as mastodon.social).
              Threads   https://www.threads.com/intent/post?text=Sports%20day%20%26%20fun&url=https%3A%2F%2Fschool.example%2Fsports&tag=PE
              Telegram  https://t.me/share/url?url=https%3A%2F%2Fschool.example%2Fsports&text=Sports%20day%20%26%20fun
              Tumblr    https://www.tumblr.com/widgets/share/tool?posttype=link&canonicalUrl=https%3A%2F%2Fschool.example%2Fsports&content=https%3A%2F%2Fschool.example%2Fsports&title=Sports%20day%20%26%20fun&tags=PE


            """, stderr: ""))
    }

    @Test(arguments: [
        "ofsted-secondments.md", "ofsted-secondments.html", "ofsted-secondments.txt", "school-news.atom",
        "school-news.json", "school-news.rss",
    ])
    func jsonOutputOfEachExampleMatchesItsGolden(name: String) throws {
        let outcome = try CLIRunner.run([
            "share-links", Fixtures.example(name).path, "--base-url", "https://school.example/",
            "--mastodon-instance", "mastodon.social", "--json",
        ])
        #expect(outcome.status == 0)
        #expect(outcome.stderr == "")
        assertGolden(outcome.stdout, named: "share-links.\(name)", target: "SyndicateCLITests")
    }

    @Test func importErrorExits65() throws {
        let outcome = try CLIRunner.run(["share-links", "-", "--format", "json"], stdin: Data("{not json".utf8))
        #expect(outcome.status == 65)
        #expect(outcome.stdout == "")
        #expect(outcome.stderr.hasPrefix("syndicate: "))
    }
}
