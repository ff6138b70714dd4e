import Foundation
import SyndicateTestSupport
import Testing

@testable import SyndicateCLI

/// `--require-alt`, `--no-images` and `--fetch-images` as a user meets them.
@Suite struct ImageOptionsTests {
    static let undescribed = Data(
        #"{"id":"n1","title":"Fair","url":"https://school.example/fair","paragraphs":["Forty projects and three winners."],"images":[{"url":"https://school.example/img/fair.jpg"}]}"#
            .utf8)

    @Test func previewListsEachNetworksImagesWithTheirAltText() throws {
        let outcome = try CLIRunner.run(["preview", Fixtures.example("sports-day.md").path, "--to", "bluesky,discord"])
        #expect(outcome.status == 0, Comment(rawValue: outcome.stderr))
        #expect(outcome.stdout.contains("image 1/2: \(Fixtures.example("images/sports-day-relay.jpg").path) — alt “Year 6 pupils running"))
        #expect(outcome.stdout.contains("image 2/2: \(Fixtures.example("images/sports-day-medals.png").path) — alt “Three pupils"))
        // Discord embeds images by URL: a local file cannot go, and the preview says so.
        #expect(outcome.stdout.contains("sports-day-relay.jpg is left out: Discord fetches images from their web address"))
    }

    @Test func aMissingAltTextWarnsByDefaultAndFailsWithRequireAlt() throws {
        let warned = try CLIRunner.run(["preview", "-", "--format", "json", "--to", "mastodon"], stdin: Self.undescribed)
        #expect(warned.status == 0)
        #expect(warned.stdout.contains("image 1/1: https://school.example/img/fair.jpg — no alt text"))
        #expect(warned.stdout.contains("! The image https://school.example/img/fair.jpg has no alt text"))
        let refused = try CLIRunner.run(["preview", "-", "--format", "json", "--to", "mastodon", "--require-alt"], stdin: Self.undescribed)
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("https://school.example/img/fair.jpg has no alt text, and alt text is required"))
        let posted = try CLIRunner.run(["post", "-", "--format", "json", "--to", "mastodon", "--dry-run", "--require-alt"], stdin: Self.undescribed)
        #expect(posted.status == 1)
        #expect(posted.stdout.contains("alt text is required") && !posted.stdout.contains("api/v2/media"))
    }

    @Test func noImagesPostsTextOnly() throws {
        let withImages = try CLIRunner.run(["post", Fixtures.example("sports-day.md").path, "--to", "mastodon", "--dry-run"])
        #expect(withImages.status == 0, Comment(rawValue: withImages.stderr))
        #expect(withImages.stdout.contains("POST https://mastodon.example/api/v2/media"))
        #expect(withImages.stdout.contains("--file; filename=\"image-") && withImages.stdout.contains("<image/jpeg 3,805 bytes, 480×320, sha256 "))
        let outcome = try CLIRunner.run(["post", Fixtures.example("sports-day.md").path, "--to", "mastodon", "--dry-run", "--no-images"])
        #expect(outcome.status == 0, Comment(rawValue: outcome.stderr))
        #expect(!outcome.stdout.contains("image/") && !outcome.stdout.contains("api/v2/media"))
    }

    @Test func fetchImagesIsForDryRunsOnly() throws {
        let outcome = try CLIRunner.run(["post", Fixtures.example("sports-day.md").path, "--to", "x", "--fetch-images"])
        #expect(outcome.status == 64)
        #expect(outcome.stderr.contains("--fetch-images applies to --dry-run only"))
    }
}
