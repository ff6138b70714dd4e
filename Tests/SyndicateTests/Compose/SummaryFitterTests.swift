import Foundation
import Testing

@testable import Syndicate

@Suite struct SummaryFitterTests {
    let fitter = SummaryFitter(maximumSentences: 2, language: nil)

    @Test func sentencesThatFitAreKeptWhole() {
        let fit = fitter.fit(["One two three.", "Four five."]) { $0.count <= 100 }
        #expect(fit == SummaryFitter.Fit(text: "One two three. Four five.", cut: false, dropped: 0))
    }

    @Test func furtherSentencesAreChosenByInformativenessAndKeepTheirOrder() {
        let sentences = [
            "The lead comes first.", "It was nice.", "Amanda Spielman announced 40 secondments at ASCL.",
        ]
        let fit = fitter.fit(sentences) { $0.count <= 200 }
        #expect(fit.text == "The lead comes first. Amanda Spielman announced 40 secondments at ASCL.")
        #expect(fit.dropped == 0)
    }

    @Test func aSentenceThatDoesNotFitIsLeftOutAndCounted() {
        let fit = fitter.fit(["Short lead.", "A much longer second sentence that will not fit."]) { $0.count <= 20 }
        #expect(fit == SummaryFitter.Fit(text: "Short lead.", cut: false, dropped: 1))
    }

    @Test func cutAtAWordWithACountedEllipsis() {
        let text = fitter.cut("The quick brown fox jumps over the lazy dog.") { $0.count <= 20 }
        #expect(text == "The quick brown fox…")
    }

    @Test func cutPrefersAClauseThatKeepsMostOfTheText() {
        let text = fitter.cut("Speaking in Birmingham, the Chief Inspector said more.") { $0.count <= 40 }
        #expect(text == "Speaking in Birmingham…")
    }

    @Test func cutNeverSplitsAURL() {
        let text = fitter.cut("Read https://example.com/a/very/long/path/to/the/page today") { $0.count <= 30 }
        #expect(text == "Read…")
    }

    @Test func cutNeverSplitsAHashtagOrMention() {
        let text = fitter.cut("Congratulations @headteacher on #OutstandingResults this year") { $0.count <= 40 }
        #expect(text == "Congratulations @headteacher on…")
    }

    @Test func cutClosesAQuotationItLeavesOpen() {
        let text = fitter.cut("“We will go to the inspection,” she said.") { $0.count <= 13 }
        #expect(text == "“We will go…”")
    }

    @Test func languageWithoutSpacesIsCutAtAGraphemeCluster() {
        let japanese = SummaryFitter(maximumSentences: 2, language: "ja")
        let text = japanese.cut("東京で新しい学校が開校しました") { $0.count <= 8 }
        #expect(text == "東京で新しい学…")
    }

    @Test func emojiSequencesAreNeverSplit() {
        let text = fitter.cut("Family day 👨‍👩‍👧‍👦👨‍👩‍👧‍👦👨‍👩‍👧‍👦") { $0.unicodeScalars.count <= 20 }
        #expect(text == "Family day…")
    }

    @Test func nothingFitsGivesAnEmptySummary() {
        #expect(fitter.cut("Unbreakable") { $0.count <= 1 } == "")
    }

    @Test func splitForThreadsHasNoEllipsis() throws {
        let split = try #require(fitter.split("one two three four five") { $0.count <= 10 })
        #expect(split.head == "one two")
        #expect(split.rest == "three four five")
    }
}
