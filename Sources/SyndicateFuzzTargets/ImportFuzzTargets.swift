import Foundation
import Syndicate
import SyndicateImport

/// Fuzz targets for the importers: any bytes give well-formed posts or an ``ImportError``.
///
/// The importers throw only `ImportError` (typed throws), so the checks are on what they
/// return: ``PostInvariants``.
enum ImportFuzzTargets {
    /// Limits small enough that a fuzz input can reach each of them.
    static let context = ImportContext(
        inputName: "fuzz-input",
        baseURL: URL(string: "https://school.example/news/"),
        limits: ImportLimits(maxDocumentBytes: 1 << 20, maxItemBytes: 64 << 10, maxItems: 200, maxDepth: 64)
    )

    static let html = FuzzTarget(
        name: "html",
        summary: "HTMLImporter: article pages (metadata, JSON-LD, body, boilerplate).",
        dictionary: [
            "<html>", "<head>", "<body>", "<article>", "</article>", "<p>", "</p>", "<h1>", "<div>", "</div>",
            "<script type=\"application/ld+json\">", "</script>", "<meta property=\"og:title\" content=\"",
            "<link rel=\"canonical\" href=\"", "<title>", "</title>", "<time datetime=\"", "&amp;", "&#x1F600;",
            "&nbsp;", "<!--", "-->", "<![CDATA[", "]]>", "<br>", "<img src=\"", "alt=\"", "\"headline\":",
            "The Telegraph reports", "Read more", "Sign up to our daily bulletin",
        ],
        body: { data throws(FuzzFinding) in try importing(data, with: HTMLImporter(), target: "html") }
    )

    static let feed = FuzzTarget(
        name: "feed",
        summary: "RSS 2.0 and Atom through the streaming FeedReader, item by item.",
        dictionary: [
            "<?xml version=\"1.0\"?>", "<rss version=\"2.0\">", "<channel>", "<item>", "</item>", "<title>",
            "</title>", "<link>", "<guid>", "<category>", "<description>", "<pubDate>", "<content:encoded>",
            "<feed xmlns=\"http://www.w3.org/2005/Atom\">", "<entry>", "</entry>", "<content type=\"html\">",
            "<link href=\"", "<updated>", "<![CDATA[", "]]>", "&amp;", "&lt;p&gt;", "&#233;", "xml:base=\"",
            "<!DOCTYPE", "<!ENTITY", "<media:content url=\"",
        ],
        body: { data throws(FuzzFinding) in try readingFeed(data, target: "feed") }
    )

    static let jsonFeed = FuzzTarget(
        name: "jsonfeed",
        summary: "JSONFeedImporter: JSON Feed 1.0 and 1.1.",
        dictionary: [
            "{\"version\":\"https://jsonfeed.org/version/1.1\"", "\"items\":[", "\"id\":", "\"title\":",
            "\"content_html\":", "\"content_text\":", "\"url\":", "\"tags\":[", "\"date_published\":",
            "\"authors\":[{\"name\":", "\"image\":", "\\u00e9", "\\ud83d\\ude00", "null", "[", "]", "{", "}",
        ],
        body: { data throws(FuzzFinding) in try importing(data, with: JSONFeedImporter(), target: "jsonfeed") }
    )

    static let markdown = FuzzTarget(
        name: "markdown",
        summary: "MarkdownImporter: Markdown with YAML front matter (Jekyll, Hugo, Publish).",
        dictionary: [
            "---\n", "title: ", "date: ", "tags: [", "categories:\n  - ", "permalink: ", "summary: ",
            "image: ", "author: ", "# ", "> ", "* ", "[link](", "![alt](", "```", "&amp;", "<div>", "*:", "&anchor",
        ],
        body: { data throws(FuzzFinding) in try importing(data, with: MarkdownImporter(), target: "markdown") }
    )

    static let text = FuzzTarget(
        name: "text",
        summary: "PlainTextImporter and JSONPostImporter (Syndicate's own JSON form).",
        dictionary: [
            "\n\n", "Read more: https://", "The Telegraph reports", "{\"id\":", "\"title\":", "\"paragraphs\":[",
            "\"tags\":[", "\"published\":\"2026-01-01T00:00:00Z\"", "null",
        ],
        body: { data throws(FuzzFinding) in
            try importing(data, with: PlainTextImporter(), target: "text")
            try importing(data, with: JSONPostImporter(), target: "text")
        }
    )

    private static func importing(_ data: Data, with importer: some PostImporter, target: String) throws(FuzzFinding) {
        let posts: [Post]
        do {
            posts = try importer.posts(from: data, context: context)
        } catch {
            try expect(!error.message.isEmpty, target, "an ImportError of kind \(error.kind) without a message")
            return
        }
        for post in posts { try PostInvariants.check(post, target: target) }
    }

    private static func readingFeed(_ data: Data, target: String) throws(FuzzFinding) {
        let reader = FeedReader(data: data, context: context)
        var count = 0
        while true {
            let post: Post?
            do {
                post = try reader.nextPost()
            } catch {
                try expect(!error.message.isEmpty, target, "an ImportError of kind \(error.kind) without a message")
                return
            }
            guard let post else { return }
            count += 1
            try expect(
                count <= context.limits.maxItems, target,
                "the reader returned \(count) items, over maxItems \(context.limits.maxItems)")
            try PostInvariants.check(post, target: target)
        }
    }
}
