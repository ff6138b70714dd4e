import Foundation
import Syndicate
import Testing

@Suite struct FeedReaderTests {
    private func reader(_ xml: String, limits: ImportLimits = .default) -> FeedReader {
        FeedReader(data: Data(xml.utf8), context: ImportContext(inputName: "t.rss", limits: limits), format: .rss)
    }

    private func importing(_ bytes: Data, limits: ImportLimits = .default) throws -> [Post] {
        try RSSImporter().posts(from: bytes, context: ImportContext(inputName: "t.rss", limits: limits))
    }

    private func importing(_ xml: String, limits: ImportLimits = .default) throws -> [Post] {
        try importing(Data(xml.utf8), limits: limits)
    }

    private func error(_ kind: ImportError.Kind, _ location: String?, _ message: String) -> ImportError {
        ImportError(kind, input: "t.rss", format: .rss, location: location, message: message)
    }

    // MARK: - Streaming

    @Test func firstItemOfALargeFeedIsReadWithoutReadingTheRest() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("feedreader-\(UUID().uuidString).rss")
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(FileManager.default.createFile(atPath: url.path, contents: nil))
        let writer = try FileHandle(forWritingTo: url)
        writer.write(Data("<rss version=\"2.0\"><channel><title>Big</title>\n".utf8))
        var chunk = ""
        for number in 1...50_000 {
            chunk += "<item><title>Post \(number)</title><guid>\(number)</guid><description>Body of post \(number).</description></item>\n"
            if number % 1000 == 0 {
                writer.write(Data(chunk.utf8))
                chunk = ""
            }
        }
        writer.write(Data("</channel></rss>\n".utf8))
        try writer.close()
        let size = try #require(try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int)
        #expect(size > 5_000_000)

        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        let reader = FeedReader(fileHandle: handle, context: ImportContext(inputName: "big.rss"))
        let first = try #require(try reader.nextPost())
        #expect(first.id == "1")
        #expect(first.title == "Post 1")
        #expect(first.paragraphs == ["Body of post 1."])
        #expect(try handle.offset() <= 65_536)
        #expect(reader.itemsRead == 1)
    }

    @Test func readerIsASequenceOfResultsEndingAtTheFirstFailure() throws {
        let results = Array(reader("<rss><channel><item><title>A</title></item><item><title>B</title></item><item>"))
        #expect(results.count == 3)
        #expect(try results[0].get().title == "A")
        #expect(try results[1].get().title == "B")
        #expect(
            results[2]
                == .failure(
                    error(
                        .malformed, "line 1, column 79",
                        "the document ends inside <item> (opened at line 1) before <rss> is closed; the file is truncated — fetch it again."
                    )))
    }

    @Test func postsBeforeALaterErrorAreStillYielded() throws {
        let reader = reader("<rss><channel><item><title>A</title></item><item><title>B</item></channel></rss>")
        #expect(try reader.nextPost()?.title == "A")
        #expect(throws: error(.malformed, "line 1, column 58", "</item> does not match <title> opened at line 1; the tags are mismatched.")) {
            try reader.nextPost()
        }
        #expect(try reader.nextPost() == nil)
    }

    /// An end tag as long as the open element's name, and followed at once by `>`, is still
    /// compared byte for byte (the fast path for end tags must not take it as a match).
    @Test func anEndTagOfTheSameLengthThatDiffersIsMismatched() throws {
        let reader = reader("<rss><channel><item><title>A</tytle></item></channel></rss>")
        #expect(throws: error(.malformed, "line 1, column 29", "</tytle> does not match <title> opened at line 1; the tags are mismatched.")) {
            try reader.nextPost()
        }
    }

    @Test func namespacesAreMatchedByURINotPrefix() throws {
        let xml = """
            <rss xmlns:c="http://purl.org/rss/1.0/modules/content/" xmlns:content="urn:other"><channel><item>
            <title>T</title><content:encoded>Not this</content:encoded><c:encoded>&lt;p&gt;Body&lt;/p&gt;</c:encoded><description>Sum</description>
            </item></channel></rss>
            """
        let post = try #require(try importing(xml).first)
        #expect(post.summary == "Sum")
        #expect(post.paragraphs == ["Body"])
    }

    @Test func declaredEntitiesAreExpandedWithinBounds() throws {
        // They used to be left as written; FeedDoctypeTests covers the bounds.
        let xml = """
            <!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>
            <rss><channel><item><title>&b;x</title></item></channel></rss>
            """
        #expect(try importing(xml).map(\.title) == [String(repeating: "a", count: 50) + "x"])
    }

    // MARK: - Errors

    @Test func emptyInputIsEmpty() throws {
        let expected = error(.empty, nil, "the input is empty; give a feed with items in it.")
        #expect(throws: expected) { try importing(Data()) }
        #expect(throws: expected) { try importing(" \n\t ") }
    }

    @Test func byteOrderMarkAloneIsEmpty() throws {
        #expect(throws: error(.empty, nil, "the input is empty; give a feed with items in it.")) {
            try importing(Data([0xEF, 0xBB, 0xBF]))
        }
    }

    @Test func byteOrderMarkBeforeTheFeedIsSkipped() throws {
        var bytes = Data([0xEF, 0xBB, 0xBF])
        bytes.append(Data("<rss><channel><item><title>A</title></item></channel></rss>".utf8))
        #expect(try importing(bytes).map(\.title) == ["A"])
    }

    @Test func binaryJunkIsNotText() throws {
        #expect(throws: error(.notText, nil, "the input looks like binary data (it contains NUL bytes), not a feed.")) {
            try importing(Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D]))
        }
    }

    @Test func invalidUTF8InADeclaredUTF8FeedIsNotText() throws {
        var bytes = Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss><channel><item><title>Caf".utf8)
        bytes += [0xE9]
        bytes += Array("</title></item></channel></rss>".utf8)
        #expect(throws: error(
            .notText, "byte 68, line 1, column 70",
            "byte 68 is not valid UTF-8 and the document declares no other charset; declare its charset (<?xml version=\"1.0\" encoding=\"…\"?>) or convert the file to UTF-8.")
        ) {
            try importing(Data(bytes))
        }
    }

    @Test func plainTextIsMalformed() throws {
        #expect(throws: error(
            .malformed, "line 2, column 3", "there is text (starting 'H') before the root element; the input is not a well-formed XML feed.")
        ) {
            try importing("\n  Hello, this is not a feed.")
        }
    }

    @Test func truncatedDocumentIsMalformed() throws {
        #expect(throws: error(
            .malformed, "line 1, column 37",
            "the document ends inside <item> (opened at line 1) before <rss> is closed; the file is truncated — fetch it again.")
        ) {
            try importing("<rss><channel><item><title>A</title>")
        }
        #expect(throws: error(
            .malformed, "line 2, column 1",
            "the document ends inside <channel> (opened at line 1) before <rss> is closed; the file is truncated — fetch it again.")
        ) {
            try importing("<rss><channel><item><title>A</title></item>\n")
        }
    }

    @Test func unclosedItemBeforeRootEndIsMismatched() throws {
        #expect(throws: error(.malformed, "line 1, column 12", "</rss> does not match <item> opened at line 1; the tags are mismatched.")) {
            try importing("<rss><item></rss>")
        }
    }

    @Test func htmlPageIsMalformedAndPointsAtTheHTMLFormat() throws {
        #expect(throws: error(
            .malformed, "line 2",
            "the root element is <html>, so this is a web page, not a feed; import it with ImportFormat.html.")
        ) {
            try importing("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>x</title></head></html>")
        }
    }

    @Test func htmlPageWithUnquotedAttributesIsStillRecognised() throws {
        #expect(throws: error(
            .malformed, "line 1",
            "the root element is <html>, so this is a web page, not a feed; import it with ImportFormat.html.")
        ) {
            try importing("<html lang=en><body><p>Hi</body></html>")
        }
    }

    @Test func jsonGivenAsRSSPointsAtTheJSONFeedFormat() throws {
        #expect(throws: error(
            .malformed, "line 1, column 1",
            "there is text (starting '{') before the root element; the input is not a well-formed XML feed; it looks like JSON — a JSON Feed is read with ImportFormat.jsonfeed.")
        ) {
            try importing(#"{"version": "https://jsonfeed.org/version/1.1", "items": []}"#)
        }
    }

    @Test func otherXMLIsMalformedNamingItsRoot() throws {
        #expect(throws: error(
            .malformed, "line 1",
            "the root element is <note>, not <rss>, <rdf:RDF> or <feed>; this is not an RSS or Atom feed (use ImportFormat.html for a web page, ImportFormat.jsonfeed for a JSON Feed).")
        ) {
            try importing("<note><to>x</to></note>")
        }
    }

    @Test func feedWithoutItemsIsNoContent() throws {
        #expect(throws: error(.noContent, nil, "the feed has no items; there is nothing to import.")) {
            try importing("<rss><channel><title>Empty</title><link>https://school.example/</link></channel></rss>")
        }
    }

    // MARK: - Limits

    @Test func tooManyItemsIsTooLargeAfterYieldingTheAllowedOnes() throws {
        let xml = """
            <rss><channel>
            <item><title>1</title></item>
            <item><title>2</title></item>
            <item><title>3</title></item>
            </channel></rss>
            """
        let reader = reader(xml, limits: ImportLimits(maxItems: 2))
        #expect(try reader.nextPost()?.title == "1")
        #expect(try reader.nextPost()?.title == "2")
        #expect(throws: error(
            .tooLarge, "item 3, line 4, column 7",
            "the feed has more than 2 items; raise ImportLimits.maxItems or read fewer posts.")
        ) {
            try reader.nextPost()
        }
    }

    @Test func itemOverTheByteLimitIsTooLarge() throws {
        let categories = (1...100).map { "<category>tag-\($0)</category>" }.joined()
        let xml = "<rss><channel><item><title>T</title>\(categories)</item></channel></rss>"
        let thrown = try #require(throws: ImportError.self) {
            try importing(xml, limits: ImportLimits(maxItemBytes: 1024))
        }
        #expect(thrown.kind == .tooLarge)
        #expect(thrown.message == "item 1 is over 1 KiB; raise ImportLimits.maxItemBytes if it is genuine.")
        #expect(thrown.location?.hasPrefix("item 1, line 1, column ") == true)
    }

    @Test func nestingDeeperThanTheLimitIsTooLarge() throws {
        #expect(throws: error(
            .tooLarge, "line 1, column 27", "elements are nested more than 4 deep; raise ImportLimits.maxDepth if it is genuine.")
        ) {
            try importing("<rss><channel><item><a><b><c></c></b></a></item></channel></rss>", limits: ImportLimits(maxDepth: 4))
        }
    }

    @Test func fiftyMegabyteItemFailsAfterReadingOnlyTheLimit() throws {
        var bytes = Data("<rss><channel><item><title>T</title><description>".utf8)
        bytes.append(Data(repeating: UInt8(ascii: "a"), count: 50 << 20))
        bytes.append(Data("</description></item></channel></rss>".utf8))
        let stream = InputStream(data: bytes)
        let reader = FeedReader(stream: stream, context: ImportContext(inputName: "t.rss"), format: .rss)
        let thrown = try #require(throws: ImportError.self) { try reader.nextPost() }
        #expect(thrown.kind == .tooLarge)
        #expect(thrown.message == "a single text run or tag is over 2 MiB; raise ImportLimits.maxItemBytes if it is genuine.")
    }

    @Test func fiftyMegabytesOfJunkFailAtOnce() throws {
        var junk = Data(repeating: UInt8(ascii: "<"), count: 1)
        junk.append(Data(repeating: UInt8(ascii: "%"), count: 50 << 20))
        let reader = FeedReader(stream: InputStream(data: junk), context: ImportContext(inputName: "t.rss"), format: .rss)
        #expect(throws: error(
            .malformed, "line 1, column 2", "expected an element name after '<' but found '%'; a literal '<' in text must be written &lt;.")
        ) {
            try reader.nextPost()
        }
    }

    @Test func manyCDATASectionsAndRepeatedImagesStayLinear() throws {
        let pieces = String(repeating: "<![CDATA[a]]>", count: 50_000)
        let thumbnails = String(repeating: "<media:thumbnail url=\"https://cdn.example/t.jpg\"/>", count: 20_000)
        let xml = """
            <rss xmlns:media="http://search.yahoo.com/mrss/"><channel><item><title>T</title>\
            <description>\(pieces)</description>\(thumbnails)</item></channel></rss>
            """
        let post = try #require(try importing(xml).first)
        #expect(post.paragraphs == [String(repeating: "a", count: 50_000)])
        #expect(post.images == [Post.Image(url: try #require(URL(string: "https://cdn.example/t.jpg")))])
    }

    @Test func missingFileIsUnreadable() throws {
        let missing = URL(fileURLWithPath: "/nonexistent/\(UUID().uuidString).rss")
        let thrown = try #require(throws: ImportError.self) {
            try FeedReader(contentsOf: missing, context: ImportContext(inputName: "missing.rss"))
        }
        #expect(thrown.kind == .unreadable)
        #expect(thrown.input == "missing.rss")
    }
}
