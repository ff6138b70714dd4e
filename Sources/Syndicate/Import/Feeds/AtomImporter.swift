import Foundation

/// Imports Atom 1.0 feeds: one ``Post`` per entry, in feed order.
///
/// Built on ``FeedReader``, which streams; this conformance collects every post of `data`.
/// How each entry field maps to a ``Post`` field: `id`, `title` (text, html or xhtml),
/// `link rel="alternate"` → url (resolved against `xml:base`), `summary`, `content` → body,
/// `author/name`, `published`, `updated`, `category` → tags, image enclosures and Media RSS →
/// images, `xml:lang` → language. An entry with only a `summary` keeps it as the summary and
/// takes it as the body too.
public struct AtomImporter: PostImporter {
    /// Always ``ImportFormat/atom``.
    public let format = ImportFormat.atom

    /// Creates the importer.
    public init() {}

    /// Imports every entry of the feed in `data`.
    ///
    /// - Parameters:
    ///   - data: The feed's bytes.
    ///   - context: The input's name, base URL, boilerplate rules and limits.
    /// - Returns: The posts, in feed order; at least one.
    /// - Throws: ``ImportError`` as ``FeedReader`` describes.
    public func posts(from data: Data, context: ImportContext) throws(ImportError) -> [Post] {
        try importResult(from: data, context: context).posts
    }

    /// Imports every entry of the feed in `data`, with a warning for each entry skipped or untitled.
    ///
    /// - Throws: ``ImportError`` as ``FeedReader`` describes.
    public func importResult(from data: Data, context: ImportContext) throws(ImportError) -> ImportResult {
        try FeedReader.allPosts(from: data, context: context, format: format)
    }
}
