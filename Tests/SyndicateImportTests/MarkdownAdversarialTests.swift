import Foundation
import Syndicate
import SyndicateImport
import Testing

/// Hostile Markdown (see `AdversarialInputTests` in SyndicateTests for the other formats): deep
/// nesting, one long line, an entity flood, a front-matter field over the limit. Each imports or
/// fails with a typed error; none exhausts the stack. Sized to stay under a second in a debug
/// build; the 10 MB and 1,000,000-entity cases run in `Benchmarks/Sources/AdversarialBenchmark`.
@Suite("Adversarial Markdown")
struct MarkdownAdversarialTests {
    private func importing(_ markdown: String, limits: ImportLimits = .default) throws(ImportError) -> Post {
        let context = ImportContext(inputName: "hostile.md", boilerplate: .none, limits: limits)
        let posts = try MarkdownImporter().posts(from: Data(markdown.utf8), context: context)
        guard let post = posts.first else {
            throw ImportError(.noContent, input: "hostile.md", format: .markdown, message: "no post")
        }
        return post
    }

    @Test("100,000 nested block quotes import without exhausting the stack")
    func deepBlockQuotes() throws {
        let post = try importing("---\ntitle: Deep\n---\n" + String(repeating: ">", count: 100_000) + " Deep text.\n")
        #expect(post.title == "Deep")
        #expect(post.paragraphs.joined().contains("Deep text."))
    }

    @Test("100,000 nested list markers on one line import without exhausting the stack")
    func deepLists() throws {
        let post = try importing("---\ntitle: Lists\n---\n" + String(repeating: "- ", count: 100_000) + "item\n")
        #expect(post.title == "Lists")
        #expect(!post.paragraphs.isEmpty)
    }

    @Test("a 250 KB single line imports as one paragraph")
    func longLine() throws {
        let words = String(repeating: "word ", count: 50_000)
        let post = try importing("---\ntitle: Long\n---\n" + words + "\n")
        #expect(post.paragraphs.count == 1)
        #expect(post.paragraphs.first?.utf8.count == words.utf8.count - 1)
    }

    @Test("100,000 &amp; decode to 100,000 ampersands")
    func entityFlood() throws {
        let post = try importing("---\ntitle: Amp\n---\n" + String(repeating: "&amp;", count: 100_000) + "\n")
        #expect(post.paragraphs == [String(repeating: "&", count: 100_000)])
    }

    @Test("a front-matter title over maxFieldBytes is refused, naming the field and the limit")
    func longTitle() {
        #expect {
            try importing("---\ntitle: \(String(repeating: "t", count: 70_000))\n---\nBody.\n")
        } throws: { error in
            guard let error = error as? ImportError else { return false }
            return error.kind == .tooLarge && error.message.hasPrefix("the title is 68.4 KiB")
                && error.message.contains("ImportLimits.maxFieldBytes")
        }
    }
}
