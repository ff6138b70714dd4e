import Foundation
import Testing

@testable import Syndicate

/// Entity extraction and the positions of entities in every unit.
@Suite struct TextEntityTests {
    @Test func positionsInEveryUnit() throws {
        let text = "Olá 👋🏽 #café @bob https://x.com/a $AAPL"
        let entities = TwitterText.entities(in: text)
        let summary = entities.map {
            "\($0.kind) \($0.text) \($0.value) u16 \($0.utf16Range) u8 \($0.utf8Range) g \($0.graphemeRange)"
        }
        #expect(
            summary == [
                "hashtag #café café u16 9..<14 u8 14..<20 g 6..<11",
                "mention @bob bob u16 15..<19 u8 21..<25 g 12..<16",
                "url https://x.com/a https://x.com/a u16 20..<35 u8 26..<41 g 17..<32",
                "cashtag $AAPL AAPL u16 36..<41 u8 42..<47 g 33..<38",
            ])
        let first = try #require(entities.first)
        #expect(String(text[first.range]) == "#café")
    }

    @Test func urlInsideParentheses() {
        let urls = TwitterText.entities(
            in: "(see https://en.wikipedia.org/wiki/Primer_(film)) and (https://example.com)"
        )
        .map(\.text)
        #expect(urls == ["https://en.wikipedia.org/wiki/Primer_(film)", "https://example.com"])
    }

    @Test func urlAtTheVeryEnd() {
        let entities = TwitterText.entities(in: "read more: https://example.com/path.")
        #expect(entities.map(\.text) == ["https://example.com/path"])
        #expect(entities.map(\.utf16Range) == [11..<35])
    }

    @Test func urlFragmentWinsOverHashtag() {
        let entities = TwitterText.entities(in: "https://example.com/#anchor #real")
        #expect(entities.map(\.text) == ["https://example.com/#anchor", "#real"])
    }

    @Test func schemelessURLTakesItsASCIIDomainOnly() {
        let entities = TwitterText.entities(in: "日本語example.com/path 中文")
        #expect(entities.map(\.value) == ["example.com/path"])
        #expect(entities.map(\.graphemeRange) == [3..<19])
    }

    @Test func hashtagRules() {
        let values = TwitterText.entities(in: "#123 #a1 #日本語 #_x foo#bar #über&#no").filter { $0.kind == .hashtag }
            .map(\.value)
        #expect(values == ["a1", "日本語", "_x", "über"])
    }

    @Test func mentionWithListKeepsTheSlug() {
        let entities = TwitterText.entities(in: "RT @jack/team: hi @ev")
        #expect(entities.map(\.text) == ["@jack/team", "@ev"])
        #expect(entities.map(\.value) == ["jack/team", "ev"])
    }

    @Test func emailAddressIsNeitherMentionNorURL() {
        #expect(TwitterText.entities(in: "mail me at name@example.com").isEmpty)
    }

    @Test func emptyTextHasNoEntities() {
        #expect(TwitterText.entities(in: "").isEmpty)
    }

    @Test func graphemeRangeRoundsOutwardsInsideACluster() throws {
        // The hashtag ends before a combining mark that belongs to its last cluster's neighbour.
        let text = "#tag\u{301} x"
        let entity = try #require(TwitterText.entities(in: text).first)
        #expect(entity.value == "tag\u{301}")
        #expect(entity.graphemeRange == 0..<4)
    }

    @Test func megabyteInputExtractsEveryEntity() {
        let line = "see https://example.com/a #tag @user $AAPL. "
        let count = 1_048_576 / line.utf8.count + 1
        let entities = TwitterText.entities(in: String(repeating: line, count: count))
        #expect(entities.count == 4 * count)
        #expect(entities.last?.utf8Range == (count * line.utf8.count - 7)..<(count * line.utf8.count - 2))
    }
}
