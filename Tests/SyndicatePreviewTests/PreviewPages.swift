import Foundation
import Syndicate
import SyndicateTestSupport

/// The example posts the preview tests draw, and a minimal reader of the page's cards.
enum PreviewPages {
    /// The first `count` posts of the bundled example `name` (`sports-day.md` is
    /// ``Fixtures/sportsDay``), local image files renamed to `https://school.example/images/…`
    /// so that a golden holds no embedded file.
    static func posts(_ name: String, count: Int = 1) throws -> [Post] {
        let posts: [Post]
        if name == "sports-day.md" {
            posts = [try DryRunHarness.examplePost(name)]
        } else {
            let data = try Fixtures.exampleData(name)
            guard let importer = Fixtures.importer(sniffing: data, fileName: name) else { throw CocoaError(.fileReadCorruptFile) }
            posts = Array(try importer.posts(from: data, context: Fixtures.context(name)).prefix(count))
        }
        return posts.map(withPublicImages)
    }

    /// `post` with each local image named by a public URL of the same file name.
    static func withPublicImages(_ post: Post) -> Post {
        var post = post
        post.images = post.images.map { image in
            var image = image
            if image.url.isFileURL, let url = URL(string: "https://school.example/images/" + image.url.lastPathComponent) {
                image.url = url
            }
            return image
        }
        return post
    }

    /// Each card of `page` as (network, the text of each `.post-text` rebuilt as the browser
    /// test rebuilds it: each `a.link`'s shown text replaced by its `data-full`, other tags
    /// dropped, character references decoded).
    static func cards(_ page: String) -> [(network: String, texts: [String])] {
        page.components(separatedBy: "<article class=\"card\" data-network=\"").dropFirst().map { card in
            let network = String(card.prefix { $0 != "\"" })
            let texts = card.matches(of: /<div class="post-text" data-part="\d+" dir="auto">(.*?)<\/div>/.dotMatchesNewlines().matchingSemantics(.unicodeScalar)).map {
                rebuilt(String($0.1))
            }
            return (network, texts)
        }
    }

    /// The text of one `.post-text`'s HTML, links at their `data-full`.
    static func rebuilt(_ html: String) -> String {
        // A link's data-full is escaped like the text around it, so both decode alike.
        let links = html.replacing(/<a class="link" href="[^"]*" data-full="([^"]*)">[^<]*<\/a>/.matchingSemantics(.unicodeScalar)) { String($0.1) }
        return decode(links.replacing(/<[^>]+>/.matchingSemantics(.unicodeScalar)) { _ in "" })
    }

    /// `text` with the five references the renderer writes decoded (`&amp;` last).
    static func decode(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<", options: .literal).replacingOccurrences(of: "&gt;", with: ">", options: .literal)
            .replacingOccurrences(of: "&quot;", with: "\"", options: .literal).replacingOccurrences(of: "&#39;", with: "'", options: .literal)
            .replacingOccurrences(of: "&amp;", with: "&", options: .literal)
    }
}
