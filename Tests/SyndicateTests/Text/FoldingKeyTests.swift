import Foundation
import SyndicateTestSupport
import Testing

@testable import Syndicate

@Suite struct FoldingKeyTests {
    /// Every printable ASCII text folds as Foundation folds it: the fast path is lower-casing.
    @Test func asciiFoldsAsFoundationFolds() {
        var generator = SeededGenerator(seed: 0xF01D)
        for _ in 0..<2000 {
            let text = String(
                (0..<generator.int(0...24)).map { _ in Character(Unicode.Scalar(UInt8(generator.int(0x09...0x7E)))) })
            #expect(
                FoldingKey.of(text) == text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil),
                "\(text.unicodeScalars.map(\.value))")
        }
    }

    @Test func diacriticsAndCaseFoldAway() {
        #expect(FoldingKey.of("Café") == FoldingKey.of("CAFE"))
        #expect(FoldingKey.of("Ofsted") == FoldingKey.of("OFSTED"))
        #expect(FoldingKey.of("Ofsted") != FoldingKey.of("Ofsteds"))
    }

    @Test func tagsRepeatedInAnotherCaseOrWithAccentsAreDroppedInOrder() {
        #expect(Post.deduplicated(["Leadership", " leadership ", "Café", "cafe", "Ofsted"]) == ["Leadership", "Café", "Ofsted"])
    }
}
