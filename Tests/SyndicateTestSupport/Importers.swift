import Foundation
import Syndicate

extension Fixtures {
    /// The importer for `format`, for tests: `Syndicate`'s own importers, and `markdown` for
    /// Markdown. The Markdown importer lives in `SyndicateImport`, which this library cannot
    /// name (it depends on `Syndicate` only, so that targets without the Markdown parser can
    /// share it); a test that has it passes it in. Nil for Markdown when none is given.
    ///
    /// `PostImport.importer(for:)` is the same table for code that links `SyndicateImport`;
    /// `ImportersAgreeTests` (SyndicateImportTests) checks that the two agree.
    public static func importer(for format: ImportFormat, markdown: (any PostImporter)? = nil) -> (any PostImporter)? {
        switch format {
        case .markdown: markdown
        case .html: HTMLImporter()
        case .rss: RSSImporter()
        case .atom: AtomImporter()
        case .jsonfeed: JSONFeedImporter()
        case .text: PlainTextImporter()
        case .json: JSONPostImporter()
        }
    }

    /// The importer for `data`, by the format sniffed from it and `fileName` (see
    /// ``importer(for:markdown:)``).
    public static func importer(
        sniffing data: Data, fileName: String, markdown: (any PostImporter)? = nil
    ) -> (any PostImporter)? {
        importer(for: ImportFormat.sniff(data, fileName: fileName), markdown: markdown)
    }
}
