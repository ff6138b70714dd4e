import Foundation
import Syndicate
import Testing

/// Readability's image rules, seen in the article markup: lazy images get a real `src` or
/// `srcset`, tiny placeholders go, and a `<noscript>` image replaces the placeholder before it.
@Suite struct ReadabilityImagesTests {
    func markup(_ images: String) throws -> String {
        let prose = (1...6).map { "<p>Paragraph \($0) explains the story, with commas, clauses and enough words to count.</p>" }
        let html = "<title>Images in a story about schools</title><body><div class=story>" + prose.joined() + images
            + prose.joined() + "</div></body>"
        let post = try HTMLImporter().posts(from: Data(html.utf8), context: ImportContext(inputName: "page.html"))
        return try #require(post.first?.markup?.content)
    }

    @Test func dataSrcBecomesSrc() throws {
        let html = try markup(#"<p><img data-src="https://x.example/a.jpg" alt="A"></p>"#)
        #expect(html.contains(#"src="https://x.example/a.jpg""#))
        #expect(html.contains(#"data-src="https://x.example/a.jpg""#))
    }

    @Test func aSrcsetValueBecomesSrcset() throws {
        let html = try markup(#"<p><img class="lazyload" data-srcset="https://x.example/b.png 1x, https://x.example/b2.png 2x"></p>"#)
        #expect(html.contains(#"srcset="https://x.example/b.png 1x, https://x.example/b2.png 2x""#))
    }

    @Test func aTinyBase64PlaceholderGivesWayToTheLazySource() throws {
        let html = try markup(#"<p><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-src="https://x.example/c.webp"></p>"#)
        #expect(!html.contains("data:image/gif"))
        #expect(html.contains(#"src="https://x.example/c.webp""#))
    }

    @Test func aFigureWithoutAnImageGetsOne() throws {
        let html = try markup(#"<figure data-src="https://x.example/d.jpg"></figure>"#)
        #expect(html.contains(#"<img src="https://x.example/d.jpg">"#))
    }

    @Test func aNoscriptImageReplacesThePlaceholderBeforeIt() throws {
        let html = try markup(#"<p><img src="https://x.example/blur.jpg" class="lazy"><noscript><img src="https://x.example/real.jpg" alt="Real"></noscript></p>"#)
        #expect(html.contains(#"<img src="https://x.example/real.jpg" alt="Real" data-old-src="https://x.example/blur.jpg">"#))
        #expect(!html.contains("noscript"))
    }

    @Test func anImageWithNothingToLoadIsDropped() throws {
        let html = try markup(#"<p><img alt="nothing" class="spacer"></p>"#)
        #expect(!html.contains("spacer"))
    }
}
