import SyndicateCorpus
import Testing

@Suite struct CorpusSectionTests {
    @Test func textIndentsLinesUnderTheTitle() {
        let section = CorpusSection(title: "Pages", lines: ["titles 3 of 4", "bylines 1 of 2"])
        #expect(section.text == "Pages\n  titles 3 of 4\n  bylines 1 of 2")
    }
}
