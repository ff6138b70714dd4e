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
        try FeedReader.allPosts(from: data, context: context, format: format)
    }
}

extension FeedReader {
    /// Every post of the feed in `data`; UTF-16 input (with a byte-order mark) is converted first.
    static func allPosts(from data: Data, context: ImportContext, format: ImportFormat) throws(ImportError) -> [Post] {
        var bytes = data
        if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) {
            bytes = Data(try InputText.decode(data, format: format, context: context, maxBytes: Int.max).utf8)
        }
        let reader = FeedReader(data: bytes, context: context, format: format)
        var posts: [Post] = []
        while let post = try reader.nextPost() {
            posts.append(post)
        }
        return posts
    }
}
