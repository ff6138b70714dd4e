import Testing

@testable import Syndicate

@Suite struct MetaTextTests {
    @Test func shortTextIsKeptWithWhitespaceCollapsed() {
        #expect(MetaText.truncated("  Hello\n world. ", limit: 20) == "Hello world.")
        #expect(MetaText.truncated("exactly ten", limit: 11) == "exactly ten")
    }

    @Test func wholeSentencesAreKeptWhenTheyFit() {
        let text = "First sentence here. Second one follows. Third sentence is too long to fit."
        #expect(MetaText.truncated(text, limit: 45) == "First sentence here. Second one follows.")
    }

    @Test func longFirstSentenceIsCutAtAWordWithAnEllipsis() {
        let text = "Middle leaders will be able to spend a year working at Ofsted."
        let cut = MetaText.truncated(text, limit: 30)
        #expect(cut == "Middle leaders will be able…")
        #expect(cut.count <= 30)
    }

    @Test func trailingPunctuationBeforeTheEllipsisIsDropped() {
        #expect(MetaText.truncated("One, two, three, four, five and six", limit: 10) == "One, two…")
    }

    @Test func cutLandingOnASpaceKeepsTheWholeWord() {
        #expect(MetaText.truncated("abcd efgh ijkl", limit: 10) == "abcd efgh…")
    }

    @Test func textWithoutSpacesIsCutExactly() {
        #expect(MetaText.truncated("学校の先生は明日から新しい授業を始めます", limit: 8) == "学校の先生は明…")
    }

    @Test func graphemeClustersAreNeverSplit() {
        let family = "👨‍👩‍👧‍👦"
        #expect(MetaText.truncated(String(repeating: family, count: 10), limit: 4) == family + family + family + "…")
    }

    @Test func zeroLimitGivesNothing() {
        #expect(MetaText.truncated("text", limit: 0) == "")
    }
}
