import Foundation
import Syndicate
import SyndicateTestSupport
import Testing

/// Hostile input: 100,000 nested elements, megabyte single lines, entity floods, entity bombs and
/// oversized fields. Each case either imports or stops with a typed `ImportError` naming the
/// limit to raise; none may crash or hang. Inputs that import are sized (0.5–1 MB, 100,000 `&amp;`)
/// so that each test stays under a second in a debug build; the issue's full sizes (a 10 MB
/// line, 1,000,000 `&amp;`) and their scaling are measured in release mode by
/// `Benchmarks/Sources/AdversarialBenchmark`. (HTML nesting: `HTMLImporterTests
/// .hundredThousandNestedDivsImportAndFlatten`; JSON nesting: `JSONPostImporterTests`.)
@Suite("Adversarial input")
struct AdversarialInputTests {
    static let tenMegabytes = 10_000_000
    static let oneMegabyte = 1_000_000

    private func context(_ name: String, _ limits: ImportLimits = .default) -> ImportContext {
        ImportContext(inputName: name, boilerplate: .none, limits: limits)
    }

    private func importError(
        _ importer: any PostImporter, _ data: Data, name: String, limits: ImportLimits = .default
    ) -> ImportError? {
        do {
            _ = try importer.posts(from: data, context: context(name, limits))
            return nil
        } catch {
            return error
        }
    }

    // MARK: - Nesting

    @Test("100,000 nested XML elements in a feed stop at maxDepth with the line and column")
    func deepFeed() throws {
        let depth = 100_000
        let xml = "<rss version=\"2.0\"><channel><item><title>T</title><description>"
            + String(repeating: "<b>", count: depth) + String(repeating: "</b>", count: depth)
            + "</description></item></channel></rss>"
        let error = try #require(importError(RSSImporter(), Data(xml.utf8), name: "deep.rss"))
        #expect(error.kind == .tooLarge)
        // It stops at the element that crosses depth 512, not at the end of the document.
        let column = try #require(error.location.flatMap { Int($0.split(separator: " ").last ?? "") })
        #expect(error.location?.hasPrefix("line 1, column ") == true)
        #expect((1_500...1_700).contains(column))
        #expect(error.message.contains("ImportLimits.maxDepth"))
    }

    @Test("100,000 nested arrays in a JSON Feed are malformed, named by line, without recursion")
    func deepJSONFeed() throws {
        let json = #"{"version":"https://jsonfeed.org/version/1.1","title":"T","items":"#
            + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "}"
        let error = try #require(importError(JSONFeedImporter(), Data(json.utf8), name: "deep.json"))
        #expect(error.kind == .malformed)
        #expect(error.location == "line 1, column 578")  // the array that would be depth 513
        #expect(error.message.contains("deeper than 512 levels"))
    }

    // MARK: - A 10 MB single line

    @Test("a 1 MB single line of plain text imports as one paragraph")
    func longTextLine() throws {
        let line = String(repeating: "word ", count: Self.oneMegabyte / 5 - 1) + "end."
        let posts = try PlainTextImporter().posts(from: Data(("Title\n\n" + line).utf8), context: context("long.txt"))
        #expect(posts.first?.paragraphs.count == 1)
        #expect(posts.first?.paragraphs.first?.utf8.count == line.utf8.count)
    }

    @Test("a 500 KB single-line HTML paragraph imports whole")
    func longHTMLLine() throws {
        let words = String(repeating: "word ", count: Self.oneMegabyte / 10)
        let html = "<title>Long</title><article><p>\(words)</p></article>"
        let post = try #require(try HTMLImporter().posts(from: Data(html.utf8), context: context("long.html")).first)
        #expect(post.paragraphs.first?.utf8.count == words.utf8.count - 1)
    }

    @Test("a 10 MB single-line feed item stops at maxItemBytes, naming the item")
    func longFeedItem() throws {
        let xml = "<rss version=\"2.0\"><channel><item><title>T</title><description>"
            + String(repeating: "x", count: Self.tenMegabytes) + "</description></item></channel></rss>"
        let error = try #require(importError(RSSImporter(), Data(xml.utf8), name: "long.rss"))
        #expect(error.kind == .tooLarge)
        #expect(error.message.contains("ImportLimits.maxItemBytes"))
    }

