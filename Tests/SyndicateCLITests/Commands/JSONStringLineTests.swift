import Testing

@testable import SyndicateCLI

@Suite struct JSONStringLineTests {
    private func decode(_ line: String) throws(JSONStringLine.Failure) -> String {
        try JSONStringLine.decode(ArraySlice(Array(line.utf8)))
    }

    private func failure(_ line: String) -> String? {
        do {
            _ = try decode(line)
            return nil
        } catch {
            return error.description
        }
    }

    @Test(arguments: [
        (#""plain""#, "plain"),
        ("  \"padded\"\t", "padded"),
        (#""esc \" \\ \/ \b\f\n\r\t""#, "esc \" \\ / \u{8}\u{C}\n\r\t"),
        (#""\u00e9\u00E9 é""#, "éé é"),
        (#""\ud83d\ude00""#, "😀"),
        (#""""#, ""),
    ])
    func decodesStrings(line: String, text: String) throws {
        #expect(try decode(line) == text)
    }

    @Test(arguments: [
        ("", "empty line; each line must be one JSON string such as \"Hello\"."),
        ("42", "not a JSON string at column 1; each line must be one JSON string such as \"Hello\"."),
        (#""open"#, "unterminated JSON string; end the line with a closing quote."),
        (#""a" "b""#, "unexpected text after the string at column 5; put one JSON string per line."),
        (#""\ude00""#, "lone surrogate \\ude00 at column 2; a low surrogate must follow a high one (\\ud83d\\ude00), or write the character itself."),
        (#""\ud83dx""#, "lone surrogate \\ud83d at column 2; a high surrogate must be followed by a low one (\\ud83d\\ude00), or write the character itself."),
        (#""\u12""#, "bad \\u escape at column 2; write four hex digits, as in \\u00e9."),
        (#""\q""#, "unknown escape \\q at column 2; JSON allows \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX."),
        ("\"a\u{1}\"", "raw control character at column 3; escape it (\\n, \\t, \\u0001)."),
    ])
    func rejectsWithAMessage(line: String, message: String) {
        #expect(failure(line) == message)
    }

    @Test func rejectsInvalidUTF8() {
        let line: [UInt8] = [0x22, 0x61, 0xC3, 0x22]
        #expect(throws: JSONStringLine.Failure.self) { try JSONStringLine.decode(ArraySlice(line)) }
    }

    @Test func literalEscapesQuotesBackslashesAndNewlines() {
        #expect(JSONStringLine.literal("a\"b\\c\nd/e") == #""a\"b\\c\nd/e""#)
    }
}
