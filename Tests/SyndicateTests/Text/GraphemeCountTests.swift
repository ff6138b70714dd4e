import SyndicateTestSupport
import Testing

@testable import Syndicate

@Suite struct GraphemeCountTests {
    @Test(arguments: [
        "", "a", "Ofsted secondments", "line one\r\nline two\n\rthree\r", "\r\n\r\n", "\r\r\n\n", "tab\there",
        "café", "cafe\u{301}", "\r\n\u{301}", "ab\r\n\u{301}x", "日本\u{3099}語", "가\u{11A8}", "©\u{200D}👍", "a🇬🇧b", "👨‍👩‍👧 family", "🇬🇧🇫🇷", "日本語のテキスト", "a\r\n👍🏽", "\u{0}\u{7F}",
    ])
    func countsAsStringCountDoes(text: String) {
        #expect(GraphemeCount.of(text) == text.count)
    }

    /// Random strings over every edge of the simple ranges and the characters that join their
    /// neighbours (combining marks, joiners, variation selectors, jamo, sound marks, emoji).
    @Test func randomMixturesCountAsStringCountDoes() {
        let alphabet = Self.alphabet
        var generator = SeededGenerator(seed: 0x6EA9)
        for _ in 0..<4000 {
            var scalars = String.UnicodeScalarView()
            for _ in 0..<generator.int(0...12) { scalars.append(alphabet[generator.below(alphabet.count)]) }
            let text = String(scalars)
            let codes = text.unicodeScalars.map { String($0.value, radix: 16) }
            #expect(GraphemeCount.of(text) == text.count, "\(codes)")
            let limit = generator.int(-1...13)
            #expect(GraphemeCount.exceeds(text, limit) == (text.count > limit), "\(codes) > \(limit)")
            #expect(GraphemeCount.count(text, upTo: limit) == min(text.count, limit + 1), "\(codes) up to \(limit)")
            // One paragraph length asked several limits in turn, as the boilerplate rules ask it.
            var length = ParagraphLength(text)
            for asked in [limit, generator.int(-1...13), generator.int(-1...13)] {
                #expect(length.exceeds(asked) == (text.count > asked), "\(codes) > \(asked), memoised")
            }
        }
    }

    /// Long texts of simple runs broken by joining characters: the count hands over to the
    /// standard library and back many times in one text.
    @Test func longMixturesHandOverAndBackAsStringCountDoes() {
        let simple = Self.alphabet.filter { GraphemeCount.isSimpleOrASCII($0.value) }
        let joining = Self.alphabet.filter { !GraphemeCount.isSimpleOrASCII($0.value) }
        var generator = SeededGenerator(seed: 0xC0DE)
        for _ in 0..<2000 {
            var scalars = String.UnicodeScalarView()
            for _ in 0..<generator.int(0...60) {
                let pool = generator.below(4) == 0 ? joining : simple
                scalars.append(pool[generator.below(pool.count)])
            }
            let text = String(scalars)
            #expect(GraphemeCount.of(text) == text.count, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    /// Long, mostly ASCII texts (as news paragraphs are) with line breaks, carriage returns and
    /// the odd joining character: the eight-bytes-at-a-time path, its limit and its hand-over.
    @Test func longASCIIRunsCountAsStringCountDoes() {
        let rare: [Unicode.Scalar] = ["\r", "\n", "é", "\u{301}", "👍", "\u{200D}", "\u{7F}"]
        var generator = SeededGenerator(seed: 0xA5C1)
        for _ in 0..<3000 {
            var scalars = String.UnicodeScalarView()
            for _ in 0..<generator.int(0...90) {
                if generator.below(12) == 0 {
                    scalars.append(rare[generator.below(rare.count)])
                } else {
                    scalars.append(Unicode.Scalar(UInt8(generator.int(0x20...0x7E))))
                }
            }
            let text = String(scalars)
            let codes = text.unicodeScalars.map { String($0.value, radix: 16) }
            let limit = generator.int(-1...100)
            #expect(GraphemeCount.count(text, upTo: limit) == min(text.count, limit + 1), "\(codes) up to \(limit)")
            #expect(GraphemeCount.exceeds(text, limit) == (text.count > limit), "\(codes) > \(limit)")
            #expect(GraphemeCount.of(text) == text.count, "\(codes)")
            var length = ParagraphLength(text)
            for asked in [limit, generator.int(-1...100)] {
                #expect(length.exceeds(asked) == (text.count > asked), "\(codes) > \(asked), memoised")
            }
        }
    }

    /// Every edge of the simple ranges and the characters that join their neighbours.
    static let alphabet: [Unicode.Scalar] = [
        "a", "\r", "\n", "\u{7F}", "\u{80}", "\u{AD}", "é", "\u{2FF}", "\u{300}", "\u{301}", "\u{36F}", "\u{370}",
        "Ω", "\u{3FF}", "Ж", "\u{482}", "\u{483}", "\u{489}", "\u{48A}", "\u{4FF}", "\u{1E00}", "ệ", "\u{1FFF}",
        "\u{200B}", "\u{200C}", "\u{200D}", "\u{200E}", "–", "\u{2027}", "\u{2028}", "\u{2030}", "‼", "\u{205E}",
        "\u{205F}", "\u{2060}", "€", "\u{20D0}", "\u{3000}", "、", "\u{3029}", "\u{302A}", "\u{302F}", "ぁ", "か",
        "\u{3096}", "\u{3099}", "\u{309A}", "\u{309B}", "カ", "ー", "\u{30FF}", "\u{3400}", "日", "\u{9FFF}",
        "\u{1100}", "\u{1161}", "\u{11A8}", "가", "각", "\u{D7A3}", "\u{D7B0}", "！", "ｶ", "\u{FF9D}", "\u{FF9E}",
        "\u{FF9F}", "\u{FE0F}", "\u{FE0E}", "☺", "❤", "👍", "\u{1F3FD}", "🇬", "🇧", "\u{E0067}", "क", "\u{94D}",
        "ष", "\u{93F}", "\u{600}", "ب", "\u{64B}",
    ]

    @Test func exceedsCountsCharactersNotBytes() {
        #expect(GraphemeCount.exceeds("abcdef", 5))
        #expect(!GraphemeCount.exceeds("abcde", 5))
        #expect(!GraphemeCount.exceeds("abcd\r\n", 5))
        #expect(GraphemeCount.exceeds("abcd\r\nx", 5))
        #expect(!GraphemeCount.exceeds("éééé", 4))
        #expect(GraphemeCount.exceeds("ééééé", 4))
    }

    @Test func bridgedAndSubstringBackedTextIsCountedToo() {
        let long = String(repeating: "ab\r\n", count: 1000)
        #expect(GraphemeCount.of(long) == 3000)
        let slice = String(long.dropFirst(2))
        #expect(GraphemeCount.of(slice) == slice.count)
    }
}
