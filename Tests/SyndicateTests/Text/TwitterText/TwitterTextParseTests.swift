import Foundation
import SyndicateTestSupport
import Testing

@testable import Syndicate

/// Weighted counting beyond the conformance data: emoji shapes, normalisation, scripts, limits.
@Suite struct TwitterTextParseTests {
    struct WeightCase: Sendable, CustomStringConvertible {
        var name: String
        var text: String
        var v3: Int
        var v2: Int
        var description: String { name }
    }

    static let weightCases: [WeightCase] = [
        WeightCase(name: "ZWJ family", text: "👨‍👩‍👧‍👦", v3: 2, v2: 11),
        WeightCase(name: "skin tone", text: "👍🏽", v3: 2, v2: 4),
        WeightCase(name: "flag", text: "🇬🇧", v3: 2, v2: 4),
        WeightCase(
            name: "subdivision flag", text: "🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}", v3: 2, v2: 14),
        WeightCase(name: "keycap", text: "#️⃣", v3: 2, v2: 5),
        WeightCase(name: "rainbow flag ZWJ", text: "🏳️‍🌈", v3: 2, v2: 7),
        WeightCase(name: "copyright without VS16 is text", text: "©", v3: 1, v2: 1),
        WeightCase(name: "copyright with VS16 is emoji", text: "©️", v3: 2, v2: 3),
        WeightCase(name: "plain digit is not a keycap", text: "1", v3: 1, v2: 1),
        WeightCase(name: "combining acute composes", text: "e\u{301}", v3: 1, v2: 1),
        WeightCase(name: "combining dot stays two code points", text: "q\u{307}", v3: 2, v2: 2),
        WeightCase(name: "NFD input", text: "Cafe\u{301} cre\u{300}me", v3: 10, v2: 10),
        WeightCase(name: "Hebrew (RTL)", text: "שלום עולם", v3: 9, v2: 9),
        WeightCase(name: "Arabic (RTL)", text: "مرحبا", v3: 5, v2: 5),
        WeightCase(name: "CJK", text: "你好世界", v3: 8, v2: 8),
        WeightCase(name: "Hangul", text: "안녕", v3: 4, v2: 4),
        WeightCase(name: "directional marks count", text: "\u{202A}abc\u{202C}", v3: 7, v2: 7),
    ]

    @Test(arguments: weightCases)
    func weighsLikeTwitterText(_ item: WeightCase) {
        #expect(TwitterText.parse(item.text).weightedLength == item.v3)
        #expect(TwitterText.parse(item.text, configuration: .v2).weightedLength == item.v2)
    }

