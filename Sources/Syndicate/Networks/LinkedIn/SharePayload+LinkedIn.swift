import Foundation

extension PayloadField where Value == String {
    /// LinkedIn: the text in little-text format (`commentary`).
    static var linkedInCommentary: PayloadField { PayloadField("commentary") }
}

extension PayloadField where Value == SharePayload.Article {
    /// LinkedIn: the article card (`article`).
    static var linkedInArticle: PayloadField { PayloadField("article") }
}

extension SharePayload {
    /// LinkedIn: ``text`` in little-text format, as the `commentary` field takes it.
    public var commentary: String? {
        get { fields[.linkedInCommentary] }
        set { fields[.linkedInCommentary] = newValue }
    }

    /// LinkedIn: the article card (`content.article`), plain text, not escaped.
    public var article: Article? {
        get { fields[.linkedInArticle] }
        set { fields[.linkedInArticle] = newValue }
    }

    /// A LinkedIn article card (`content.article`): plain text, never little-text escaped.
    public struct Article: Sendable, Equatable, Hashable, Encodable {
        /// The article's URL (`source`), tracked like the link.
        public var source: URL
        /// The article's title.
        public var title: String
        /// A short description.
        public var description: String
        /// The image to upload as the card's thumbnail, if the post has one.
        public var thumbnailURL: URL?

        /// Creates an article card.
        public init(source: URL, title: String, description: String, thumbnailURL: URL?) {
            self.source = source
            self.title = title
            self.description = description
            self.thumbnailURL = thumbnailURL
        }

        private enum CodingKeys: String, CodingKey { case source, title, description, thumbnailURL }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(source, forKey: .source)
            try container.encode(title, forKey: .title)
            try container.encode(description, forKey: .description)
            try container.encode(thumbnailURL, forKey: .thumbnailURL)
        }
    }
}
