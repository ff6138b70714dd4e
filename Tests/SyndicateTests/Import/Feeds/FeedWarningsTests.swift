import Foundation
import Syndicate
import Testing

/// One bad item never sinks a feed: it is skipped with a warning, or imported with what it has.
@Suite struct FeedWarningsTests {
    private func result(_ xml: String, importer: any PostImporter = RSSImporter()) throws -> ImportResult {
        try importer.importResult(from: Data(xml.utf8), context: ImportContext(inputName: "t.rss"))
    }

    @Test func anEmptyItemAmongGoodOnesIsSkippedWithAWarningNamingIt() throws {
        let xml = """
            <rss><channel>
            <item><title>First</title></item>
            <item><description>   </description></item>
            <item><title>Third</title></item>
            </channel></rss>
            """
        let read = try result(xml)
        #expect(read.posts.map(\.title) == ["First", "Third"])
        #expect(read.warnings.count == 1)
        let warning = try #require(read.warnings.first)
        #expect(warning.kind == .skippedItem)
        #expect(warning.item == 2)
        #expect(warning.input == "t.rss")
        #expect(warning.message.contains("item 2 is empty"))
        #expect(try RSSImporter().posts(from: Data(xml.utf8), context: ImportContext(inputName: "t.rss")).count == 2)
    }

    @Test func aFieldOverTheLimitSkipsOnlyThatItemAndTheWarningNamesItsGuid() throws {
        let long = String(repeating: "x", count: 300)
        let xml = "<rss><channel><item><title>\(long)</title><guid>g-1</guid></item><item><title>Ok</title></item></channel></rss>"
        let read = try RSSImporter().importResult(
            from: Data(xml.utf8),
            context: ImportContext(inputName: "t.rss", limits: ImportLimits(maxFieldBytes: 100)))
        #expect(read.posts.map(\.title) == ["Ok"])
        #expect(read.warnings.map(\.kind) == [.skippedItem])
        #expect(read.warnings.first?.reference == "g-1")
        #expect(read.warnings.first?.description.hasPrefix("t.rss (item 1, g-1): skipped: ") == true)
    }

    @Test func untitledItemsTakeATitleByTheDocumentedRuleAndSaySo() throws {
        let longSentence = String(repeating: "word ", count: 40) + "end."
        let xml = """
            <rss><channel>
            <item><description>First sentence here. Second one.</description></item>
            <item><description>\(longSentence)</description></item>
            <item><link>https://school.example/only-a-link</link></item>
            <item><category>News</category></item>
            </channel></rss>
            """
        let read = try result(xml)
        let titles = read.posts.map(\.title)
        #expect(titles.count == 4)
        #expect(titles[0] == "First sentence here.")
        #expect(titles[1].hasSuffix("…"))
        #expect(titles[1].count <= 101)
        #expect(titles[2] == "https://school.example/only-a-link")
        #expect(titles[3] == "Untitled")
        // Titles from the item's text are the rule; those from the link or "Untitled" are flagged.
        #expect(read.warnings.map(\.kind) == [.derivedTitle, .derivedTitle])
        #expect(read.warnings.map(\.item) == [3, 4])
    }

    @Test func aFeedWhoseEveryItemIsEmptyIsRefusedWithTheFirstItemsError() throws {
        let error = try #require(throws: ImportError.self) {
            try result("<rss><channel><item></item><item><comments>x</comments></item></channel></rss>")
        }
        #expect(error.kind == .missingField)
        #expect(error.location == "item 1")
        #expect(error.message.hasPrefix("item 1 is empty: "))
        #expect(error.message.hasSuffix("Every one of the feed's 2 items was skipped; there is nothing to import."))
    }

    @Test func structuralDamageStaysAnError() throws {
        let error = try #require(throws: ImportError.self) {
            try result("<rss><channel><item><title>A</title></item><item><title>B</channel></rss>")
        }
        #expect(error.kind == .malformed)
    }

    @Test func atomEntriesAreSkippedAndWarnedTheSameWay() throws {
        let xml = """
            <feed xmlns="http://www.w3.org/2005/Atom"><entry><title>A</title></entry><entry/><entry><id>urn:x</id></entry></feed>
            """
        let read = try result(xml, importer: AtomImporter())
        #expect(read.posts.map(\.title) == ["A", "Untitled"])
        #expect(read.warnings.map(\.kind) == [.skippedItem, .derivedTitle])
        #expect(read.warnings.map(\.item) == [2, 3])
        #expect(read.warnings.last?.reference == "urn:x")
    }

    @Test func jsonFeedSkipsAnItemThatIsNotAnObject() throws {
        let json = #"{"version": "https://jsonfeed.org/version/1.1", "items": [{"id": "1", "title": "A"}, 42, {"id": "3", "title": "C"}]}"#
        let read = try JSONFeedImporter().importResult(from: Data(json.utf8), context: ImportContext(inputName: "f.json"))
        #expect(read.posts.map(\.title) == ["A", "C"])
        #expect(read.warnings.map(\.item) == [2])
        #expect(read.warnings.first?.kind == .skippedItem)
    }

    @Test func streamingReaderCollectsWarnings() throws {
        let xml = "<rss><channel><item/><item><title>B</title></item></channel></rss>"
        let reader = FeedReader(data: Data(xml.utf8), context: ImportContext(inputName: "t.rss"))
        #expect(try reader.nextPost()?.title == "B")
        #expect(try reader.nextPost() == nil)
        #expect(reader.warnings.map(\.item) == [1])
    }

    @Test func importersWithoutWarningsUseTheDefault() throws {
        let read = try PlainTextImporter().importResult(
            from: Data("A title\n\nA body.".utf8), context: ImportContext(inputName: "a.txt"))
        #expect(read.posts.count == 1)
        #expect(read.warnings.isEmpty)
    }
}
