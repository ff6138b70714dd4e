import Foundation
import Testing

@testable import Syndicate

@Suite struct HTMLElementFilterTests {
    /// The role of the first element of `html` (after any `<html>`/`<body>` the tokenizer sees).
    func role(_ html: String) throws -> HTMLElementFilter.Role {
        let tree = HTMLTree(html: html)
        let filter = HTMLElementFilter(tree: tree)
        let element = try #require(tree.nodes.indices.first { tree.nodes[$0].kind == .element })
        return filter.role(of: element)
    }

    @Test(arguments: [
        ("<div class=comments>", .boilerplate),
        ("<ol class=commentlist>", .boilerplate),
        ("<div id=disqus_thread>", .boilerplate),
        ("<div class=\"comment-content entry-content\">", .boilerplate),
        ("<div class=share-bar>", .boilerplate),
        ("<div class=\"social-links\">", .boilerplate),
        ("<section class=related-posts>", .boilerplate),
        ("<div class=newsletter-signup>", .boilerplate),
        ("<div id=cookie-notice>", .boilerplate),
        ("<div class=\"ad\">", .boilerplate),
        ("<div class=\"ad-slot\">", .boilerplate),
        ("<div class=promo-box>", .boilerplate),
        ("<div hidden>", .boilerplate),
        ("<div aria-hidden=true>", .boilerplate),
        ("<div style=\"display: none\">", .boilerplate),
        ("<nav>", .navigation),
        ("<aside>", .navigation),
        ("<form>", .navigation),
        ("<div role=navigation>", .navigation),
        ("<header>", .furniture),
        ("<footer>", .furniture),
        ("<div class=entry-header>", .furniture),
        ("<p class=entry-meta>", .furniture),
        ("<span class=byline>", .furniture),
        ("<div role=contentinfo>", .furniture),
        ("<div class=entry-content>", .content),
        ("<div class=content-sidebar-wrap>", .content),
        ("<div class=\"loader head\">", .content),
        ("<article class=\"post tag-social-media category-comment has-sidebar\">", .content),
        ("<body class=\"single comments-open has-sidebar\">", .content),
        ("<main class=sidebar-left>", .content),
        ("<div itemprop=articleBody class=related>", .content),
        ("<p>", .content),
    ] as [(String, HTMLElementFilter.Role)])
    func rolesFromTagsRolesAndClassWords(html: String, expected: HTMLElementFilter.Role) throws {
        #expect(try role(html) == expected)
    }

    @Test func headersAndFootersAreSearchedForMetadataButNotRead() throws {
        let tree = HTMLTree(html: "<header class=entry-header></header><nav></nav><div class=comments></div>")
        let filter = HTMLElementFilter(tree: tree)
        let elements = tree.nodes.indices.filter { tree.nodes[$0].kind == .element }
        #expect(elements.map(filter.skipsInText) == [true, true, true])
        #expect(elements.map(filter.skipsInMetadata) == [false, true, true])
    }
}
