import Foundation

/// Why an input could not be imported: which input, in which format, where, and what to do.
///
/// The categories are stable and open to growth (a struct around a private code, so a new
/// category breaks no caller's `switch`); compare with the static members:
///
/// ```swift
/// do { _ = try importer.posts(from: data, context: context) }
/// catch let error as ImportError where error.kind == .malformed { print(error.description) }
/// ```
public struct ImportError: Error, Sendable, Equatable, CustomStringConvertible, LocalizedError {
    /// A stable category of import failure.
    public struct Kind: Sendable, Hashable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }

        /// The input names a charset (in its declaration or the server's `Content-Type`) that
        /// the system cannot convert; the message names it.
        public static let unknownCharset = Kind("unknownCharset")
        /// The input has no content at all.
        public static let empty = Kind("empty")
        /// The bytes are not text: binary data, or a byte that does not decode in the input's charset
        /// (the location names its offset).
        public static let notText = Kind("notText")
        /// The input is larger than ``ImportLimits`` allow.
        public static let tooLarge = Kind("tooLarge")
        /// The document is syntactically broken (truncated XML, invalid JSON, unterminated front matter).
        public static let malformed = Kind("malformed")
        /// The document parsed but holds no post: a feed without items, a page without an article.
        public static let noContent = Kind("noContent")
        /// A required field (the title) is missing or empty.
        public static let missingField = Kind("missingField")
        /// The format could not be recognised; `--format` must name it.
        public static let unknownFormat = Kind("unknownFormat")
        /// The format is recognised but this build has no importer for it.
        public static let unsupportedFormat = Kind("unsupportedFormat")
        /// The input could not be read (missing file, permission).
        public static let unreadable = Kind("unreadable")

        public var description: String { name }
    }

    /// The category of the failure.
    public let kind: Kind
    /// The input's name: a file path, a URL or `-` for standard input.
    public let input: String
    /// The format that was being imported, if known.
    public let format: ImportFormat?
    /// Where in the input it failed (`line 12, column 4`, `item 3`), if known.
    public let location: String?
    /// What is wrong and what to do about it, one sentence or two.
    public let message: String

    /// Creates an import error.
    public init(_ kind: Kind, input: String, format: ImportFormat?, location: String? = nil, message: String) {
        self.kind = kind
        self.input = input
        self.format = format
        self.location = location
        self.message = message
    }

    /// One line: `<input> (<format>, <location>): <message>`.
    public var description: String {
        var context: [String] = []
        if let format { context.append(format.rawValue) }
        if let location { context.append(location) }
        let parenthesis = context.isEmpty ? "" : " (\(context.joined(separator: ", ")))"
        return "\(input)\(parenthesis): \(message)"
    }

    public var errorDescription: String? { description }
}
