import Foundation
import Syndicate
import Testing

@Suite struct HTMLTitleResolverTests {
    /// The title the importer picks for a page with `head` and an article body.
    func title(_ head: String, body: String = "<article><p>Body text.</p></article>") throws -> String {
        let context = ImportContext(inputName: "title.html", boilerplate: .none)
        let posts = try HTMLImporter().posts(from: Data((head + body).utf8), context: context)
        return try #require(posts.first).title
    }

    static let site = "<meta property=og:site_name content=\"Schools Week Digest\">"

    /// Each case: the page's head, the article's `<h1>` if it has one, the title expected.
    @Test(arguments: [
        // The site name stated in og:site_name (or application-name) confirms the suffix…
        ("<title>Heads warn of budget cuts | Schools Week Digest</title>" + site, nil, "Heads warn of budget cuts"),
        ("<title>Heads warn of budget cuts - Schools Week Digest</title>" + site, nil, "Heads warn of budget cuts"),
        // Readability's separators are | - \\ / > »: an em dash is not one, whatever the site says.
        ("<title>Heads warn of budget cuts \u{2014} Schools Week Digest</title><meta name=application-name content=\"Schools Week Digest\">",
         nil, "Heads warn of budget cuts \u{2014} Schools Week Digest"),
        // …and the prefix, compared case-insensitively.
        ("<title>Schools Week Digest: Heads warn of budget cuts</title>" + site, nil, "Heads warn of budget cuts"),
        // Cutting the last part leaves four words or fewer without a hierarchical separator: whole.
        ("<title>Schools Week Digest | Heads warn of budget cuts</title><meta property=og:site_name content=\"schools week digest\">",
         nil, "Schools Week Digest | Heads warn of budget cuts"),
        // Only the site part goes: "Headline - Part - Site".
        ("<title>Ofsted - the new framework - Schools Week Digest</title>" + site, nil, "Ofsted - the new framework"),
        // The article's h1 agreeing with one part confirms it.
        ("<title>Heads warn of budget cuts | Digest</title>", "Heads warn of budget cuts", "Heads warn of budget cuts"),
        ("<title>Digest: Heads warn of budget cuts</title>", "Heads warn of budget cuts", "Heads warn of budget cuts"),
        // The JSON-LD publisher names the site.
        (#"<title>Heads warn | Digest</title><script type="application/ld+json">{"@type":"NewsArticle","publisher":{"name":"Digest"}}</script>"#,
         nil, "Heads warn | Digest"),
        // Readability cuts the part after the last separator when five words or more are left…
        ("<title>Heads warn of budget cuts | Schools Week Digest</title>", nil, "Heads warn of budget cuts"),
        // …and keeps the whole when four or fewer would be.
        ("<title>Ofsted: the new framework - explained</title>", nil, "Ofsted: the new framework - explained"),
        // With a hierarchical separator, cutting exactly one word is allowed.
        ("<title>News / Schools / Heads warn of cuts</title>", nil, "News / Schools / Heads warn of cuts"),
        ("<title>Heads warn of budget cuts » Digest</title>", nil, "Heads warn of budget cuts"),
        // A colon: the part after it, unless a heading repeats the whole title.
        ("<title>Schools Week: Heads warn of budget cuts</title>", nil, "Heads warn of budget cuts"),
        ("<title>Schools Week: Heads warn of budget cuts</title>", "Schools Week: Heads warn of budget cuts",
         "Schools Week: Heads warn of budget cuts"),
        // A title under 15 characters gives way to the page's only <h1>.
        ("<title>Digest</title>", "Heads warn of budget cuts", "Heads warn of budget cuts"),
        // The JSON-LD headline wins over a generic og:title, even one the <title> repeats.
        (#"<meta property="og:title" content="Schools Week Digest"><title>Schools Week Digest</title><script type="application/ld+json">{"@type":"NewsArticle","headline":"Heads warn of budget cuts"}</script>"#,
         nil, "Heads warn of budget cuts"),
        // og:title beats a <title> carrying a tagline.
        ("<title>Digest \u{2013} news for schools</title><meta property=\"og:title\" content=\"Heads warn of budget cuts\">",
         nil, "Heads warn of budget cuts"),
        // Meta titles of other vocabularies count when nothing better exists.
        ("<meta name=\"DC.title\" content=\"Heads warn of budget cuts\">", nil, "Heads warn of budget cuts"),
        ("<meta name=\"twitter:title\" content=\"Heads warn &amp; plead\">", nil, "Heads warn & plead"),
        // Entities and whitespace in every source.
        ("<title>\n  Caf&eacute;s &#038; &#x201C;schools&#x201D;\n</title>", nil, "Caf\u{E9}s & \u{201C}schools\u{201D}"),
    ] as [(String, String?, String)])
    func titleDisambiguation(head: String, heading: String?, expected: String) throws {
        let body = "<article>" + (heading.map { "<h1>\($0)</h1>" } ?? "") + "<p>Body text.</p></article>"
        #expect(try title(head, body: body) == expected)
    }

    /// Readability's order: og:title before the `<title>` and any heading, even when it is only
    /// the site's name (as the corpus shows for pages whose og:title carries "| Site").
    @Test func theOpenGraphTitleComesBeforeTheTitleElement() throws {
        let head = "<title>Heads warn of budget cuts | Digest</title><meta property=og:title content=\"Digest\">"
        let body = "<header><h1>Digest</h1></header><article><h1>Heads warn of budget cuts</h1><p>Text.</p></article>"
        #expect(try title(head, body: body) == "Digest")
    }

    /// JSON-LD's `name` is the title; its `headline` only when the `<title>` resembles it and
    /// not the name.
    @Test func jsonLDNameOrHeadline() throws {
        let both = #"<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","name":"Digest","headline":"Heads warn of budget cuts"}</script>"#
        #expect(try title("<title>Heads warn of budget cuts</title>" + both) == "Heads warn of budget cuts")
        #expect(try title("<title>Something else entirely here</title>" + both) == "Digest")
        let otherContext = #"<script type="application/ld+json">{"@context":"https://example.org","@type":"NewsArticle","name":"Not schema.org"}</script>"#
        #expect(try title("<title>Heads warn of budget cuts</title>" + otherContext) == "Heads warn of budget cuts")
    }

    @Test func aSiteLogoHeadingOutsideTheArticleIsNotTheTitle() throws {
        let head = "<meta property=og:site_name content=\"Digest\"><title>Heads warn of budget cuts | Digest</title>"
        let body = "<header><h1>Digest</h1></header><article><p>Text.</p></article>"
        #expect(try title(head, body: body) == "Heads warn of budget cuts")
    }

    @Test func anH1AloneIsATitle() throws {
        #expect(try title("", body: "<article><h1>Only &lt;h1&gt;</h1><p>Text.</p></article>") == "Only <h1>")
    }
}
