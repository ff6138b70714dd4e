import Foundation
import Syndicate
import SyndicateTestSupport
import Testing

@testable import SyndicateCorpus

/// Holds the feed importers to what they achieve on feedparser's suite (../shared/corpora,
/// never copied here): each figure is a floor just below the measurement.
@Suite struct FeedCorpusTests {
    @Test func feedparserFiguresStayAtOrAboveTheirFloors() throws {
        guard let folder = Fixtures.shared("corpora/feedparser") else { return }
        let section = FeedCorpus.report(corpora: folder.deletingLastPathComponent())
        let figures = section.figures
        #expect(figures["fixtures"] == 574, "\(section.text)")
        #expect((figures["fieldAgreement"] ?? 0) >= 94.5, "\(section.text)")
        #expect((figures["titleAgreement"] ?? 0) >= 96.5)
        #expect((figures["linkAgreement"] ?? 0) >= 90.0)
        #expect((figures["categoryAgreement"] ?? 0) >= 93.0)
        #expect((figures["refusedWhole"] ?? .infinity) <= 164, "\(section.text)")
    }

    @Test func alignmentLeavesAGapWhereTheReaderSkippedAnItem() {
        let posts = ["A", "C", "D"].map { Post(id: $0, title: $0) }
        let skipped = ImportWarning(.skippedItem, input: "f.xml", item: 2, message: "skipped: empty")
        let derived = ImportWarning(.derivedTitle, input: "f.xml", item: 3, message: "untitled")
        let slots = FeedCorpus.aligned(ImportResult(posts: posts, warnings: [skipped, derived]), count: 4)
        #expect(slots.map { $0?.title } == ["A", nil, "C", "D"])
    }

    @Test func urlsCompareByTheREADMERules() {
        #expect(FeedFieldRules.url("HTTP://Example.COM") == FeedFieldRules.url("http://example.com/"))
        #expect(FeedFieldRules.url("http://example.com/a%20b") == "http://example.com/a b")
        #expect(FeedFieldRules.url("http://example.com/A") != FeedFieldRules.url("http://example.com/a"))
        #expect(FeedFieldRules.categories([" a  b ", "", "a b", "c"]) == ["a b", "c"])
    }
}
