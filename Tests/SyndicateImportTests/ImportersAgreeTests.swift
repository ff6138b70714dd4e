import Foundation
import Syndicate
import SyndicateImport
import SyndicateTestSupport
import Testing

/// The tests' importer table (`Fixtures.importer(for:markdown:)` in SyndicateTestSupport, which
/// cannot see SyndicateImport) is the library's (`PostImport.importer(for:)`).
@Suite struct ImportersAgreeTests {
    @Test("the tests' importer for each format is PostImport's", arguments: ImportFormat.allCases)
    func sameImporter(format: ImportFormat) throws {
        let importer = try #require(Fixtures.importer(for: format, markdown: MarkdownImporter()))
        #expect(importer.format == format)
        #expect(ObjectIdentifier(type(of: importer)) == ObjectIdentifier(type(of: PostImport.importer(for: format))))
    }

    @Test("without the Markdown importer passed in, Markdown has none, and every other format has one")
    func markdownNeedsItsImporter() {
        for format in ImportFormat.allCases {
            #expect((Fixtures.importer(for: format) == nil) == (format == .markdown), "\(format)")
        }
    }
}
