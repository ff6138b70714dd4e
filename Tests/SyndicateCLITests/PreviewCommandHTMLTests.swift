import Foundation
import SyndicateTestSupport
import Testing

/// `syndicate preview --html`: the page on standard output or in a file, accounts from the
/// environment, and no `--json` with it.
@Suite struct PreviewCommandHTMLTests {
    static let input = Data(
        #"{"id":"n1","title":"Fair","url":"https://school.example/fair","paragraphs":["Forty projects and three winners."],"tags":["Science"]}"#
            .utf8)

    @Test func htmlDashPrintsThePage() throws {
        let outcome = try CLIRunner.run(
            ["preview", "-", "--format", "json", "--to", "x,mastodon", "--no-tracking", "--html", "-"], stdin: Self.input)
        #expect(outcome.status == 0, Comment(rawValue: outcome.stderr))
        #expect(outcome.stdout.hasPrefix("<!doctype html>"))
        #expect(outcome.stdout.contains("<article class=\"card\" data-network=\"x\">"))
        #expect(outcome.stdout.contains("<article class=\"card\" data-network=\"mastodon\">"))
        #expect(outcome.stdout.contains("@your-account"))
        #expect(outcome.stdout.hasSuffix("</html>\n"))
    }

    @Test func htmlFileWritesThePageAndSaysWhere() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("syndicate-preview-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("out.html")
        let outcome = try CLIRunner.run(
            ["preview", "-", "--format", "json", "--to", "bluesky", "--html", file.path], stdin: Self.input,
            environment: ["SYNDICATE_BLUESKY_DISPLAY_NAME": "Springfield Primary", "SYNDICATE_BLUESKY_HANDLE": "springfield.bsky.social"])
        #expect(outcome.status == 0, Comment(rawValue: outcome.stderr))
        #expect(outcome.stdout == "")
        #expect(outcome.stderr.contains(file.path))
        let page = try String(contentsOf: file, encoding: .utf8)
        #expect(page.contains("<article class=\"card\" data-network=\"bluesky\">"))
        #expect(page.contains(">Springfield Primary</strong>"))
        #expect(page.contains(">@springfield.bsky.social</span>"))
    }

    @Test func aConfigFileNamesTheCardsEvenWithItsSecretsUnset() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("syndicate-preview-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let config = directory.appendingPathComponent("syndicate.yml")
        try """
            mastodon:
              - account: school
                INSTANCE: social.example
                ACCESS_TOKEN: ${UNSET_SCHOOL_TOKEN_FOR_THIS_TEST}
                DISPLAY_NAME: "Springfield <Primary>"
                HANDLE: news@social.example
            """.write(to: config, atomically: true, encoding: .utf8)
        let outcome = try CLIRunner.run(
            ["preview", "-", "--format", "json", "--to", "mastodon", "--html", "-", "--config", config.path], stdin: Self.input)
        #expect(outcome.status == 0, Comment(rawValue: outcome.stderr))
        #expect(outcome.stdout.contains(">Springfield &lt;Primary&gt;</strong>"))
        #expect(outcome.stdout.contains(">@news@social.example</span>"))
        let unused = try CLIRunner.run(["preview", "-", "--format", "json", "--config", config.path], stdin: Self.input)
        #expect(unused.status == 64, "--config without --html is refused")
    }

    @Test func htmlWithJSONIsAUsageError() throws {
        let outcome = try CLIRunner.run(["preview", "-", "--format", "json", "--json", "--html", "-"], stdin: Self.input)
        #expect(outcome.status == 64)
        #expect(outcome.stdout == "")
        #expect(outcome.stderr.contains("--html"))
    }
}
