import Foundation
import Syndicate
import SyndicatePreview
import SyndicateTestSupport
import Testing

/// The preview pages of ``PreviewGoldenPages`` (the example posts, every network, the default
/// composer; local images renamed to `https://school.example/images/…` so that no golden embeds a
/// file), compared with `__Goldens__/<name>.html`.
///
/// Re-record after an intended change, then review the diff and the screenshots:
///
///     SYNDICATE_RECORD_GOLDENS=1 swift test --filter SyndicatePreviewTests.PreviewGoldenTests
///     bash Docs/preview/screenshots.sh
@Suite struct PreviewGoldenTests {
    /// The page of `page`'s posts.
    static func render(_ page: PreviewGoldenPages.Page) throws -> String {
        PreviewRenderer().page(try page.previews())
    }

    @Test(arguments: PreviewGoldenPages.all.map(\.name))
    func pageMatchesGolden(name: String) throws {
        let page = try #require(PreviewGoldenPages.all.first { $0.name == name })
        let previews = try page.previews()
        let html = PreviewRenderer().page(previews)
        #expect(PreviewPages.cards(html).count == previews.map(\.payloads.count).reduce(0, +))
        assertGolden(html, named: name, target: "SyndicatePreviewTests", fileExtension: "html")
    }

    /// The networks draw link cards only for a post without photos: the first example without
    /// its images shows every card (X, Mastodon, Threads, Facebook, Telegram from the page,
    /// Bluesky's embed, LinkedIn's article, Tumblr's link block).
    @Test func withoutPhotosEveryNetworkWithACardDrawsIt() throws {
        let page = PreviewRenderer().page(try PreviewGoldenPages.linkCards())
        let cards = page.components(separatedBy: "<article ").dropFirst()
        let withLinkCard = cards.filter { $0.contains("<div class=\"link-card\">") }.compactMap { $0.split(separator: "\"").dropFirst(3).first }
        #expect(withLinkCard == ["x", "mastodon", "bluesky", "threads", "linkedin", "facebook", "telegram", "tumblr"])
    }

    @Test func thePageIsTheSameOnEveryRun() throws {
        let page = try #require(PreviewGoldenPages.all.first { $0.name == "preview-sports-day" })
        #expect(try Self.render(page) == Self.render(page))
    }
}
