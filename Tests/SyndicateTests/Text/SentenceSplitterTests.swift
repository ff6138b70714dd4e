import Testing

@testable import Syndicate

@Suite struct SentenceSplitterTests {
    @Test(arguments: [
        ("One. Two! Three? Four", ["One.", "Two!", "Three?", "Four"]),
        ("“It is exciting,” she said. “Join us.” Then left.", ["“It is exciting,” she said.", "“Join us.”", "Then left."]),
        ("Mrs Spielman and Dr Who met e.g. here. Next.", ["Mrs Spielman and Dr Who met e.g. here.", "Next."]),
        ("It costs 3.5 million. Really.", ["It costs 3.5 million.", "Really."]),
        ("J. K. Rowling wrote it. Yes.", ["J. K. Rowling wrote it.", "Yes."]),
        ("Wait... what?! Ok.", ["Wait... what?!", "Ok."]),  // a lower-case word after an ellipsis continues
        ("(See the report.) Next one.", ["(See the report.)", "Next one."]),
        ("学校は休みです。明日は晴れ。", ["学校は休みです。", "明日は晴れ。"]),
        ("", []),
        ("   ", []),
    ])
    func splitsAtSentenceEnds(input: String, expected: [String]) {
        #expect(SentenceSplitter.sentences(in: input) == expected)
    }
}
