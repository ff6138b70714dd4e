import Foundation
import Syndicate
import SyndicateTestSupport
import Testing

@Suite struct RSSImporterTests {
    private func posts(_ xml: String, name: String = "test.rss", baseURL: URL? = nil) throws -> [Post] {
        try RSSImporter().posts(from: Data(xml.utf8), context: ImportContext(inputName: name, baseURL: baseURL))
    }

    private func url(_ string: String) throws -> URL {
        try #require(URL(string: string))
    }

    @Test func exampleFeedYieldsEveryItemInOrder() throws {
        let posts = try RSSImporter().posts(
            from: try Fixtures.exampleData("school-news.rss"), context: Fixtures.context("school-news.rss"))
        #expect(posts.map(\.id) == ["riverside-news-101", "https://riverside.example/news/science-fair", "riverside-news-099"])
        #expect(posts.map(\.title) == ["School leaders will have the chance to work for Ofsted for a year", "Year 9 Science Fair: results", "Sixth form open evening"])
    }

    @Test func exampleFirstItemMapsEveryField() throws {
        let posts = try RSSImporter().posts(
            from: try Fixtures.exampleData("school-news.rss"), context: Fixtures.context("school-news.rss"))
        let html = """
            <p>School leaders will have the chance to work for Ofsted for a year under a new secondment programme announced by Amanda Spielman.</p>
            <p>Ofsted&rsquo;s Chief Inspector revealed the plans on Saturday at the annual ASCL conference in Birmingham.</p>
            <p>&ldquo;Ofsted is part of the education system, not separate from it,&rdquo; she said.</p>
            """
        let expected = Post(
            id: "riverside-news-101",
            title: "School leaders will have the chance to work for Ofsted for a year",
            url: try url("https://riverside.example/news/ofsted-secondments"),
            summary: "Ofsted’s new secondment programme & what it means for middle leaders.",
            paragraphs: [
                "School leaders will have the chance to work for Ofsted for a year under a new secondment programme announced by Amanda Spielman.",
                "Ofsted’s Chief Inspector revealed the plans on Saturday at the annual ASCL conference in Birmingham.",
                "“Ofsted is part of the education system, not separate from it,” she said.",
            ],
            markup: Post.Markup(kind: .html, content: html),
            author: "Tamsin Hale",
            published: Date(timeIntervalSince1970: 1_709_978_400),
            updated: nil,
            tags: ["Ofsted", "Leadership"],
            images: [Post.Image(url: try url("https://riverside.example/images/ofsted-conference.jpg"), width: 1200, height: 630)],
            source: nil,
            language: "en-GB"
        )
        #expect(posts.first == expected)
    }

    @Test func descriptionAloneIsTheBodyAndAuthorEmailFormGivesTheName() throws {
        let posts = try RSSImporter().posts(
            from: try Fixtures.exampleData("school-news.rss"), context: Fixtures.context("school-news.rss"))
        let second = try #require(posts.dropFirst().first)
        #expect(second.summary == nil)
        #expect(second.paragraphs == ["Forty projects, three winners and one volcano too many.", "Thank you to every family who came."])
        #expect(second.markup == Post.Markup(kind: .html, content: "<p>Forty projects, three winners and one volcano too many.</p><p>Thank you to every family who came.</p>"))
        #expect(second.author == "Dr Ade Okafor")
        #expect(second.images == [Post.Image(url: try url("https://riverside.example/images/science-fair.png"))])
        #expect(second.published == Date(timeIntervalSince1970: 1_709_307_000))
        let third = try #require(posts.last)
        #expect(third.author == "Riverside Office")
        #expect(third.tags == ["Sixth Form", "Events"])
    }

