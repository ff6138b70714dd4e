import Foundation
import Testing

@testable import Syndicate

/// Huge or hostile posts still give valid output. (Speed is measured by the benchmarks, not here.)
@Suite struct ComposePartsAdversarialTests {
    @Test func hugeTitleTagsAndBodyGiveValidOutput() throws {
        let words = String(repeating: "Ofsted ASCL leaders & “quotes” 😊 ", count: 3_000)  // ≈ 100 KB
        let post = Post(
            id: "1", title: words, url: URL(string: "https://school.example/a"),
            paragraphs: [words, String(repeating: "x", count: 100_000)],
            tags: [words, String(repeating: "ab-", count: 30_000)])
        var links: ShareLinks?
        var metadata: PageMetadata?
        var candidates: [String] = []
        links = ShareLinks(post: post, mastodonInstance: "mastodon.social")
        metadata = PageMetadata(post: post)
        var untagged = post
        untagged.tags = []
        candidates = Hashtags.candidates(for: untagged, policy: .default)
        #expect(links?.links.count == 8)
        #expect((metadata?.value(for: "og:description") ?? "").count <= 200)
        #expect(candidates == ["OfstedASCL"])  // adjacent proper words form one phrase
    }

    @Test func manyPostsEachGetEveryTagAndLink() throws {
        let posts = (0..<200).map { index in
            Post(
                id: "\(index)", title: "Ofsted to offer school leaders year-long secondments, part \(index)",
                url: URL(string: "https://school.example/news/\(index)/"),
                summary: "Middle leaders will be able to spend a year working at Ofsted, Amanda Spielman told the ASCL conference.",
                paragraphs: ["Middle leaders in schools will be able to spend a year on secondment to Ofsted."],
                tags: ["Leadership", "Ofsted", "Early Years", "Uncategorized", "1st POST"],
                images: [Post.Image(url: URL(fileURLWithPath: "/i.jpg"))])
        }
        var count = 0
        for post in posts { count += PageMetadata(post: post, siteName: "Riverside").tags.count }
        for post in posts { count += ShareLinks(post: post, mastodonInstance: "mastodon.social").links.count }
        #expect(count == 200 * (12 + 8))
    }
}
