import Foundation
import SyndicateTestSupport
import Testing

@testable import Syndicate

/// Every example post (and the seed article) × every network, compared with the checked-in
/// JSON in `Tests/SyndicateTests/__Goldens__/payload-<example>-<network>.json`.
///
/// Re-record after an intended change with `SYNDICATE_RECORD_GOLDENS=1 swift test --filter
/// ComposerGoldenTests`, then review the diff. The Markdown example needs the Markdown importer
/// and is checked through the CLI (`PreviewCommandTests`).
@Suite struct ComposerGoldenTests {
    static let examples = [
        "ofsted-secondments.html", "ofsted-secondments.txt", "school-news.rss", "school-news.atom", "school-news.json",
    ]

    /// The golden's name: `payload-school-news-rss-x`.
    static func goldenName(_ example: String, _ network: SocialNetwork) -> String {
        "payload-" + example.replacingOccurrences(of: ".", with: "-") + "-" + network.rawValue
    }

    @Test(arguments: examples, SocialNetwork.allCases)
    func examplePayloadMatchesGolden(example: String, network: SocialNetwork) throws {
        let posts = try ComposeFixtures.examplePosts(example).prefix(3)
        let payloads = try posts.map { try Composer().payload(for: $0, on: network) }
        assertGolden(
            try Golden.render(payloads), named: Self.goldenName(example, network), target: "SyndicateTests")
    }

    @Test(arguments: SocialNetwork.allCases)
    func seedArticlePayloadMatchesGolden(network: SocialNetwork) throws {
        guard let post = try ComposeFixtures.seedPost() else { return }
        let payload = try Composer().payload(for: post, on: network)
        assertGolden(
            try Golden.render([payload]), named: "payload-seed-article-\(network.rawValue)", target: "SyndicateTests")
    }

    /// Only the networks that thread: the others would check nothing.
    @Test(arguments: [SocialNetwork.x, .mastodon, .bluesky])
    func seedArticleThreadMatchesGolden(network: SocialNetwork) throws {
        guard let post = try ComposeFixtures.seedPost() else { return }
        let composer = Composer(configuration: ComposerConfiguration(threading: true))
        let payload = try composer.payload(for: post, on: network)
        assertGolden(
            try Golden.render([payload]), named: "payload-seed-article-thread-\(network.rawValue)",
            target: "SyndicateTests")
    }
}
