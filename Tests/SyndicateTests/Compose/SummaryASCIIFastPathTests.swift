import Foundation
import Testing

@testable import Syndicate

/// The byte-by-byte ASCII paths of summary reading give what the Unicode paths give.
@Suite struct SummaryASCIIFastPathTests {
    @Test func asciiWordsAreLowerCasedRunsOfLettersAndDigits() {
        let text = "Ofsted's 2026 pupils, Birmingham-ASCL!\r\nKS2 ok"
        #expect(SummarySource.asciiWords(text) == ["ofsted", "s", "2026", "pupils", "birmingham", "ascl", "ks2", "ok"])
        #expect(SummarySource.words(text) == ["ofsted", "s", "2026", "pupils", "birmingham", "ascl", "ks2", "ok"])
    }

    @Test func asciiWordsLeaveOtherTextToTheUnicodePath() {
        #expect(SummarySource.asciiWords("Café Ofsted") == nil)
        #expect(SummarySource.words("Café Ofsted — ÉCOLE") == ["café", "ofsted", "école"])
    }

    @Test func contentWordsOfAnASCIISentence() {
        #expect(SummarySource.contentWords("The Ofsted team met 2026 pupils.") == ["ofsted", "team", "2026", "pupils"])
    }

    @Test func asciiInformativenessCountsContentWordsNamesAndFigures() {
        let sentence = "The Ofsted report on 2026 budgets was delayed."
        #expect(SummaryFitter.asciiInformativeness(sentence) == 7)
        #expect(SummaryFitter.informativeness(sentence) == 7)
    }

    @Test func asciiAndUnicodePathsAgree() {
        // The dash sends the second sentence through the Unicode path; both score 8, halved for the question.
        #expect(SummaryFitter.informativeness("The Ofsted report on 2026 budgets was delayed - again?") == 4)
        #expect(SummaryFitter.informativeness("The Ofsted report on 2026 budgets was delayed — again?") == 4)
        #expect(SummaryFitter.asciiInformativeness("The Ofsted report on 2026 budgets was delayed — again?") == nil)
    }
}
