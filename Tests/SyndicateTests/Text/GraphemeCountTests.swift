import Testing

@testable import Syndicate

@Suite struct GraphemeCountTests {
    @Test(arguments: [
        "", "a", "Ofsted secondments", "line one\r\nline two\n\rthree\r", "\r\n\r\n", "\r\r\n\n", "tab\there",
        "café", "cafe\u{301}", "👨‍👩‍👧 family", "🇬🇧🇫🇷", "日本語のテキスト", "a\r\n👍🏽", "\u{0}\u{7F}",
    ])
    func countsAsStringCountDoes(text: String) {
        #expect(GraphemeCount.of(text) == text.count)
    }

    @Test func bridgedAndSubstringBackedTextIsCountedToo() {
        let long = String(repeating: "ab\r\n", count: 1000)
        #expect(GraphemeCount.of(long) == 3000)
        let slice = String(long.dropFirst(2))
        #expect(GraphemeCount.of(slice) == slice.count)
    }
}
