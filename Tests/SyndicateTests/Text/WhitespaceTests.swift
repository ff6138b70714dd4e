import Testing

@testable import Syndicate

@Suite struct WhitespaceTests {
    @Test(arguments: [
        ("  a \t b\n\nc  ", "a b c"),
        ("no\u{00A0}break\u{2009}thin\u{3000}ideographic", "no break thin ideographic"),
        ("", ""),
        (" \n\t ", ""),
        ("family 👨\u{200D}👩\u{200D}👧 kept", "family 👨\u{200D}👩\u{200D}👧 kept"),
    ])
    func collapsesRunsToOneSpace(input: String, expected: String) {
        #expect(Whitespace.collapse(input) == expected)
    }
}
