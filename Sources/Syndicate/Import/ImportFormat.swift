import Foundation

/// The input formats Syndicate can import, as named on the command line (`--format`).
public enum ImportFormat: String, Sendable, CaseIterable, Codable {
    /// Markdown with YAML front matter (Jekyll, Hugo, Publish). Needs `SyndicateImport`.
    case markdown
    /// An HTML article page.
    case html
    /// An RSS 2.0 or RSS 1.0 (RDF) feed.
    case rss
    /// An Atom 1.0 feed.
    case atom
    /// A JSON Feed 1.0 or 1.1.
    case jsonfeed
    /// Plain text as copied from a browser: first line the title.
    case text
    /// ``Post`` values in their own JSON form, one object or an array.
    case json
}
