import Foundation

/// What Syndicate would post on one network for one post: the text, its count, and the parts
/// the network's API takes besides the text.
///
/// A payload is built by ``Composer`` and never does I/O. ``text`` is exactly what is posted
/// (Telegram: HTML, Slack: mrkdwn); ``length`` is ``text`` counted by the network's
/// ``NetworkRule`` (LinkedIn: ``commentary``, which is what LinkedIn counts), always within
/// ``limit``. Network-specific members are nil on the other networks and left out of JSON.
///
/// ```swift
/// let payload = try Composer().payload(for: post, on: .bluesky)
/// print(payload.text, payload.length, "/", payload.limit)
/// payload.facets   // link and tag facets, UTF-8 byte ranges of `text`
/// payload.embed    // the app.bsky.embed.external card
/// ```
public struct SharePayload: Sendable, Equatable, Encodable {
    /// The network the payload is for.
    public var network: SocialNetwork
    /// The text exactly as it is posted (the first part when the post is threaded).
    public var text: String
    /// ``text`` (LinkedIn: ``commentary``) counted by the network's rule.
    public var length: Int
    /// The network's limit, in the same unit as ``length``.
    public var limit: Int
    /// The link to the post, tracked for this network; nil when the post has no URL.
    public var link: URL?
    /// The hashtags used, without `#`, in the order they appear.
    public var hashtags: [String]
    /// The images to attach, lead image first, each with its alt text.
    public var images: [Post.Image]
    /// What was dropped or cut, and why.
    public var warnings: [Warning]
    /// Bluesky: the rich-text facets of ``text`` (links and tags), UTF-8 byte ranges.
    public var facets: [BlueskyFacet]?
    /// Bluesky: the `app.bsky.embed.external` link card.
    public var embed: Embed?
    /// Threads: the one topic tag (`topic_tag`), without `#`.
    public var topicTag: String?
    /// Threads: the `link_attachment` URL.
    public var linkAttachment: URL?
    /// LinkedIn: ``text`` in little-text format, as the `commentary` field takes it.
    public var commentary: String?
    /// LinkedIn: the article card (`content.article`), plain text, not escaped.
    public var article: Article?
    /// Facebook: the Page post's `message` (the link goes in ``link``).
    public var message: String?
    /// Telegram: the `parse_mode` ``text`` is written in (`HTML`).
    public var parseMode: String?
    /// Discord: `allowed_mentions`, set so that article text cannot ping anyone.
    public var allowedMentions: AllowedMentions?
    /// X, Mastodon, Bluesky with threading on and a long post: the numbered parts, in order;
    /// the first is ``text``.
    public var parts: [ThreadPart]?

    /// Creates a payload with only the members every network has.
    public init(
        network: SocialNetwork, text: String, length: Int, limit: Int, link: URL?, hashtags: [String],
        images: [Post.Image] = [], warnings: [Warning] = []
    ) {
        self.network = network
        self.text = text
        self.length = length
        self.limit = limit
        self.link = link
        self.hashtags = hashtags
        self.images = images
        self.warnings = warnings
    }

    private enum CodingKeys: String, CodingKey {
        case network, text, length, limit, link, hashtags, images, warnings, facets, embed, topicTag
        case linkAttachment, commentary, article, message, parseMode, allowedMentions, parts
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(network, forKey: .network)
        try container.encode(text, forKey: .text)
        try container.encode(length, forKey: .length)
        try container.encode(limit, forKey: .limit)
        try container.encode(link, forKey: .link)
        try container.encode(hashtags, forKey: .hashtags)
        try container.encode(images, forKey: .images)
        try container.encode(warnings, forKey: .warnings)
        try container.encodeIfPresent(facets, forKey: .facets)
        try container.encodeIfPresent(embed, forKey: .embed)
        try container.encodeIfPresent(topicTag, forKey: .topicTag)
        try container.encodeIfPresent(linkAttachment, forKey: .linkAttachment)
        try container.encodeIfPresent(commentary, forKey: .commentary)
        try container.encodeIfPresent(article, forKey: .article)
        try container.encodeIfPresent(message, forKey: .message)
        try container.encodeIfPresent(parseMode, forKey: .parseMode)
        try container.encodeIfPresent(allowedMentions, forKey: .allowedMentions)
        try container.encodeIfPresent(parts, forKey: .parts)
    }
}

extension SharePayload {
    /// Something the composer left out or changed, and why; encodes as `{"code", "message"}`.
    public struct Warning: Sendable, Equatable, Hashable, Encodable, CustomStringConvertible {
        /// What kind of change a warning reports.
        public enum Code: String, Sendable, Equatable, Hashable, Encodable {
            /// The summary was cut inside a sentence, with an ellipsis.
            case summaryCut
            /// Sentences of the summary did not fit and were left out.
            case sentencesDropped
            /// Hashtags did not fit (or exceeded the network's maximum) and were left out.
            case hashtagsDropped
            /// The headline was used because the lead did not fit.
            case headlineUsed
            /// Images beyond what the network takes were left out.
            case imagesDropped
            /// An image has no alt text.
            case imageWithoutAlt
            /// The post has no URL, so nothing links to it.
            case noLink
            /// The thread reached its maximum number of parts; the rest was left out.
            case threadTruncated
        }

        /// What kind of change this is.
        public var code: Code
        /// One sentence for a person: what was changed and why.
        public var message: String

        /// Creates a warning.
        public init(_ code: Code, _ message: String) {
            self.code = code
            self.message = message
        }

        /// ``message``.
        public var description: String { message }
    }

    /// One numbered part of a thread; encodes as `{"index", "text", "length"}` plus `"facets"`
    /// on Bluesky.
    public struct ThreadPart: Sendable, Equatable, Hashable, Encodable {
        /// The part's number, from 1.
        public var index: Int
        /// The text of the part, numbering (`2/3`) included.
        public var text: String
        /// ``text`` counted by the network's rule.
        public var length: Int
        /// Bluesky: the facets of this part's ``text``.
        public var facets: [BlueskyFacet]?

        /// Creates a part.
        public init(index: Int, text: String, length: Int, facets: [BlueskyFacet]? = nil) {
            self.index = index
            self.text = text
            self.length = length
            self.facets = facets
        }

        private enum CodingKeys: String, CodingKey { case index, text, length, facets }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(index, forKey: .index)
            try container.encode(text, forKey: .text)
            try container.encode(length, forKey: .length)
            try container.encodeIfPresent(facets, forKey: .facets)
        }
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

    /// Discord's `allowed_mentions`: which mentions in the content may notify anyone.
    public struct AllowedMentions: Sendable, Equatable, Hashable, Encodable {
        /// The mention kinds parsed (`users`, `roles`, `everyone`); empty parses none.
        public var parse: [String]

        /// Creates the value; the default parses no mentions.
        public init(parse: [String] = []) {
            self.parse = parse
        }
    }
}
