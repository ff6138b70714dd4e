import Foundation
import Syndicate
import SyndicatePreview
import SyndicateTestSupport
import Testing

/// Whatever a post holds, the page stays inert: random strings of markup, quotes,
/// `javascript:` and `data:text/html` URLs, Unicode and bidirectional marks in the title,
/// summary, text, alt text, URLs and account names give no `<script`, no event attribute, no
/// `javascript:` or `data:text/html` in any `href`/`src`, and only elements of ``allowedTags``.
@Suite struct PreviewEscapingTests {
    /// Every element the renderer writes.
    static let allowedTags: Set<String> = [
        "html", "head", "meta", "title", "style", "body", "main", "section", "h1", "article", "header", "span", "strong",
        "div", "a", "figure", "img", "figcaption", "ul", "li", "p",
    ]

    /// Pieces random strings are made of.
    static let pieces = [
        "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "\"", "'", "\" onmouseover=\"alert(1)", "' onload='x", "javascript:alert(1)",
        "JaVaScRiPt:alert(1)", "data:text/html,<b>x</b>", "&amp;", "&lt;script&gt;", "<", ">", "</div>", "<b>", "</a>", "*bold*", "**x**",
        "[label](javascript:alert(1))", "<javascript:alert(1)|click>", "{hashtag|\\#|x}", "\\", "@user@host.social", "#tag",
        "https://school.example/a?b=1&c=<2>", "http://x.example/\"onclick=", "שלום", "مرحبا", "\u{202E}", "\u{200F}", "\u{200B}", "日本語",
        "👩‍👩‍👧", "\n", " ", "e\u{301}", "--!>", "<!--", "<style>", "</style>", "<svg onload=alert(1)>", "`",
        "<a href=\"javascript:alert(1)\">x</a>", "<a href='https://x.example/&quot;onmouseover=1'>y</a>",
        "<a href=\"https://school.example/ok\">", "<https://school.example|ok>",
    ]

    /// A random string of 0–8 pieces.
    static func random(_ generator: inout SeededGenerator) -> String {
        (0..<generator.int(0...8)).map { _ in generator.pick(pieces) }.joined()
    }

