import Foundation
import Syndicate
import SyndicateTestSupport
import Testing

@testable import SyndicateImport

/// A Markdown post's images: front matter first, then the body's own, relative paths beside
/// the file unless a base URL applies.
@Suite struct MarkdownImagesTests {
    func post(_ text: String, context: ImportContext) throws -> Post {
        try #require(try MarkdownImporter().posts(from: Data(text.utf8), context: context).first)
    }

    static let text = """
        ---
        title: Sports day
        image: {path: images/relay.jpg, alt: "The relay"}
        ---
        The rain came. ![Medals for every house](../photos/medals.png "Medals")

        ![](https://cdn.example/wide.jpg) And a repeat: ![again](images/relay.jpg)
        """

    @Test func relativePathsResolveBesideThePostFile() throws {
        let file = URL(fileURLWithPath: "/srv/blog/posts/sports-day.md")
        let post = try post(Self.text, context: ImportContext(inputName: "sports-day.md", sourceFile: file))
        #expect(post.images.map(\.url.absoluteString) == [
            "file:///srv/blog/posts/images/relay.jpg", "file:///srv/blog/photos/medals.png", "https://cdn.example/wide.jpg",
        ])
        #expect(post.images.map(\.alt) == ["The relay", "Medals for every house", nil])
    }

    @Test func aSitePathNeedsTheBaseURL() throws {
        let text = "---\ntitle: Fair\nimage: /images/fair.jpg\n---\nForty projects."
        let file = URL(fileURLWithPath: "/srv/blog/posts/fair.md")
        #expect(try post(text, context: ImportContext(inputName: "fair.md", sourceFile: file)).images.isEmpty)
        let based = ImportContext(inputName: "fair.md", baseURL: URL(string: "https://school.example/news/"), sourceFile: file)
        #expect(try post(text, context: based).images.map(\.url.absoluteString) == ["https://school.example/images/fair.jpg"])
    }

    @Test func aBaseURLWinsOverTheFile() throws {
        let context = ImportContext(
            inputName: "sports-day.md", baseURL: URL(string: "https://school.example/news/sports-day/"),
            sourceFile: URL(fileURLWithPath: "/srv/blog/posts/sports-day.md"))
        let post = try post(Self.text, context: context)
        #expect(post.images.first?.url.absoluteString == "https://school.example/news/sports-day/images/relay.jpg")
    }

    @Test func withNeitherARelativePathIsLeftOut() throws {
        let post = try post(Self.text, context: ImportContext(inputName: "-"))
        #expect(post.images.map(\.url.absoluteString) == ["https://cdn.example/wide.jpg"])
    }

    @Test func theBundledExampleHasTwoLocalImagesWithAltText() throws {
        let data = try Fixtures.exampleData("sports-day.md")
        var post = try #require(try MarkdownImporter().posts(from: data, context: Fixtures.context("sports-day.md")).first)
        #expect(post.markup?.content.contains("![Three pupils") == true)
        post.markup = nil
        #expect(post == Fixtures.sportsDay)  // what the targets without the Markdown importer use
        #expect(post.images.count == 2)
        #expect(post.images.allSatisfy { $0.url.isFileURL && FileManager.default.fileExists(atPath: $0.url.path) && $0.alt?.isEmpty == false })
    }
}

/// A document read from anywhere but disk cannot name a local file as an image.
@Suite struct LocalImageAdmissionTests {
    @Test func fileImagesNeedAPostReadFromDisk() throws {
        let html = Data(#"<html><head><title>Fair</title><meta property="og:image" content="file:///etc/passwd"></head><body><article><p>Forty projects and three winners at the fair this year.</p><img src="file:///home/user/.ssh/id_rsa" alt="key"></article></body></html>"#.utf8)
        let fetched = ImportContext(inputName: "https://school.example/fair", baseURL: URL(string: "https://school.example/fair"))
        let post = try #require(try HTMLImporter().posts(from: html, context: fetched).first)
        #expect(!post.images.contains { $0.url.isFileURL })
        let json = Data(#"{"id":"n1","title":"Fair","images":[{"url":"file:///etc/hosts","alt":"hosts"}]}"#.utf8)
        #expect(try JSONPostImporter().posts(from: json, context: ImportContext(inputName: "-")).first?.images.isEmpty == true)
        let local = ImportContext(inputName: "fair.json", sourceFile: URL(fileURLWithPath: "/srv/blog/fair.json"))
        #expect(try JSONPostImporter().posts(from: json, context: local).first?.images.count == 1)
    }
}
