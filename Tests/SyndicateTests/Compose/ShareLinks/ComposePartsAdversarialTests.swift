import Foundation
import Testing

@testable import Syndicate

/// Huge or hostile posts finish quickly (linear work) and still give valid output.
@Suite struct ComposePartsAdversarialTests {
    static func elapsed(_ body: () -> Void) -> Duration {
        let clock = ContinuousClock()
        let start = clock.now
        body()
        return clock.now - start
    }

    @Test func megabyteTitleTagsAndBodyStayFast() throws {
        let words = String(repeating: "Ofsted ASCL leaders & “quotes” 😊 ", count: 30_000)  // ≈ 1 MB
        let post = Post(
            id: "1", title: words, url: URL(string: "https://school.example/a"),
            paragraphs: [words, String(repeating: "x", count: 1_000_000)],
            tags: [words, String(repeating: "ab-", count: 300_000)])
        var links: ShareLinks?
        var metadata: PageMetadata?
        var candidates: [String] = []
        let linksTime = Self.elapsed { links = ShareLinks(post: post, mastodonInstance: "mastodon.social") }
        let metaTime = Self.elapsed { metadata = PageMetadata(post: post) }
        var untagged = post
        untagged.tags = []
        let phraseTime = Self.elapsed { candidates = Hashtags.candidates(for: untagged, policy: .default) }
        let time = linksTime + metaTime + phraseTime
        print("ComposeParts 1 MB post (this build): share links \(linksTime), meta \(metaTime), key phrases \(phraseTime)")
        #expect(time < .seconds(20), "took \(time)")
        #expect(links?.links.count == 7)
        #expect((metadata?.value(for: "og:description") ?? "").count <= 200)
        #expect(candidates == ["OfstedASCL"])  // adjacent proper words form one phrase
    }

    @Test func manyPostsTiming() throws {
        let posts = (0..<2_000).map { index in
            Post(
                id: "\(index)", title: "Ofsted to offer school leaders year-long secondments, part \(index)",
                url: URL(string: "https://school.example/news/\(index)/"),
                summary: "Middle leaders will be able to spend a year working at Ofsted, Amanda Spielman told the ASCL conference.",
                paragraphs: ["Middle leaders in schools will be able to spend a year on secondment to Ofsted."],
                tags: ["Leadership", "Ofsted", "Early Years", "Uncategorized", "1st POST"],
                images: [Post.Image(url: URL(fileURLWithPath: "/i.jpg"))])
        }
        var count = 0
        let metaTime = Self.elapsed {
            for post in posts { count += PageMetadata(post: post, siteName: "Riverside").tags.count }
        }
        let shareTime = Self.elapsed {
            for post in posts { count += ShareLinks(post: post, mastodonInstance: "mastodon.social").links.count }
        }
        print("ComposeParts timing (this build): 2,000 posts: meta \(metaTime), share links \(shareTime)")
        #expect(count == 2_000 * (12 + 7))
        #expect(metaTime + shareTime < .seconds(60))
    }
}
