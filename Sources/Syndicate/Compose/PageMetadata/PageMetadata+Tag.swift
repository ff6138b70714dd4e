import Foundation

extension PageMetadata {
    /// One `<meta>` or `<link>` element of a page's `<head>`.
    public struct Tag: Sendable, Equatable, Hashable, Codable {
        /// How the tag names its key.
        public enum Kind: String, Sendable, Equatable, Hashable, Codable {
            /// `<link rel="key" href="value">`.
            case link
            /// `<meta property="key" content="value">` (Open Graph, `article:`).
            case property
            /// `<meta name="key" content="value">` (Twitter Card, `fediverse:creator`).
            case name
        }

        /// How the tag names its key.
        public var kind: Kind
        /// The link relation, property or name: `canonical`, `og:title`, `twitter:card`.
        public var key: String
        /// The href or content, unescaped.
        public var value: String

        /// Creates a tag.
        ///
        /// - Parameters:
        ///   - kind: How the tag names its key.
        ///   - key: The link relation, property or name.
        ///   - value: The href or content, unescaped.
        public init(_ kind: Kind, _ key: String, _ value: String) {
            self.kind = kind
            self.key = key
            self.value = value
        }

        /// The element as HTML, with `&`, `<`, `>` and `"` escaped in both attributes.
        public var html: String {
            let key = HTMLEscaping.escape(key, quotes: true)
            let value = HTMLEscaping.escape(value, quotes: true)
            switch kind {
            case .link: return "<link rel=\"\(key)\" href=\"\(value)\">"
            case .property: return "<meta property=\"\(key)\" content=\"\(value)\">"
            case .name: return "<meta name=\"\(key)\" content=\"\(value)\">"
            }
        }
    }
}
