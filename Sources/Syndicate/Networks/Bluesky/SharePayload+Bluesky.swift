import Foundation

extension PayloadField where Value == [BlueskyFacet] {
    /// Bluesky: the rich-text facets of a text (`facets`).
    static var blueskyFacets: PayloadField { PayloadField("facets") }
}

extension PayloadField where Value == SharePayload.Embed {
    /// Bluesky: the link card (`embed`).
    static var blueskyEmbed: PayloadField { PayloadField("embed") }
}

extension SharePayload {
    /// Bluesky: the rich-text facets of ``text`` (links and tags), UTF-8 byte ranges.
    public var facets: [BlueskyFacet]? {
        get { fields[.blueskyFacets] }
        set { fields[.blueskyFacets] = newValue }
    }

    /// Bluesky: the `app.bsky.embed.external` link card.
    public var embed: Embed? {
        get { fields[.blueskyEmbed] }
        set { fields[.blueskyEmbed] = newValue }
    }

    /// A Bluesky `app.bsky.embed.external` card.
    ///
    /// Encodes as the lexicon has it, except that the thumbnail is a URL (`thumbURL`): upload
    /// it with `com.atproto.repo.uploadBlob` and put the blob in `thumb` when posting.
    public struct Embed: Sendable, Equatable, Hashable, Encodable {
        /// The card itself.
        public struct External: Sendable, Equatable, Hashable, Encodable {
            /// The linked page, tracked like the text's link.
            public var uri: URL
            /// The page's title.
            public var title: String
            /// A short description of the page.
            public var description: String
            /// The image to upload as the card's `thumb`: the post's first image.
            public var thumbURL: URL?

            /// Creates a card.
            public init(uri: URL, title: String, description: String, thumbURL: URL?) {
                self.uri = uri
                self.title = title
                self.description = description
                self.thumbURL = thumbURL
            }

            private enum CodingKeys: String, CodingKey { case uri, title, description, thumbURL }

            public func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(uri, forKey: .uri)
                try container.encode(title, forKey: .title)
                try container.encode(description, forKey: .description)
                try container.encode(thumbURL, forKey: .thumbURL)
            }
        }

        /// `app.bsky.embed.external`.
        public var type: String { "app.bsky.embed.external" }
        /// The card.
        public var external: External

        /// Creates an embed.
        public init(external: External) {
            self.external = external
        }

        private enum CodingKeys: String, CodingKey {
            case type = "$type"
            case external
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(type, forKey: .type)
            try container.encode(external, forKey: .external)
        }
    }
}

extension SharePayload.ThreadPart {
    /// Creates a part of a Bluesky thread with its facets.
    public init(index: Int, text: String, length: Int, facets: [BlueskyFacet]?) {
        self.init(index: index, text: text, length: length)
        self.facets = facets
    }

    /// Bluesky: the facets of this part's ``text``.
    public var facets: [BlueskyFacet]? {
        get { fields[.blueskyFacets] }
        set { fields[.blueskyFacets] = newValue }
    }
}
