import Foundation
import Testing

@testable import Syndicate

@Suite struct PostTests {
    @Test func tagsAreDeduplicatedCaseAndDiacriticInsensitivelyKeepingFirstSpelling() {
        let post = Post(id: "1", title: "T", tags: ["Ofsted", " ofsted ", "Café", "cafe", "", "Early  Years", "Primary"])
        #expect(post.tags == ["Ofsted", "Café", "Early Years", "Primary"])
    }

    @Test func tagsAssignedLaterAreDeduplicatedToo() {
        var post = Post(id: "1", title: "T")
        post.tags = ["Leadership", "LEADERSHIP", "Teaching"]
        #expect(post.tags == ["Leadership", "Teaching"])
    }

    @Test func textJoinsParagraphsWithBlankLines() {
        let post = Post(id: "1", title: "T", paragraphs: ["One.", "Two."])
        #expect(post.text == "One.\n\nTwo.")
        #expect(post.lead == "One.")
    }

    @Test func sentencesSpanParagraphs() {
        let post = Post(id: "1", title: "T", paragraphs: ["Mrs Spielman spoke. It was news!", "Read on?"])
        #expect(post.sentences == ["Mrs Spielman spoke.", "It was news!", "Read on?"])
    }

    @Test func codableFormHasEveryKeyWithNullForMissingValues() throws {
        let post = Post(id: "a", title: "Title")
        let data = try JSONEncoder().encode(post)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(
            Set(object.keys)
                == [
                    "id", "title", "url", "summary", "text", "paragraphs", "markup", "tags", "author", "published",
                    "updated", "images", "source", "language", "siteName",
                ])
        #expect(object["url"] is NSNull)
        #expect(object["published"] is NSNull)
        #expect(object["text"] as? String == "")
    }

    @Test func codableRoundTripPreservesEveryField() throws {
        let post = Post(
            id: "https://school.example/news/1",
            title: "School leaders will have the chance to work for Ofsted",
            url: URL(string: "https://school.example/news/1"),
            summary: "A secondment scheme.",
            paragraphs: ["First “quoted” paragraph.", "Second."],
            markup: .init(kind: .html, content: "<p>First</p>"),
            author: "Tamsin",
            published: Date(timeIntervalSince1970: 1_709_978_400),
            updated: Date(timeIntervalSince1970: 1_709_978_400.5),
            tags: ["Ofsted", "Leadership"],
            images: [.init(url: URL(string: "https://school.example/a.jpg")!, alt: "Pupils", width: 1200, height: 630)],
            source: .init(name: "The Telegraph", url: URL(string: "https://telegraph.example/story")),
            language: "en-GB",
            siteName: "Schools Week"
        )
        let data = try JSONEncoder().encode(post)
        let decoded = try JSONDecoder().decode(Post.self, from: data)
        #expect(decoded == post)
        let json = String(decoding: data, as: UTF8.self)
        #expect(json.contains(#""published":"2024-03-09T10:00:00Z""#))
    }

    @Test func decodingRejectsAnInvalidDateNamingTheFormat() {
        let json = Data(#"{"id":"1","title":"T","published":"yesterday"}"#.utf8)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Post.self, from: json) }
    }
}
