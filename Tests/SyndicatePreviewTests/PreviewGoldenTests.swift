import Foundation
import Syndicate
import SyndicatePreview
import SyndicateTestSupport
import Testing

/// The preview pages of the example posts, every network, the default composer, compared with
/// `__Goldens__/preview-<example without its extension>.html` (`preview-sports-day.html`). Local images are renamed to
/// `https://school.example/images/…` first, so no golden embeds a file.
///
/// Re-record after an intended change, then review the diff (and the screenshots):
///
///     SYNDICATE_RECORD_GOLDENS=1 swift test --filter SyndicatePreviewTests.PreviewGoldenTests
@Suite struct PreviewGoldenTests {
    /// The page of the first `count` posts of `example`.
    static func page(_ example: String, count: Int = 1) throws -> String {
        let composer = Composer()
        let previews = try PreviewPages.posts(example, count: count).map { post in
            PostPreview(post: post, payloads: try composer.payloads(for: post, on: SocialNetwork.allCases))
        }
        return PreviewRenderer().page(previews)
    }

    @Test(arguments: [("ofsted-secondments.html", 1), ("school-news.rss", 2), ("sports-day.md", 1)])
    func examplePageMatchesGolden(example: String, count: Int) throws {
        let page = try Self.page(example, count: count)
        #expect(PreviewPages.cards(page).count == SocialNetwork.allCases.count * count)
        let name = "preview-" + URL(fileURLWithPath: example).deletingPathExtension().lastPathComponent
        assertGolden(page, named: name, target: "SyndicatePreviewTests", fileExtension: "html")
    }

    /// The networks draw link cards only for a post without photos: the first example without
    /// its images shows every card (X, Mastodon, Threads, Facebook, Telegram from the page,
    /// Bluesky's embed, LinkedIn's article, Tumblr's link block).
    @Test func linkCardsPageMatchesGolden() throws {
        var post = try PreviewPages.posts("ofsted-secondments.html")[0]
        post.images = []
        let page = PreviewRenderer().page([PostPreview(post: post, payloads: try Composer().payloads(for: post, on: SocialNetwork.allCases))])
        let cards = page.components(separatedBy: "<article ").dropFirst()
        let withLinkCard = cards.filter { $0.contains("<div class=\"link-card\">") }.compactMap { $0.split(separator: "\"").dropFirst(3).first }
        #expect(withLinkCard == ["x", "mastodon", "bluesky", "threads", "linkedin", "facebook", "telegram", "tumblr"])
        assertGolden(page, named: "preview-link-cards", target: "SyndicatePreviewTests", fileExtension: "html")
    }

    @Test func thePageIsTheSameOnEveryRun() throws {
        #expect(try Self.page("sports-day.md") == Self.page("sports-day.md"))
    }
}
