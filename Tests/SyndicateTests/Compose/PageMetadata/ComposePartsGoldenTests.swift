import Foundation
import SyndicateTestSupport
import Testing

@testable import Syndicate

/// Meta tags and share links of every example post (those the core importers read) and the seed
/// article, compared with `Tests/SyndicateTests/__Goldens__/ComposeParts.<file>.json`.
///
/// Re-record with `SYNDICATE_RECORD_GOLDENS=1 swift test --filter ComposePartsGoldenTests`, review
/// the diff, then run again without the variable.
@Suite struct ComposePartsGoldenTests {
    /// What is checked in for one post.
    struct Entry: Encodable {
        var id: String
        var hashtags: [String: [String]]
        var meta: [String]
        var shareLinks: ShareLinks
    }

    static func entries(for posts: [Post]) -> [Entry] {
        posts.map { post in
            Entry(
                id: post.id,
                hashtags: Dictionary(uniqueKeysWithValues: SocialNetwork.allCases.map {
                    ($0.rawValue, Hashtags.hashtags(for: post, on: $0, policy: .default))
                }),
                meta: PageMetadata(
                    post: post, siteName: "Riverside Academy News", twitterSite: "@RiversideAcad",
                    fediverseCreator: "office@mastodon.example"
                ).html.split(separator: "\n").map(String.init),
                shareLinks: ShareLinks(post: post, mastodonInstance: "mastodon.social"))
        }
    }

    @Test(arguments: [
        "ofsted-secondments.html", "ofsted-secondments.txt", "school-news.atom", "school-news.json", "school-news.rss",
    ])
    func examplePost(name: String) throws {
        let data = try Fixtures.exampleData(name)
        // Not the Markdown example: its importer is in SyndicateImport, and the CLI goldens cover it.
        let importer = try #require(Fixtures.importer(sniffing: data, fileName: name))
        let posts = try importer.posts(from: data, context: Fixtures.context(name))
        let rendered = try Golden.render(Self.entries(for: posts))
        assertGolden(rendered, named: "ComposeParts.\(name)", target: "SyndicateTests")
    }

    @Test func seedArticle() throws {
        guard let url = Fixtures.shared("seed/ofsted-secondment-article.txt") else { return }
        let posts = try PlainTextImporter().posts(
            from: try Data(contentsOf: url),
            context: Fixtures.context("ofsted-secondment-article.txt"))
        let rendered = try Golden.render(Self.entries(for: posts))
        assertGolden(rendered, named: "ComposeParts.seed-article", target: "SyndicateTests")
        let post = try #require(posts.first)
        #expect(Hashtags.hashtags(for: post, on: .x, policy: .default) == ["Leadership", "Ofsted"])
    }
}
