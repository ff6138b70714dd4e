import Foundation

/// `corpora/feedparser/expected.json`: feedparser 6.0.14's reading of each fixture.
struct FeedExpectation: Decodable {
    /// One fixture.
    struct Fixture: Decodable {
        /// The fixture's path below `feedparser/`.
        var path: String
        /// What feedparser read, in document order.
        var entries: [Entry]
    }

    /// One entry, normalised as the corpus README says.
    struct Entry: Decodable {
        /// The title, plain text with whitespace collapsed; nil when absent (not compared).
        var title: String?
        /// The absolute http(s) link; nil when there is none (not compared).
        var link: String?
        /// The category terms in document order, de-duplicated.
        var categories: [String]
    }

    /// Every fixture the suite holds.
    var fixtures: [Fixture]
}

/// The comparison rules of `corpora/README.md`, shared by every field.
enum FeedFieldRules {
    /// Whitespace (NBSP included) collapsed to single spaces, trimmed.
    static func collapsed(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace || $0 == "\u{A0}" }).joined(separator: " ")
    }

    /// A URL with scheme and host lower-cased, an empty path as `/`, percent-escapes decoded.
    static func url(_ text: String) -> String {
        let decoded = text.removingPercentEncoding ?? text
        guard var parts = URLComponents(string: text) else { return decoded }
        parts.scheme = parts.scheme?.lowercased()
        parts.host = parts.host?.lowercased()
        if parts.percentEncodedPath.isEmpty { parts.percentEncodedPath = "/" }
        let rebuilt = parts.string ?? text
        return rebuilt.removingPercentEncoding ?? rebuilt
    }

    /// Categories whitespace-collapsed, empties dropped, exact duplicates removed (first kept).
    static func categories(_ terms: [String]) -> [String] {
        var seen = Set<String>()
        return terms.map(collapsed).filter { !$0.isEmpty && seen.insert($0).inserted }
    }
}
