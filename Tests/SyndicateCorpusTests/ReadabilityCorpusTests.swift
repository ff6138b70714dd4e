import Foundation
import SyndicateCorpus
import SyndicateTestSupport
import Testing

/// The Readability corpus figures held as floors (just below what the importer reaches), and
/// the word scoring they rest on.
@Suite struct ReadabilityCorpusTests {
    @Test func figuresStayAboveTheirFloors() throws {
        guard let folder = Fixtures.shared("corpora/readability") else { return }
        let section = ReadabilityCorpus.report(corpora: folder.deletingLastPathComponent())
        print(section.text)
        let figures = section.figures
        #expect(figures["pages", default: 0] >= 100)
        #expect(figures["titles", default: 0] >= 101)
        #expect(figures["bylines", default: 0] >= 56)
        #expect(figures["meanF1", default: 0] >= 0.995)
        #expect(figures["minF1", default: 0] >= 0.83)
        #expect(figures["pagesAtLeast08", default: 0] == figures["pages", default: -1])   // every page at 0.8 or more
        #expect(figures["refused", default: 1] == 0)
    }

    @Test func wordsAreLowercasedUnicodeWordRuns() {
        #expect(WordScore.words("Ofsted’s plan, plan_B and 2024!") == ["ofsted": 1, "s": 1, "plan": 1, "plan_b": 1, "and": 1, "2024": 1])
        #expect(WordScore.words("Café naïve Straße") == ["café": 1, "naïve": 1, "straße": 1])
        #expect(WordScore.words("日本語 テキスト") == ["日本語": 1, "テキスト": 1])
        #expect(WordScore.words("— … !") == [:])
    }

    @Test func precisionAndRecallCountWordsAsAMultiset() {
        // Candidate {the 2, cat 2, sat 1}, reference {the 2, cat 1, sat 1, on 1, mat 1}: 4 shared.
        let score = WordScore(candidate: "the cat the cat sat", reference: "the cat sat on the mat")
        #expect(abs(score.precision - 4.0 / 5.0) < 1e-9)
        #expect(abs(score.recall - 4.0 / 6.0) < 1e-9)
        #expect(abs(score.f1 - 2 * 0.8 * (4.0 / 6.0) / (0.8 + 4.0 / 6.0)) < 1e-9)
        let extra = WordScore(candidate: "the cat the cat the cat", reference: "the cat")
        #expect(abs(extra.precision - 2.0 / 6.0) < 1e-9)
        #expect(extra.recall == 1)
    }

    @Test func emptyTextsScoreAsTheyShould() {
        #expect(WordScore(candidate: "", reference: "").f1 == 1)
        #expect(WordScore(candidate: "", reference: "words").f1 == 0)
        #expect(WordScore(candidate: "words", reference: "").f1 == 0)
    }
}
