import Foundation

/// The namespace URIs that feed vocabularies use.
enum Namespace {
    static let xml = "http://www.w3.org/XML/1998/namespace"
    static let rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    static let content = "http://purl.org/rss/1.0/modules/content/"
    static let dublinCore = "http://purl.org/dc/elements/1.1/"
    static let dublinCoreTerms = "http://purl.org/dc/terms/"
    static let atom = "http://www.w3.org/2005/Atom"
    static let atom03 = "http://purl.org/atom/ns#"
    static let rss1 = "http://purl.org/rss/1.0/"

    // The groups below are arrays, not sets: an element's namespace is compared with one to four
    // URIs, which costs less than hashing it (a feed import looks up about twenty per item).

    /// RSS's own elements: none (RSS 2.0), RSS 1.0's, RSS 0.90's, and the rare userland one.
    static let rss: [String] = ["", rss1, "http://my.netscape.com/rdf/simple/0.9/", "http://backend.userland.com/rss2"]
    /// Atom 1.0 and the Atom 0.3 draft.
    static let atomAny: [String] = [atom, atom03]
    /// Media RSS, with and without its trailing slash.
    static let media: [String] = ["http://search.yahoo.com/mrss/", "http://search.yahoo.com/mrss"]
    static let dc: [String] = [dublinCore]
    static let dcTerms: [String] = [dublinCoreTerms]
    static let contentModule: [String] = [content]
}
