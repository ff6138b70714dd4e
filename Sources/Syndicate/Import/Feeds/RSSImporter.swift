import Foundation

/// Imports RSS 2.0 and RSS 1.0 (RDF) feeds: one ``Post`` per item, in feed order.
///
/// Built on ``FeedReader``, which streams; this conformance collects every post of `data`.
/// To handle a large feed one post at a time, use ``FeedReader`` directly. How each item field
/// maps to a ``Post`` field: `guid` → id, `title`, `link` → url, `content:encoded` → body with
/// `description` → summary (a `description` alone is the body, and the summary stays empty),
/// `dc:creator`/`author` → author, `pubDate`/`dc:date` → published, `category`/`dc:subject` →
/// tags, image `enclosure`/`media:content`/`media:thumbnail` → images, `<language>` → language.
public struct RSSImporter: PostImporter {
    /// Always ``ImportFormat/rss``.
    public let format = ImportFormat.rss

    /// Creates the importer.
    public init() {}

    /// Imports every item of the feed in `data`.
    ///
    /// - Parameters:
    ///   - data: The feed's bytes.
    ///   - context: The input's name, base URL, boilerplate rules and limits.
    /// - Returns: The posts, in feed order; at least one.
    /// - Throws: ``ImportError`` as ``FeedReader`` describes.
    public func posts(from data: Data, context: ImportContext) throws(ImportError) -> [Post] {
        try importResult(from: data, context: context).posts
    }

    /// Imports every item of the feed in `data`, with a warning for each item skipped or untitled.
    ///
    /// - Throws: ``ImportError`` as ``FeedReader`` describes.
    public func importResult(from data: Data, context: ImportContext) throws(ImportError) -> ImportResult {
        try FeedReader.allPosts(from: data, context: context, format: format)
    }
}

extension FeedReader {
    /// Every post of the feed in `data`, with the warnings.
    static func allPosts(from data: Data, context: ImportContext, format: ImportFormat) throws(ImportError) -> ImportResult {
        let reader = FeedReader(data: data, context: context, format: format)
        var posts: [Post] = []
        while let post = try reader.nextPost() {
            posts.append(post)
        }
        return ImportResult(posts: posts, warnings: reader.warnings)
    }
}