    @Test func emptyTextIsInvalidWithZeroRanges() {
        let result = TwitterText.parse("")
        #expect(
            result
                == TwitterText.ParseResult(
                    weightedLength: 0, permillage: 0, isValid: false, displayRange: 0...0, validRange: 0...0))
    }

    @Test func familyEmojiReportsUTF16Ranges() {
        let result = TwitterText.parse("👨‍👩‍👧‍👦")
        #expect(
            result
                == TwitterText.ParseResult(
                    weightedLength: 2, permillage: 7, isValid: true, displayRange: 0...10, validRange: 0...10))
    }

    @Test func nfdRangesReferToTheOriginalText() {
        // "e" + U+0301 is one code point after NFC; the ranges still count the two original units.
        let result = TwitterText.parse("e\u{301}")
        #expect(result.displayRange == 0...1)
        #expect(result.validRange == 0...1)
    }

    @Test func urlAtTheVeryEndCountsTwentyThree() {
        let result = TwitterText.parse("read https://example.com/a/rather/long/path/that/goes/on")
        #expect(result.weightedLength == 28)
        #expect(result.displayRange == 0...55)
    }

    @Test func schemelessURLCountsTwentyThree() {
        #expect(TwitterText.parse("see example.com").weightedLength == 27)
        #expect(TwitterText.parse("see t.co").weightedLength == 27)
    }

    @Test func textWithoutDotHasNoURL() {
        #expect(TwitterText.parse("http://localhost/path").weightedLength == 21)
    }

    @Test func invalidCharactersMakeTextInvalid() {
        #expect(TwitterText.parse("abc\u{FEFF}").isValid == false)
        #expect(TwitterText.parse("abc\u{FFFE}").isValid == false)
        #expect(TwitterText.parse("abc\u{FFFF}").isValid == false)
        #expect(TwitterText.parse("\u{202E}abc\u{202D}").isValid == true)
    }

    @Test func limitIsInclusive() {
        let full = TwitterText.parse(String(repeating: "a", count: 280))
        #expect(
            full
                == TwitterText.ParseResult(
                    weightedLength: 280, permillage: 1000, isValid: true, displayRange: 0...279, validRange: 0...279))
        let over = TwitterText.parse(String(repeating: "a", count: 281))
        #expect(
            over
                == TwitterText.ParseResult(
                    weightedLength: 281, permillage: 1003, isValid: false, displayRange: 0...280, validRange: 0...279))
    }

    @Test func limitIsConfigurableForLongerPosts() {
        var premium = TwitterText.Configuration.v3
        premium.maxWeightedTweetLength = 25_000
        let text = String(repeating: "a", count: 1_000)
        #expect(TwitterText.parse(text).isValid == false)
        #expect(TwitterText.parse(text, configuration: premium).isValid == true)
        #expect(TwitterText.parse(text, configuration: premium).permillage == 40)
    }

    @Test func megabyteInputIsCountedExactly() {
        let line = "Ünïcödé text 你好 👨‍👩‍👧‍👦 #tag @user https://example.com/path?q=1 and example.org. "
        let text = String(repeating: line, count: 1_048_576 / line.utf8.count + 1)
        let result = TwitterText.parse(text)
        let repetitions = 1_048_576 / line.utf8.count + 1
        // Per line: 12 + 1 + 4 + 1 + 2 + 1 + 4 + 1 + 5 + 1 + 23 + 5 + 23 + 2 = 85.
        #expect(result.weightedLength == 85 * repetitions)
        #expect(!result.isValid)
    }

    @Test func adversarialMegabyteInputsFinish() {
        let inputs = [
            String(repeating: "あ", count: 350_000) + ".",
            String(repeating: "a.", count: 500_000),
            "http://" + String(repeating: "é", count: 500_000) + ".com",
            "https://x.com/" + String(repeating: "(a", count: 300_000),
        ]
        for text in inputs {
            #expect(TwitterText.parse(text).weightedLength > 0)
        }
    }

    /// `parse` finds URLs run by run, skips runs whose dots no letter follows, and works in
    /// bytes; weighing by the URLs `urls(in:)` finds in the whole text, in UTF-16 offsets, must
    /// give the same length and ranges, whatever surrounds the URLs.
    @Test func urlsFoundRunByRunWeighAsURLsFoundInTheWholeText() {
        let pieces = [
            "a", "word", "café", "学校", "소식", "👍🏽", "👨‍👩‍👧‍👦", "🇬🇧", "1️⃣", "#", "5", "#tag", ".", "end.", "3.14", "...",
            "https://example.com/a", "example.co.uk/x?y=1", "t.co/abc", "www.example.net", "http://localhost/a.b",
            "ex.ample", "x.Com", "é.com", "例え.テスト", "(see example.org)", "-example.com", "a@example.com",
            "https://t.co/" + String(repeating: "z", count: 41), "xn--p1ai.рф", ".com", "https://",
        ]
        let separators = ["", " ", " ", "\n", "(", ")", "。", "\u{3000}"]
        var random = SeededGenerator(seed: 2026)
        for _ in 0..<2_000 {
            var text = ""
            for _ in 0..<Int.random(in: 1...12, using: &random) {
                text += pieces.randomElement(using: &random)! + separators.randomElement(using: &random)!
            }
            let expected = Self.weighedWithWholeTextURLs(text)
            let result = TwitterText.parse(text)
            #expect(result.weightedLength == expected.weightedLength, "\(text.debugDescription)")
            #expect(result.validRange == expected.validRange, "\(text.debugDescription)")
        }
    }

    /// X's weighting (v3, no normalisation needed), with the URLs of `urls(in:)` over the whole text.
    static func weighedWithWholeTextURLs(_ text: String) -> (weightedLength: Int, validRange: ClosedRange<Int>) {
        let urls = TwitterText.urls(in: text).map(\.utf16Range)
        let configuration = TwitterText.Configuration.v3
        let limit = configuration.maxWeightedTweetLength * configuration.scale
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { bytes in
            var weighted = 0
            var validEnd = 0
            var index = 0
            var offset = 0
            while index < bytes.count {
                let scalar = TwitterText.decodeScalar(bytes, at: index)
                if let url = urls.first(where: { $0.lowerBound == offset }) {
                    weighted += configuration.transformedURLLength * configuration.scale
                    while offset < url.upperBound {
                        let next = TwitterText.decodeScalar(bytes, at: index)
                        index += next.length
                        offset += next.value > 0xFFFF ? 2 : 1
                    }
                } else if scalar.value == 0x23 || scalar.value == 0x2A || (0x30...0x39).contains(scalar.value)
                    || TwitterText.isEmoji(scalar.value),
                    let emoji = TwitterText.emojiSequenceEnd(in: bytes, at: index)
                {
                    weighted += configuration.defaultWeight
                    index = emoji.end
                    offset += emoji.utf16
                } else {
                    weighted += configuration.weight(of: scalar.value)
                    index += scalar.length
                    offset += scalar.value > 0xFFFF ? 2 : 1
                }
                if weighted <= limit { validEnd = offset - 1 }
            }
            return (weighted / configuration.scale, 0...max(0, validEnd))
        }
    }

    /// The eight-bytes-at-a-time scan stops exactly where a byte-by-byte scan does.
    @Test func asciiRunEndMatchesAByteLoop() {
        var random = SeededGenerator(seed: 7)
        // Bytes near every edge the word test uses: "#", "*", "/", "0", "9", ":", 0x7F, 0x80, 0xFF.
        let alphabet: [UInt8] = [0x00, 0x22, 0x23, 0x24, 0x29, 0x2A, 0x2B, 0x2F, 0x30, 0x35, 0x39, 0x3A, 0x41, 0x61, 0x7F, 0x80, 0xA3, 0xAA, 0xB0, 0xFF]
        for _ in 0..<5_000 {
            let length = Int.random(in: 0...40, using: &random)
            let sparse = Bool.random(using: &random)
            let bytes = (0..<length).map { _ in
                sparse && Int.random(in: 0..<8, using: &random) != 0 ? UInt8(ascii: "a") : alphabet.randomElement(using: &random)!
            }
            let start = Int.random(in: 0...length, using: &random)
            let limit = Int.random(in: start...length, using: &random)
            for keycaps in [false, true] {
                var expected = start
                while expected < limit, bytes[expected] < 0x80,
                    !(keycaps && (bytes[expected] == 0x23 || bytes[expected] == 0x2A || (0x30...0x39).contains(bytes[expected])))
                {
                    expected += 1
                }
                let end = bytes.withUnsafeBufferPointer {
                    TwitterText.asciiRunEnd(in: $0, from: start, limit: limit, stoppingAtKeycapBases: keycaps)
                }
                #expect(end == expected, "\(bytes) from \(start) to \(limit), keycaps \(keycaps)")
            }
        }
    }
}
