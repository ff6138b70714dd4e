import Foundation
import SyndicateTestSupport
import Testing

@testable import Syndicate

@Suite struct JSONPostImporterTests {
    let importer = JSONPostImporter()

    func importJSON(_ json: String, name: String = "posts.json") throws(ImportError) -> [Post] {
        try importer.posts(from: Data(json.utf8), context: Fixtures.context(name))
    }

    func importError(_ json: String, name: String = "posts.json") -> ImportError? {
        importError(Data(json.utf8), name: name)
    }

    func importError(_ data: Data, name: String = "posts.json") -> ImportError? {
        do {
            _ = try importer.posts(from: data, context: Fixtures.context(name))
            return nil
        } catch {
            return error
        }
    }

    static func fullPost() throws -> Post {
        Post(
            id: "https://school.example/news/ofsted-secondments/",
            title: "Ofsted to offer school leaders year-long secondments",
            url: URL(string: "https://school.example/news/ofsted-secondments/"),
            summary: "Middle leaders can spend a year at Ofsted.",
            paragraphs: ["Middle leaders can be seconded to Ofsted.", "“It is an exciting time,” she said."],
            markup: Post.Markup(kind: .markdown, content: "Middle leaders can be seconded to Ofsted."),
            author: "Tamsin",
            published: Date(timeIntervalSince1970: 1_773_052_200),
            updated: Date(timeIntervalSince1970: 1_773_100_800),
            tags: ["Leadership", "Ofsted"],
            images: [
                Post.Image(
                    url: try #require(URL(string: "https://school.example/a.jpg")), alt: "Delegates", width: 1200,
                    height: 630)
            ],
            source: Post.Source(name: "The Telegraph", url: URL(string: "https://www.telegraph.co.uk/")),
            language: "en-GB"
        )
    }

    @Test func roundTripOfOnePost() throws {
        let post = try Self.fullPost()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let posts = try importer.posts(from: try encoder.encode(post), context: Fixtures.context("post.json"))
        #expect(posts == [post])
    }

    @Test func roundTripOfAnArray() throws {
        let minimal = Post(id: "2", title: "Heads to join Ofsted")
        let posts = [try Self.fullPost(), minimal]
        let imported = try importer.posts(
            from: try JSONEncoder().encode(posts), context: Fixtures.context("posts.json"))
        #expect(imported == posts)
    }

    @Test func minimalPostHasDefaults() throws {
        let posts = try importJSON(#"{"id": "1", "title": "Heads to join Ofsted"}"#)
        #expect(posts == [Post(id: "1", title: "Heads to join Ofsted")])
    }

    @Test func missingTitleNamesTheCodingPath() {
        let json = """
            [
              {"id": "1", "title": "One"},
              {"id": "2", "title": "Two"},
              {"id": "3", "paragraphs": ["No title here."]}
            ]
            """
        let error = importError(json)
        #expect(
            error
                == ImportError(
                    .missingField, input: "posts.json", format: .json, location: "line 4",
                    message: "posts[2].title: missing; every post needs a title."))
        #expect(error?.description == "posts.json (json, line 4): posts[2].title: missing; every post needs a title.")
    }

    @Test func missingIdInASinglePost() {
        #expect(
            importError(#"{"title": "One"}"#, name: "post.json")
                == ImportError(
                    .missingField, input: "post.json", format: .json,
                    message: "post.id: missing; every post needs an id (a URL, guid or any unique string)."))
    }

    @Test func emptyOrNullTitleIsMissingField() {
        #expect(
            importError(#"[{"id": "1", "title": "One"}, {"id": "2", "title": "  "}]"#)
                == ImportError(
                    .missingField, input: "posts.json", format: .json, location: "line 1",
                    message: "posts[1].title: empty; every post needs a title."))
        #expect(
            importError(#"{"id": "1", "title": null}"#)
                == ImportError(
                    .missingField, input: "posts.json", format: .json,
                    message: "post.title: null; every post needs a title."))
    }

