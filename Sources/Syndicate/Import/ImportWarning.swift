import Foundation

/// Something an importer noticed and worked around without refusing the input: an item it
/// skipped, or a field it had to fill in. The posts that were imported are whole; a warning says
/// what is *not* among them, or what was derived rather than read.
///
/// ```swift
/// let result = try RSSImporter().importResult(from: data, context: context)
/// for warning in result.warnings { print(warning) }   // news.rss (item 3, …): skipped: …
/// ```
public struct ImportWarning: Sendable, Hashable, CustomStringConvertible {
    /// A stable category of warning (a struct around a private name, so that new categories
    /// break no caller's `switch`).
    public struct Kind: Sendable, Hashable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }

        /// The item was left out: it had nothing a post can be made from, or a field over the limits.
        public static let skippedItem = Kind("skippedItem")
        /// The item had no title and no text to take one from; its link, or `Untitled`, is the title.
        public static let derivedTitle = Kind("derivedTitle")

        /// The bytes overruled the declaration: the input declared no charset and was not UTF-8,
        /// so it was read as windows-1252; or it declared a legacy charset but is UTF-8, so it was
        /// read as UTF-8.
        public static let guessedCharset = Kind("guessedCharset")

        /// The kind's stable name, e.g. `skippedItem`.
        public var description: String { name }
    }

    /// The category.
    public let kind: Kind
    /// The input's name, as in ``ImportError/input``.
    public let input: String
    /// The item's position in the feed, counting from 1; nil when the warning is about the whole input.
    public let item: Int?
    /// What identifies the item in the document: its guid, id or link, when it has one.
    public let reference: String?
    /// What happened and why, one sentence.
    public let message: String

    /// For a skipped item, the kind of error it would have been; what a feed whose every item
    /// was skipped is refused as.
    let cause: ImportError.Kind?

    /// Creates a warning.
    public init(_ kind: Kind, input: String, item: Int? = nil, reference: String? = nil, message: String) {
        self.init(kind, input: input, item: item, reference: reference, message: message, cause: nil)
    }

    init(_ kind: Kind, input: String, item: Int?, reference: String?, message: String, cause: ImportError.Kind?) {
        self.kind = kind
        self.input = input
        self.item = item
        self.reference = reference
        self.message = message
        self.cause = cause
    }

    /// One line: `<input> (item <n>, <reference>): <message>`.
    public var description: String {
        var context: [String] = []
        if let item { context.append("item \(item)") }
        if let reference { context.append(reference) }
        let parenthesis = context.isEmpty ? "" : " (\(context.joined(separator: ", ")))"
        return "\(input)\(parenthesis): \(message)"
    }
}

/// What an importer read: the posts, in document order, and the warnings about what it skipped
/// or derived on the way.
public struct ImportResult: Sendable {
    /// The posts; at least one.
    public var posts: [Post]
    /// The warnings, in document order; empty when everything was read as written.
    public var warnings: [ImportWarning]

    /// Creates a result.
    public init(posts: [Post], warnings: [ImportWarning] = []) {
        self.posts = posts
        self.warnings = warnings
    }
}