    /// A random URL: a hostile scheme or a web address with random pieces, when it parses.
    static func randomURL(_ generator: inout SeededGenerator) -> URL? {
        let schemes = ["javascript:alert(1)//", "data:text/html,", "JAVASCRIPT:", "https://school.example/", "http://", "vbscript:", "file:///etc/"]
        let raw = generator.pick(schemes) + random(&generator)
        return URL(string: raw) ?? URL(string: raw.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed) ?? "")
    }

    @Test func randomHostileInputRendersInert() throws {
        var generator = SeededGenerator(seed: 22)
        for run in 0..<600 {
            let url = Self.randomURL(&generator)
            let image = Self.randomURL(&generator) ?? URL(string: "javascript:alert(1)")!
            let post = Post(
                id: Self.random(&generator), title: Self.random(&generator), url: url, summary: Self.random(&generator),
                paragraphs: [Self.random(&generator)], tags: [Self.random(&generator)],
                images: [Post.Image(url: image, alt: Self.random(&generator)), Post.Image(url: image, alt: nil)],
                language: generator.below(2) == 0 ? Self.random(&generator) : nil)
            var payloads: [SharePayload] = []
            for network in SocialNetwork.allCases {
                // The composer's payload when it composes one, and a hand-made one with hostile fields.
                if let composed = try? Composer().payload(for: post, on: network) { payloads.append(composed) }
                var payload = SharePayload(
                    network: network, text: Self.random(&generator), length: generator.int(0...500), limit: generator.int(0...500),
                    link: url, hashtags: [], images: post.images,
                    warnings: [SharePayload.Warning(.summaryCut, Self.random(&generator))])
                let card = Self.randomURL(&generator) ?? URL(string: "javascript:alert(1)")!
                if network == .bluesky {
                    payload.embed = SharePayload.Embed(
                        external: .init(uri: card, title: Self.random(&generator), description: Self.random(&generator), thumbURL: image))
                    // Facets over random byte ranges (inside characters, overlapping, past the end).
                    let length = payload.text.utf8.count
                    payload.facets = (0..<generator.int(1...3)).map { _ in
                        let start = generator.int(0...max(0, length))
                        let feature: BlueskyFacet.Feature = generator.below(2) == 0 ? .link(uri: card.absoluteString) : .tag(Self.random(&generator))
                        return BlueskyFacet(index: .init(byteStart: start, byteEnd: start + generator.int(0...12)), features: [feature])
                    }
                }
                if network == .linkedin {
                    payload.commentary = Self.random(&generator)
                    payload.article = SharePayload.Article(
                        source: card, title: Self.random(&generator), description: Self.random(&generator), thumbnailURL: image)
                }
                if network == .threads { payload.topicTag = Self.random(&generator) }
                if network == .telegram { payload.parseMode = "HTML" }
                payloads.append(payload)
            }
            let accounts = SocialNetwork.allCases.map {
                PreviewAccount(network: $0, displayName: Self.random(&generator), handle: Self.random(&generator))
            }
            let page = PreviewRenderer(accounts: accounts).page([PostPreview(post: post, payloads: payloads)])
            let problems = Self.problems(in: page)
            #expect(problems.isEmpty, "case \(run): \(problems)")
            if !problems.isEmpty { return }
        }
    }

    /// What is wrong with `page`: a script, a tag off the list, an event attribute, an attribute
    /// outside quotes, or an `href`/`src` that is not `http(s)` (or a `data:image/` source).
    static func problems(in page: String) -> [String] {
        var problems: [String] = []
        if page.lowercased().contains("<script") { problems.append("<script") }
        // The style sheet is the renderer's own; the rest of the page is tags and escaped text.
        let body = page.replacing(/<style>.*?<\/style>/.dotMatchesNewlines().matchingSemantics(.unicodeScalar)) { _ in "<style></style>" }
        for tag in body.matches(of: /<(\/?)([^\s>\/]*)([^>]*)>/.matchingSemantics(.unicodeScalar)) {
            let name = tag.2.lowercased()
            if name != "!doctype", !allowedTags.contains(name) { problems.append("tag <\(tag.2)>") }
            var attributes = String(tag.3)
            for attribute in attributes.matches(of: /\s([A-Za-z-]+)="([^"]*)"/.matchingSemantics(.unicodeScalar)) {
                let key = attribute.1.lowercased()
                let value = PreviewPages.decode(String(attribute.2)).lowercased()
                if key.hasPrefix("on") { problems.append("attribute \(key)") }
                if key == "href" || key == "src" {
                    let allowed = value.hasPrefix("http://") || value.hasPrefix("https://") || value.hasPrefix("data:image/")
                    if !allowed || value.contains("javascript:") && !value.hasPrefix("http") { problems.append("\(key)=\(value)") }
                }
            }
            attributes = attributes.replacing(/\s[A-Za-z-]+="[^"]*"/.matchingSemantics(.unicodeScalar)) { _ in "" }
            if !attributes.trimmingCharacters(in: .whitespaces).isEmpty, name != "!doctype" {
                problems.append("unquoted attribute text '\(attributes)' in <\(tag.2)>")
            }
        }
        return problems
    }

    @Test func hostileURLsAreShownAsTextNeverLinked() {
        let payload = SharePayload(
            network: .slack, text: "<javascript:alert(1)|click> and <data:text/html,x|see>", length: 0, limit: 40_000, link: nil,
            hashtags: [])
        let page = PreviewRenderer().page([PostPreview(post: Post(id: "h", title: "<script>x</script>"), payloads: [payload])])
        #expect(Self.problems(in: page).isEmpty)
        #expect(page.contains("&lt;script&gt;x&lt;/script&gt;"))
        #expect(!page.contains("href=\"javascript"))
    }
}
