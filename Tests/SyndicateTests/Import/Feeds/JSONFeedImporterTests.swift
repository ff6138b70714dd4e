import Foundation
import Syndicate
import SyndicateTestSupport
import Testing

@Suite struct JSONFeedImporterTests {
    private func posts(_ json: String, limits: ImportLimits = .default) throws -> [Post] {
        try JSONFeedImporter().posts(
            from: Data(json.utf8), context: ImportContext(inputName: "feed.json", limits: limits))
    }

    private func url(_ string: String) throws -> URL {
        try #require(URL(string: string))
    }

    private func exampleFeed() throws -> [Post] {
        try JSONFeedImporter().posts(
            from: try Fixtures.exampleData("school-news.json"), context: Fixtures.context("school-news.json"))
    }

    @Test func exampleFeedYieldsEveryItemInOrder() throws {
        let posts = try exampleFeed()
        #expect(posts.map(\.id) == ["riverside-news-101", "100", "riverside-news-099"])
        #expect(posts.map(\.title) == ["School leaders will have the chance to work for Ofsted for a year", "Forty projects, three winners and one volcano too many.", "Sixth form open evening"])
    }

    @Test func exampleFirstItemMapsEveryField() throws {
        let expected = Post(
            id: "riverside-news-101",
            title: "School leaders will have the chance to work for Ofsted for a year",
            url: try url("https://riverside.example/news/ofsted-secondments"),
            summary: "Ofsted’s new secondment programme for middle leaders.",
            paragraphs: [
                "School leaders will have the chance to work for Ofsted for a year.",
                "Ofsted’s Chief Inspector revealed the plans on Saturday.",
            ],
            markup: Post.Markup(
                kind: .html,
                content: "<p>School leaders will have the chance to work for Ofsted for a year.</p><p>Ofsted&rsquo;s Chief Inspector revealed the plans on Saturday.</p>"),
            author: "Tamsin Hale",
            published: Date(timeIntervalSince1970: 1_709_978_400),
            updated: Date(timeIntervalSince1970: 1_710_054_900),
            tags: ["Ofsted", "Leadership"],
            images: [
                Post.Image(url: try url("https://riverside.example/images/ofsted-conference.jpg")),
                Post.Image(url: try url("https://riverside.example/images/ofsted-banner.jpg")),
            ],
            source: nil,
            language: "en"
        )
        #expect(try exampleFeed().first == expected)
    }

    @Test func itemsFallBackOnTheFeedAuthorAndLanguage() throws {
        let second = try #require(try exampleFeed().dropFirst().first)
        #expect(second.author == "Riverside Office")
        #expect(second.language == "en-GB")
        #expect(second.markup?.kind == .text)
        #expect(second.paragraphs == ["Forty projects, three winners and one volcano too many. Thank you to every family who came.", "Photos are on the gallery page."])
    }

    @Test func version10AuthorAndVersion11AuthorsBothGiveTheName() throws {
        let json = """
            {"version": "https://jsonfeed.org/version/1", "author": {"name": "Feed One"},
             "items": [{"id": "a", "title": "A", "author": {"name": "Item One"}},
                       {"id": "b", "title": "B", "authors": [{"url": "https://x.example"}, {"name": "Item Eleven"}]},
                       {"id": "c", "title": "C"}]}
            """
        #expect(try posts(json).map(\.author) == ["Item One", "Item Eleven", "Feed One"])
    }

    @Test func notAJSONFeedIsMalformed() throws {
        #expect(throws: ImportError(
            .malformed, input: "feed.json", format: .jsonfeed,
            message: "the object has no jsonfeed.org \"version\", so this is not a JSON Feed; use ImportFormat.json for Post JSON.")
        ) {
            try posts(#"{"id": "x", "title": "A post"}"#)
        }
    }

    @Test func feedWithNoItemsIsNoContent() throws {
        #expect(throws: ImportError(
            .noContent, input: "feed.json", format: .jsonfeed, message: "the feed has no items; there is nothing to import.")
        ) {
            try posts(#"{"version": "https://jsonfeed.org/version/1.1", "items": []}"#)
        }
    }

    @Test func invalidJSONIsMalformed() throws {
        let error = try #require(throws: ImportError.self) {
            try posts(#"{"version": "https://jsonfeed.org/version/1.1", "items": [}"#)
        }
        #expect(error.kind == .malformed)
        #expect(error.location == "line 1, column 59")
        #expect(error.message == "the JSON is invalid: expected a value, found '}'; fix the syntax there.")
    }

    @Test func documentOverTheLimitIsTooLarge() throws {
        let json = #"{"version": "https://jsonfeed.org/version/1.1", "items": [{"id": "1", "title": "x"}]}"#
        #expect(throws: ImportError(
            .tooLarge, input: "feed.json", format: .jsonfeed,
            message: "the input is 85 bytes, over the 50 bytes limit; raise ImportLimits.maxDocumentBytes if it is genuine.")
        ) {
            try posts(json, limits: ImportLimits(maxDocumentBytes: 50))
        }
    }

    @Test func tooManyItemsIsTooLarge() throws {
        let json = #"{"version": "https://jsonfeed.org/version/1.1", "items": [{"id": "1", "title": "a"}, {"id": "2", "title": "b"}]}"#
        #expect(throws: ImportError(
            .tooLarge, input: "feed.json", format: .jsonfeed,
            message: "the feed has 2 items, over the limit of 1; raise ImportLimits.maxItems or read fewer posts.")
        ) {
            try posts(json, limits: ImportLimits(maxItems: 1))
        }
    }
}
