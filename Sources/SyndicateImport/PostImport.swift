import Foundation
import Syndicate

/// One entry point to every importer Syndicate has, including those that need third-party
/// parsers (Markdown front matter).
///
/// ```swift
/// let data = try Data(contentsOf: URL(fileURLWithPath: "Examples/Posts/ofsted-secondments.md"))
/// let posts = try PostImport.posts(from: data, context: ImportContext(inputName: "ofsted-secondments.md"))
/// ```
public enum PostImport {
    /// The importer for `format`.
    public static func importer(for format: ImportFormat) -> any PostImporter {
        switch format {
        case .markdown: MarkdownImporter()
        case .html: HTMLImporter()
        case .rss: RSSImporter()
        case .atom: AtomImporter()
        case .jsonfeed: JSONFeedImporter()
        case .text: PlainTextImporter()
        case .json: JSONPostImporter()
        }
    }

    /// Imports the posts in `data`, in `format` or, when it is nil, in the format sniffed from
    /// `context.inputName` and the content.
    ///
    /// - Throws: ``ImportError`` naming the input, the format and the problem.
    public static func posts(
        from data: Data,
        format: ImportFormat? = nil,
        context: ImportContext
    ) throws(ImportError) -> [Post] {
        let chosen = format ?? ImportFormat.sniff(data, fileName: context.inputName)
        return try importer(for: chosen).posts(from: data, context: context)
    }
}