    @Test func wrongTypeNamesThePathAndTheExpectedType() {
        let error = importError(#"[{"id": "1", "title": "One", "tags": ["a", 2]}]"#)
        #expect(error?.kind == .malformed)
        #expect(error?.message.hasPrefix("posts[0].tags[1]: expected a string;") == true)
    }

    @Test func badDateNamesThePathAndTheFix() {
        let error = importError(#"{"id": "1", "title": "One", "published": "last Tuesday"}"#)
        #expect(
            error
                == ImportError(
                    .malformed, input: "posts.json", format: .json,
                    message:
                        "post.published: 'last Tuesday' is not an ISO 8601 date; write it as 2024-03-09T10:00:00Z. Fix the value."
                ))
    }

    @Test func emptyArrayIsNoContent() {
        #expect(
            importError(" [ ] ")
                == ImportError(
                    .noContent, input: "posts.json", format: .json,
                    message: "the array holds no posts; add at least one post object."))
    }

    @Test func syntaxErrorNamesLineAndColumn() {
        let json = "[\n  {\"id\": \"1\", \"title\": \"One\"},\n  {\"id\": \"2\" \"title\": \"Two\"}\n]"
        #expect(
            importError(json)
                == ImportError(
                    .malformed, input: "posts.json", format: .json, location: "line 3, column 14",
                    message: "the JSON is invalid: expected ',' or '}', found '\"'; fix the syntax there."))
    }

    @Test(arguments: [
        ("{\"id\": \"1\", \"title\": \"One\",}", "line 1, column 28", "expected a key in double quotes, found '}'"),
        (
            "{\"id\": \"1\", \"title\": \"On", "line 1, column 22",
            "the string starting here is not closed or has an invalid escape"
        ),
        ("[{\"id\": \"1\", \"title\": \"One\"}", "line 1, column 29", "the input ends inside an array"),
        ("{\"id\": 01}", "line 1, column 9", "expected ',' or '}', found '1'"),
        ("{\"id\": \"1\"} {}", "line 1, column 13", "found '{' after the end of the JSON value"),
        ("{\"id\": tru}", "line 1, column 8", "expected a value, found 't'"),
        ("{\"a\": \"\\x\"}", "line 1, column 7", "the string starting here is not closed or has an invalid escape"),
        ("{\"é\": [1, 2,]}", "line 1, column 13", "expected a value, found ']'"),
    ])
    func syntaxErrors(json: String, location: String, problem: String) {
        let error = importError(json)
        #expect(error?.kind == .malformed)
        #expect(error?.location == location)
        #expect(error?.message == "the JSON is invalid: \(problem); fix the syntax there.")
    }

    @Test func notAnObjectOrArray() {
        #expect(
            importError("\n  \"just a string\"")
                == ImportError(
                    .malformed, input: "posts.json", format: .json, location: "line 2, column 3",
                    message: "the input is not a JSON object or array; give one post object or an array of posts."))
    }

    @Test func deepNestingIsRejectedWithoutCrashing() {
        let json = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let error = importError(json)
        #expect(error?.kind == .malformed)
        #expect(error?.location == "line 1, column 513")
        #expect(error?.message == "the JSON is invalid: the nesting is deeper than 512 levels; fix the syntax there.")
    }

    @Test func crlfBOMAndUTF16AreRead() throws {
        let json = "{\r\n  \"id\": \"1\",\r\n  \"title\": \"One\"\r\n}\r\n"
        var bom = Data([0xEF, 0xBB, 0xBF])
        bom.append(Data(json.utf8))
        #expect(try importer.posts(from: bom, context: Fixtures.context("p.json")) == [Post(id: "1", title: "One")])
        var utf16 = Data([0xFF, 0xFE])
        utf16.append(json.data(using: .utf16LittleEndian) ?? Data())
        #expect(try importer.posts(from: utf16, context: Fixtures.context("p.json")) == [Post(id: "1", title: "One")])
    }

    @Test func emptyWhitespaceBinaryAndInvalidUTF8() {
        #expect(importError(Data())?.kind == .empty)
        #expect(importError(" \n ")?.kind == .empty)
        #expect(importError(Data([0x7B, 0x00, 0x7D]))?.kind == .notText)
        #expect(importError(Data([0x7B, 0x22, 0xC3, 0x28, 0x22, 0x7D]))?.kind == .notText)
    }
}
