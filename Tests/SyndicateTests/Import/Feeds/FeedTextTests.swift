import Foundation
import Testing

@testable import Syndicate

@Suite struct FeedTextTests {
    @Test(arguments: [
        ("Ofsted secondments", "Ofsted secondments"),
        ("  Ofsted   secondments ", "Ofsted secondments"),
        ("Ofsted\tsecondments\n", "Ofsted secondments"),
        ("Ofsted\u{A0}secondments", "Ofsted secondments"),
        ("Fish &amp; Chips", "Fish & Chips"),
        ("Caf&eacute; <b>opens</b>", "Café opens"),
        ("Ofsted’s plan", "Ofsted’s plan"),
    ])
    func plainDecodesStripsAndCollapses(field: String, expected: String) {
        #expect(FeedText.plain(field) == expected)
    }

    @Test(arguments: ["", "   ", "<p> </p>", "\n\t"])
    func plainOfBlankIsNil(field: String) {
        #expect(FeedText.plain(field) == nil)
    }

    @Test func textParagraphsSplitOnBlankLines() {
        #expect(
            FeedText.paragraphs(fromText: "One\nstill one.\n\n  \nTwo.\r\n\r\nThree.")
                == ["One still one.", "Two.", "Three."])
    }

    @Test func utf16FeedIsConvertedByTheImporter() throws {
        let xml = "<rss><channel><item><title>Café</title></item></channel></rss>"
        var data = Data([0xFF, 0xFE])
        data.append(try #require(xml.data(using: .utf16LittleEndian)))
        let posts = try RSSImporter().posts(from: data, context: ImportContext(inputName: "t.rss"))
        #expect(posts.map(\.title) == ["Café"])
    }

    @Test func utf16StreamIsConvertedAsItIsRead() throws {
        var data = Data([0xFF, 0xFE])
        data.append(try #require("<rss><channel><item><title>Café</title></item></channel></rss>".data(using: .utf16LittleEndian)))
        let reader = FeedReader(stream: InputStream(data: data), context: ImportContext(inputName: "t.rss"))
        #expect(try reader.nextPost()?.title == "Café")
    }

    @Test func readerWithoutAFormatNamesTheDialectItFound() throws {
        let reader = FeedReader(
            data: Data(#"<feed xmlns="http://www.w3.org/2005/Atom"><title>Empty</title></feed>"#.utf8),
            context: ImportContext(inputName: "t.xml"))
        #expect(throws: ImportError(
            .noContent, input: "t.xml", format: .atom, message: "the feed has no items; there is nothing to import.")
        ) {
            try reader.nextPost()
        }
    }
}
