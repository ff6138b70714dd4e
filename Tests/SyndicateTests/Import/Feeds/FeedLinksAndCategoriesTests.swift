import Foundation
import Syndicate
import Testing

@Suite struct FeedLinksAndCategoriesTests {
    private func post(_ xml: String, importer: any PostImporter = RSSImporter()) throws -> Post {
        try #require(try importer.posts(from: Data(xml.utf8), context: ImportContext(inputName: "t.xml")).first)
    }

    @Test func feedBurnerOrigLinkWinsOverTheProxyLink() throws {
        let xml = """
            <rss xmlns:feedburner="http://rssnamespace.org/feedburner/ext/1.0"><channel><item><title>T</title>
            <link>https://feeds.feedburner.example/~r/school/~3/abc/</link>
            <feedburner:origLink>https://school.example/news/sports-day</feedburner:origLink>
            </item></channel></rss>
            """
        #expect(try post(xml).url?.absoluteString == "https://school.example/news/sports-day")
    }

    @Test func trackingParametersAreRemovedAndOthersKeptInOrder() throws {
        let xml = """
            <rss><channel><item><title>T</title>
            <link>https://school.example/p?id=7&amp;utm_source=feedburner&amp;utm_medium=feed&amp;page=2&amp;fbclid=x#top</link>
            </item></channel></rss>
            """
        #expect(try post(xml).url?.absoluteString == "https://school.example/p?id=7&page=2#top")
    }

    @Test func aLinkWithOnlyTrackingParametersLosesItsQuery() throws {
        let xml = "<rss><channel><item><title>T</title><link>https://school.example/p?utm_campaign=Feed%3A+x</link></item></channel></rss>"
        #expect(try post(xml).url?.absoluteString == "https://school.example/p")
    }

    @Test func permalinkGuidIsTheFallbackAndXmlBaseResolves() throws {
        let xml = """
            <rss><channel xml:base="https://school.example/blog/"><item><title>T</title><guid>posts/1</guid></item>
            <item><title>U</title><guid isPermaLink="false">posts/2</guid></item></channel></rss>
            """
        let posts = try RSSImporter().posts(from: Data(xml.utf8), context: ImportContext(inputName: "t.rss"))
        #expect(posts.map { $0.url?.absoluteString } == ["https://school.example/blog/posts/1", nil])
    }

    @Test func atomEntryOrigLinkAndAlternateTextContent() throws {
        let xml = """
            <feed xmlns="http://www.w3.org/2005/Atom" xmlns:fb="http://rssnamespace.org/feedburner/ext/1.0">
            <entry><title>A</title><link href="https://proxy.example/a"/><fb:origLink>https://school.example/a?utm_source=x</fb:origLink></entry>
            </feed>
            """
        #expect(try post(xml, importer: AtomImporter()).url?.absoluteString == "https://school.example/a")
    }

    @Test func rssCategoriesFollowTheDocumentInterleavedAndDeduplicated() throws {
        let xml = """
            <rss xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"
              xmlns:media="http://search.yahoo.com/mrss/"><channel><item><title>T</title>
            <dc:subject>Zebra</dc:subject><category>  Apple  </category><dc:subject>Mango</dc:subject>
            <category>Apple</category><category></category>
            <itunes:category text="Education"><itunes:category text="Courses"/></itunes:category>
            <media:category>Banana</media:category>
            </item></channel></rss>
            """
        #expect(try post(xml).tags == ["Zebra", "Apple", "Mango", "Education", "Courses", "Banana"])
    }

    @Test func atomCategoriesUseTheTermInDocumentOrder() throws {
        let xml = """
            <feed xmlns="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/"><entry><title>A</title>
            <category term="zeta" label="Zeta label"/><dc:subject>alpha</dc:subject><category label="Only label"/>
            </entry></feed>
            """
        #expect(try post(xml, importer: AtomImporter()).tags == ["zeta", "alpha", "Only label"])
    }
}

@Suite struct AtomCategoryLabelTests {
    @Test func aLabelThatOnlyRecasesTheTermIsKept() throws {
        let xml = """
            <feed xmlns="http://www.w3.org/2005/Atom"><entry><title>A</title>
            <category term="ofsted" label="Ofsted"/><category term="sci" label="Science"/></entry></feed>
            """
        let post = try #require(try AtomImporter().posts(from: Data(xml.utf8), context: ImportContext(inputName: "a.atom")).first)
        #expect(post.tags == ["Ofsted", "sci"])
    }
}

@Suite struct ManyCategoriesTests {
    @Test func manyCategoriesAreDeduplicatedPastTheLinearLookUp() throws {
        let names = (0..<30).map { "tag\($0 % 20)" }   // 20 distinct, then 10 repeats
        let xml = "<rss><channel><item><title>T</title>" + names.map { "<category>\($0)</category>" }.joined()
            + "</item></channel></rss>"
        let post = try #require(try RSSImporter().posts(from: Data(xml.utf8), context: ImportContext(inputName: "t.rss")).first)
        #expect(post.tags == (0..<20).map { "tag\($0)" })
    }
}