    @Test("one byte over maxDocumentBytes is refused before parsing")
    func overDocumentLimit() throws {
        let limits = ImportLimits(maxDocumentBytes: 1_000)
        let error = try #require(
            importError(HTMLImporter(), Data(String(repeating: "a", count: 1_001).utf8), name: "big.html", limits: limits))
        #expect(error.kind == .tooLarge)
        #expect(error.message.contains("ImportLimits.maxDocumentBytes"))
    }

    // MARK: - Entities

    @Test("100,000 &amp; in an HTML paragraph decode to 100,000 ampersands")
    func entityFloodInHTML() throws {
        let html = "<title>Amp</title><article><p>" + String(repeating: "&amp;", count: 100_000) + "</p></article>"
        let post = try #require(try HTMLImporter().posts(from: Data(html.utf8), context: context("amp.html")).first)
        #expect(post.paragraphs == [String(repeating: "&", count: 100_000)])
    }

    @Test("1,000,000 &amp; in a feed item (5 MB) stop at maxItemBytes; 100,000 decode")
    func entityFloodInFeed() throws {
        func feed(_ count: Int) -> Data {
            Data(("<rss version=\"2.0\"><channel><item><title>T</title><description>"
                + String(repeating: "&amp;", count: count) + "</description></item></channel></rss>").utf8)
        }
        let error = try #require(importError(RSSImporter(), feed(1_000_000), name: "amp.rss"))
        #expect(error.kind == .tooLarge)
        let posts = try RSSImporter().posts(from: feed(100_000), context: context("amp.rss"))
        #expect(posts.first?.paragraphs.first?.count == 100_000)
    }

    @Test("a billion-laughs DTD is stopped by the entity bounds with a typed error, not expanded")
    func billionLaughs() throws {
        // Declared entities are expanded now (within bounds); the bomb trips the reference cap.
        var dtd = "<!DOCTYPE rss [<!ENTITY lol \"lol\">"
        for level in 1...9 {
            dtd += "<!ENTITY lol\(level) \"" + String(repeating: "&lol\(level == 1 ? "" : String(level - 1));", count: 10) + "\">"
        }
        dtd += "]>"
        let xml = dtd + "<rss version=\"2.0\"><channel><item><title>Laughs</title><description>&lol9;</description></item></channel></rss>"
        let error = try #require(importError(RSSImporter(), Data(xml.utf8), name: "lol.rss"))
        #expect(error.kind == .tooLarge)
        #expect(error.message.contains("entity bomb"))
    }

    // MARK: - Fields and items

    /// A post whose title is `title`, in each format `longTitle` reads it from, and the file extension.
    static func titled(_ title: String) -> [ImportFormat: (input: String, extension: String)] {
        [
            .html: ("<title>\(title)</title><article><p>Body.</p></article>", "html"),
            .rss: ("<rss version=\"2.0\"><channel><item><title>\(title)</title><description>Body.</description></item></channel></rss>", "rss"),
            .json: (#"{"id":"1","title":"\#(title)","paragraphs":["Body."]}"#, "json"),
            .text: ("\(title)\n\nBody.", "txt"),
        ]
    }

    @Test("a 100 KB title is refused by maxFieldBytes, naming the field", arguments: [ImportFormat.html, .rss, .json, .text])
    func longTitle(format: ImportFormat) throws {
        let title = String(repeating: "t", count: 100_000)
        let (input, fileExtension) = try #require(Self.titled(title)[format])
        let importer = try #require(Fixtures.importer(for: format))
        let error = try #require(importError(importer, Data(input.utf8), name: "title.\(fileExtension)"))
        #expect(error.kind == .tooLarge)
        #expect(error.message.hasPrefix("the title is 97.7 KiB, over the 64 KiB field limit"))
        #expect(error.message.contains("ImportLimits.maxFieldBytes"))
    }

    @Test("a raised maxFieldBytes lets the same title through")
    func raisedFieldLimit() throws {
        let title = String(repeating: "t", count: 100_000)
        let posts = try PlainTextImporter().posts(
            from: Data("\(title)\n\nBody.".utf8), context: context("title.txt", ImportLimits(maxFieldBytes: 200_000)))
        #expect(posts.first?.title == title)
    }

    @Test("a 200,000-byte tag list is refused per tag, not per list")
    func longTag() throws {
        let json = #"{"id":"1","title":"T","paragraphs":["B."],"tags":["ok","\#(String(repeating: "x", count: 70_000))"]}"#
        let error = try #require(importError(JSONPostImporter(), Data(json.utf8), name: "tags.json"))
        #expect(error.kind == .tooLarge)
        #expect(error.message.hasPrefix("the tag is"))
    }

    @Test("a feed with more items than maxItems stops at the first one over")
    func tooManyItems() throws {
        let items = String(repeating: "<item><title>T</title><description>B.</description></item>", count: 1_001)
        let xml = "<rss version=\"2.0\"><channel>\(items)</channel></rss>"
        let error = try #require(
            importError(RSSImporter(), Data(xml.utf8), name: "many.rss", limits: ImportLimits(maxItems: 1_000)))
        #expect(error.kind == .tooLarge)
        #expect(error.message.contains("ImportLimits.maxItems"))
    }
}
