import SyndicateTestSupport
import Testing

@testable import Syndicate

@Suite struct WhitespaceTests {
    @Test(arguments: [
        ("  a \t b\n\nc  ", "a b c"),
        ("no\u{00A0}break\u{2009}thin\u{3000}ideographic", "no break thin ideographic"),
        ("", ""),
        (" \n\t ", ""),
        ("family 👨\u{200D}👩\u{200D}👧 kept", "family 👨\u{200D}👩\u{200D}👧 kept"),
        ("eight by eight  doubled", "eight by eight doubled"),
        ("sevenAB cross", "sevenAB cross"),
        ("sevenA  crosses", "sevenA crosses"),
        ("sevenAB  cross", "sevenAB cross"),
    ])
    func collapsesRunsToOneSpace(input: String, expected: String) {
        #expect(Whitespace.collapse(input) == expected)
    }

    /// Collapsing reads eight bytes at a time: random mixtures of words, single and repeated
    /// spaces, controls and Unicode spaces, at every alignment, against the definition (split on
    /// collapsible white space, join with one space).
    @Test func agreesWithTheDefinitionAtEveryAlignment() {
        let pieces = [
            "a", "word", "longerword", " ", " ", " ", "  ", "\t", "\n", "\r\n", "\u{0B}", "\u{00A0}", "\u{0085}",
            "\u{1680}", "\u{2009}", "\u{2028}", "\u{3000}", "\u{200D}", "é", "日本", "👍🏽", "\u{0001}", "\u{00C2}",
            "\u{2010}", "\u{3001}",
        ]
        // Half the texts are printable ASCII and spaces only, which the eight-byte path passes whole.
        let asciiPieces = ["a", "to", "word", "longerword", " ", " ", "  "]
        var generator = SeededGenerator(seed: 0x5EED_0008)
        for round in 0..<4_000 {
            let alphabet = round.isMultiple(of: 2) ? asciiPieces : pieces
            let text = (0..<generator.int(0...24)).map { _ in alphabet[generator.below(alphabet.count)] }.joined()
            let expected = text.unicodeScalars.split(whereSeparator: Whitespace.isCollapsible)
                .map { String(String.UnicodeScalarView($0)) }.joined(separator: " ")
            #expect(Whitespace.collapse(text) == expected, "\(Array(text.unicodeScalars))")
        }
    }
}
