import Foundation

/// Turns the bytes of one input into posts.
///
/// Syndicate ships one importer per ``ImportFormat``; choose one yourself or let
/// ``ImportFormat/sniff(_:fileName:)`` pick. Implement your own for a format of your CMS:
///
/// ```swift
/// struct GhostExportImporter: PostImporter {
///     let format = ImportFormat.json
///     func posts(from data: Data, context: ImportContext) throws(ImportError) -> [Post] { … }
/// }
/// ```
///
/// The contract: return at least one post or throw; never return a post without a title;
/// throw ``ImportError`` naming `context.inputName`; never crash or hang on any bytes.
public protocol PostImporter: Sendable {
    /// The format this importer reads.
    var format: ImportFormat { get }

    /// Imports every post in `data`, in document order.
    ///
    /// - Parameters:
    ///   - data: The raw bytes of the input.
    ///   - context: The input's name, base URL, boilerplate rules and limits.
    /// - Returns: One post for an article, markdown file or text; every item for a feed.
    /// - Throws: ``ImportError`` when the input is empty, not text, too large, malformed or holds no post.
    func posts(from data: Data, context: ImportContext) throws(ImportError) -> [Post]

    /// Imports every post in `data`, with the warnings about items skipped or fields derived.
    ///
    /// The default implementation returns ``posts(from:context:)`` with no warnings; the feed
    /// importers skip an item that cannot become a post (and say so here) rather than refuse
    /// the whole feed.
    ///
    /// - Throws: ``ImportError`` as ``posts(from:context:)`` does.
    func importResult(from data: Data, context: ImportContext) throws(ImportError) -> ImportResult
}

extension PostImporter {
    /// The posts of ``posts(from:context:)``, with no warnings.
    public func importResult(from data: Data, context: ImportContext) throws(ImportError) -> ImportResult {
        ImportResult(posts: try posts(from: data, context: context))
    }
}
