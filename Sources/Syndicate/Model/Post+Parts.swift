import Foundation

extension Post {
    /// An image that belongs to a post.
    public struct Image: Sendable, Codable, Equatable, Hashable {
        /// The absolute URL of the image.
        public var url: URL
        /// Alternative text, if the source gives it.
        public var alt: String?
        /// Width in pixels, if known.
        public var width: Int?
        /// Height in pixels, if known.
        public var height: Int?

        /// Creates an image reference.
        public init(url: URL, alt: String? = nil, width: Int? = nil, height: Int? = nil) {
            self.url = url
            self.alt = alt
            self.width = width
            self.height = height
        }

        private enum CodingKeys: String, CodingKey { case url, alt, width, height }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(url, forKey: .url)
            try container.encode(alt, forKey: .alt)
            try container.encode(width, forKey: .width)
            try container.encode(height, forKey: .height)
        }
    }

    /// The publication a story is attributed to, such as "The Telegraph".
    public struct Source: Sendable, Codable, Equatable, Hashable {
        /// The publication's name.
        public var name: String
        /// A link to the original story or the publication, if the post gives one.
        public var url: URL?

        /// Creates an attribution.
        public init(name: String, url: URL? = nil) {
            self.name = name
            self.url = url
        }

        private enum CodingKeys: String, CodingKey { case name, url }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(name, forKey: .name)
            try container.encode(url, forKey: .url)
        }
    }

    /// The body as originally written.
    public struct Markup: Sendable, Codable, Equatable, Hashable {
        /// The language of ``content``.
        public enum Kind: String, Sendable, Codable, Equatable, Hashable {
            case html
            case markdown
            case text
        }

        /// The language of ``content``.
        public var kind: Kind
        /// The original markup of the body.
        public var content: String

        /// Creates a markup value.
        public init(kind: Kind, content: String) {
            self.kind = kind
            self.content = content
        }
    }
}
