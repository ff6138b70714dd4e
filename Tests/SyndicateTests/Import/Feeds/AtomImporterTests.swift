import Foundation
import Syndicate
import SyndicateTestSupport
import Testing

@Suite struct AtomImporterTests {
    private func posts(_ xml: String, baseURL: URL? = nil) throws -> [Post] {
        try AtomImporter().posts(from: Data(xml.utf8), context: ImportContext(inputName: "test.atom", baseURL: baseURL))
    }

    private func url(_ string: String) throws -> URL {
        try #require(URL(string: string))
    }

    private func exampleFeed() throws -> [Post] {
        try AtomImporter().posts(
            from: try Fixtures.exampleData("school-news.atom"), context: Fixtures.context("school-news.atom"))
    }

    @Test func exampleFeedYieldsEveryEntryInOrder() throws {
        let posts = try exampleFeed()
        #expect(posts.map(\.id) == ["tag:riverside.example,2024:news/101", "tag:riverside.example,2024:news/100", "tag:riverside.example,2024:news/99"])
    }

    @Test func exampleFirstEntryMapsEveryField() throws {
        let html = """
            <p>School leaders will have the chance to work for Ofsted for a year.</p>
                    <p>The plans were revealed at the <a href="https://riverside.example/events/ascl">ASCL conference</a> in Birmingham.</p>
            """
        let expected = Post(
            id: "tag:riverside.example,2024:news/101",
            title: "School leaders will have the chance to work for Ofsted & learn",
            url: try url("https://riverside.example/news/ofsted-secondments"),
            summary: "Ofsted’s new secondment programme for middle leaders.",
            paragraphs: [
                "School leaders will have the chance to work for Ofsted for a year.",
                "The plans were revealed at the ASCL conference in Birmingham.",
            ],
            markup: Post.Markup(kind: .html, content: html),
            author: "Tamsin Hale",
            published: Date(timeIntervalSince1970: 1_709_978_400),
            updated: Date(timeIntervalSince1970: 1_710_054_900),
            tags: ["Ofsted", "leadership"],
            images: [Post.Image(url: try url("https://riverside.example/images/ofsted-conference.jpg"))],
            source: nil,
            language: "en-GB"
        )
        #expect(try exampleFeed().first == expected)
    }

    @Test func entryXMLBaseResolvesItsRelativeLink() throws {
        let second = try #require(try exampleFeed().dropFirst().first)
        #expect(second.url == (try url("https://riverside.example/science/fair-2024")))
        #expect(second.author == "Riverside Office")
        #expect(second.markup == Post.Markup(kind: .html, content: "<p>Forty projects, three winners and one volcano too many.</p>"))
    }

    @Test func textContentStaysPlainTextSplitOnBlankLines() throws {
        let third = try #require(try exampleFeed().last)
        #expect(third.markup == Post.Markup(kind: .text, content: "Join us on Thursday 14 March from 6pm.\n\nMeet our teachers and students."))
        #expect(third.paragraphs == ["Join us on Thursday 14 March from 6pm.", "Meet our teachers and students."])
    }

    @Test func nestedXMLBaseAndContextBaseResolveLinks() throws {
        let xml = """
            <feed xmlns="http://www.w3.org/2005/Atom">
              <entry xml:base="/blog/">
                <title>One</title><id>1</id>
                <link href="2024/one"/>
                <link rel="related" href="https://elsewhere.example/"/>
              </entry>
              <entry>
                <title>Two</title><id>2</id>
                <link rel="self" href="https://school.example/api/2"/>
                <link rel="alternate" xml:base="https://cdn.example/x/" href="two"/>
              </entry>
            </feed>
            """
        let posts = try posts(xml, baseURL: try url("https://school.example/news/"))
        #expect(posts.map(\.url) == [try url("https://school.example/blog/2024/one"), try url("https://cdn.example/x/two")])
    }

    @Test func summaryOnlyEntryKeepsTheSummaryAndUsesItAsBody() throws {
        let xml = """
            <feed xmlns="http://www.w3.org/2005/Atom"><entry><id>1</id><title>T</title>
            <summary type="html">&lt;p&gt;Short &amp;amp; sweet.&lt;/p&gt;</summary></entry></feed>
            """
        let post = try #require(try posts(xml).first)
        #expect(post.summary == "Short & sweet.")
        #expect(post.paragraphs == ["Short & sweet."])
        #expect(post.markup == Post.Markup(kind: .html, content: "<p>Short &amp; sweet.</p>"))
    }

    @Test func xhtmlTitleAndAuthorFallbacks() throws {
        let xml = """
            <feed xmlns="http://www.w3.org/2005/Atom" xmlns:h="http://www.w3.org/1999/xhtml">
              <author><name>Feed Author</name></author>
              <entry><id>1</id><title type="xhtml"><h:div>Big <h:b>news</h:b></h:div></title>
                <source><title>Ofsted blog</title><link href="https://ofsted.example/"/><author><name>Source Author</name></author></source>
              </entry>
              <entry><id>2</id><title>Plain &amp;amp; simple</title></entry>
            </feed>
            """
        let posts = try posts(xml)
        #expect(posts.map(\.title) == ["Big news", "Plain & simple"])
        #expect(posts.map(\.author) == ["Source Author", "Feed Author"])
        #expect(posts.first?.source == Post.Source(name: "Ofsted blog", url: try url("https://ofsted.example/")))
    }

    @Test func outOfLineContentGivesNoBody() throws {
        let xml = """
            <feed xmlns="http://www.w3.org/2005/Atom"><entry><id>1</id><title>Video</title>
            <content type="video/mp4" src="https://cdn.example/v.mp4"/></entry></feed>
            """
        let post = try #require(try posts(xml).first)
        #expect(post.paragraphs == [])
        #expect(post.markup == nil)
    }
}