    @Test func rss10ItemsAreSiblingsOfTheChannel() throws {
        let xml = """
            <?xml version="1.0"?>
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
                     xmlns:dc="http://purl.org/dc/elements/1.1/">
              <channel rdf:about="https://school.example/">
                <title>School</title>
                <link>https://school.example/</link>
                <dc:language>fr</dc:language>
                <items><rdf:Seq><rdf:li rdf:resource="https://school.example/a"/></rdf:Seq></items>
              </channel>
              <item rdf:about="https://school.example/a">
                <title>Première</title>
                <link>https://school.example/a</link>
                <description>Bonjour.</description>
                <dc:creator>Anne</dc:creator>
                <dc:date>2024-03-09T10:00:00Z</dc:date>
                <dc:subject>Vie scolaire</dc:subject>
              </item>
              <item rdf:about="https://school.example/b">
                <title>Deuxième</title>
                <link>b</link>
              </item>
            </rdf:RDF>
            """
        let posts = try posts(xml)
        #expect(
            posts == [
                Post(
                    id: "https://school.example/a", title: "Première", url: try url("https://school.example/a"),
                    paragraphs: ["Bonjour."], markup: Post.Markup(kind: .html, content: "Bonjour."), author: "Anne",
                    published: Date(timeIntervalSince1970: 1_709_978_400), tags: ["Vie scolaire"], language: "fr"),
                Post(
                    id: "https://school.example/b", title: "Deuxième", url: try url("https://school.example/b"),
                    language: "fr"),
            ])
    }

    @Test func cdataAndDoubleEscapedEntitiesDecodeToPlainTitles() throws {
        let xml = """
            <rss version="2.0"><channel>
            <item><title>Fish &amp;amp; Chips &amp;rsquo;24 &#8211; menu</title><guid>1</guid></item>
            <item><title><![CDATA[Q&A: <b>Exams</b> &amp; revision]]></title><guid>2</guid></item>
            <item><title>Caf&eacute; &lt;em&gt;opens&lt;/em&gt;</title><guid>3</guid></item>
            </channel></rss>
            """
        #expect(try posts(xml).map(\.title) == ["Fish & Chips ’24 – menu", "Q&A: Exams & revision", "Café opens"])
    }

    @Test(arguments: [
        ("jo@example.com (Jo Bloggs)", "Jo Bloggs"),
        ("Jo Bloggs &lt;jo@example.com&gt;", "Jo Bloggs"),
        ("jo@example.com", "jo@example.com"),
        ("  Jo   Bloggs ", "Jo Bloggs"),
    ])
    func authorFieldGivesTheDisplayName(field: String, name: String) throws {
        let xml = "<rss><channel><item><title>T</title><author>\(field)</author></item></channel></rss>"
        #expect(try posts(xml).first?.author == name)
    }

    @Test func enclosuresAndMediaContentGiveImagesInOrder() throws {
        let xml = """
            <rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><link>https://school.example/news/</link>
            <item><title>Gallery</title>
              <enclosure url="https://cdn.example/talk.mp3" length="1" type="audio/mpeg"/>
              <media:content url="lead.jpg" medium="image" width="800" height="450">
                <media:description>The hall &amp; stage</media:description>
              </media:content>
              <media:content url="https://cdn.example/clip.mp4" type="video/mp4"/>
              <media:group>
                <media:content url="https://cdn.example/second.webp" type="image/webp" width="640"/>
              </media:group>
              <media:thumbnail url="https://cdn.example/thumb.jpg" width="150" height="150"/>
              <enclosure url="/img/poster.png" type="image/png" length="100"/>
              <enclosure url="lead.jpg" type="image/jpeg"/>
            </item></channel></rss>
            """
        let images = try #require(try posts(xml).first).images
        #expect(
            images == [
                Post.Image(url: try url("https://school.example/news/lead.jpg"), alt: "The hall & stage", width: 800, height: 450),
                Post.Image(url: try url("https://cdn.example/second.webp"), width: 640),
                Post.Image(url: try url("https://cdn.example/thumb.jpg"), width: 150, height: 150),
                Post.Image(url: try url("https://school.example/img/poster.png")),
            ])
    }

    @Test(arguments: [
        "Sat, 09 Mar 2024 10:00:00 +0000",
        "Sat, 9 Mar 2024 10:00:00 GMT",
        "Sat, 09 Mar 24 05:00:00 EST",
        "Sat, 09 Mar 2024 11:00:00 +0100",
        "Saturday, 09 Mar 2024 10:00:00 UT",
    ])
    func rfc822DateVariantsParse(pubDate: String) throws {
        let xml = "<rss><channel><item><title>T</title><pubDate>\(pubDate)</pubDate></item></channel></rss>"
        #expect(try posts(xml).first?.published == Date(timeIntervalSince1970: 1_709_978_400))
    }

    @Test func missingGuidUsesTheResolvedLinkAsID() throws {
        let xml = "<rss><channel><item><title>T</title><link>news/1</link></item></channel></rss>"
        let post = try #require(try posts(xml, baseURL: try url("https://school.example/")).first)
        #expect(post.id == "https://school.example/news/1")
        #expect(post.url == (try url("https://school.example/news/1")))
    }

    @Test func itemWithoutTitleTakesTheFirstSentenceOfItsBody() throws {
        let xml = """
            <rss><channel><item><guid>x</guid><description>&lt;p&gt;Mrs Spielman spoke on Saturday. Then she left.&lt;/p&gt;</description></item></channel></rss>
            """
        #expect(try posts(xml).first?.title == "Mrs Spielman spoke on Saturday.")
    }

    @Test func itemWithoutTitleOrBodyNoLongerSinksTheFeed() throws {
        // It used to be a missingField error for the whole feed; now the item is "Untitled"
        // (it has a guid) and an empty item is skipped with a warning.
        let xml = "<rss><channel><item><title>A</title></item><item><guid>2</guid></item><item/></channel></rss>"
        let result = try RSSImporter().importResult(from: Data(xml.utf8), context: ImportContext(inputName: "test.rss"))
        #expect(result.posts.map(\.title) == ["A", "Untitled"])
        #expect(result.warnings.map(\.kind) == [.derivedTitle, .skippedItem])
        #expect(result.warnings.map(\.item) == [2, 3])
    }

    @Test func sourceElementBecomesTheSource() throws {
        let xml = """
            <rss><channel><item><title>T</title><source url="https://telegraph.example/feed">The Telegraph</source></item></channel></rss>
            """
        #expect(try posts(xml).first?.source == Post.Source(name: "The Telegraph", url: try url("https://telegraph.example/feed")))
    }

    @Test func latin1DeclaredEncodingIsDecoded() throws {
        var bytes = Array("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss><channel><item><title>Caf".utf8)
        bytes.append(0xE9)
        bytes += Array("</title></item></channel></rss>".utf8)
        let posts = try RSSImporter().posts(from: Data(bytes), context: ImportContext(inputName: "latin.rss"))
        #expect(posts.map(\.title) == ["Café"])
    }
}
