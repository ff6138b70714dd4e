import Foundation
import SyndicateTestSupport
import Testing

@testable import Syndicate

/// Posts the composer tests share: the examples (Foundation-only importers) and the seed article.
enum ComposeFixtures {
    /// The canonical URL the seed article is given (plain text carries no permalink).
    static let seedURL = "https://school.example/news/ofsted-secondments/"

    /// The posts of `Examples/Posts/<name>`, read with the importer of its sniffed format (not
    /// the Markdown example, whose importer is in SyndicateImport).
    static func examplePosts(_ name: String) throws -> [Post] {
        let data = try Fixtures.exampleData(name)
        let importer = try #require(Fixtures.importer(sniffing: data, fileName: name))
        return try importer.posts(from: data, context: Fixtures.context(name))
    }

    /// The seed article with its canonical URL set, or nil (with a skip notice) when
    /// `../shared` is absent.
    static func seedPost(for test: String = #function) throws -> Post? {
        guard let url = Fixtures.shared("seed/ofsted-secondment-article.txt", for: test) else { return nil }
        let posts = try PlainTextImporter().posts(
            from: try Data(contentsOf: url), context: Fixtures.context("ofsted-secondment-article.txt"))
        var post = try #require(posts.first)
        post.url = URL(string: seedURL)
        return post
    }

    /// A short post with a URL and tags, for focused tests.
    static func post(
        title: String = "Ofsted to offer school leaders year-long secondments",
        summary: String? = nil,
        paragraphs: [String] = ["Middle leaders will be able to spend a year on secondment to Ofsted."],
        tags: [String] = ["Ofsted", "Leadership"],
        url: String? = "https://school.example/news/1",
        source: String? = nil,
        images: [Post.Image] = [],
        language: String? = nil
    ) -> Post {
        Post(
            id: "post-1", title: title, url: url.flatMap(URL.init(string:)), summary: summary,
            paragraphs: paragraphs, tags: tags, images: images, source: source.map { Post.Source(name: $0) },
            language: language)
    }

    /// A composer without link tracking, so that expected texts stay short.
    static let untracked = Composer(configuration: ComposerConfiguration(linkTracking: .none))
}
