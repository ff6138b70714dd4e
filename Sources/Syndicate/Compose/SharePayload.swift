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
    /// The network's own fields besides the text (Bluesky's facets and card, LinkedIn's
    /// commentary, Telegram's parse mode …), each encoded under its own key; every network's
    /// folder adds typed accessors for its fields (``SharePayload/facets``, ``SharePayload/embed``).
    public var fields: PayloadFields
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
        self.fields = PayloadFields()
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: PayloadFields.Key.self)
        try container.encode(network, forKey: .network)
        try container.encode(text, forKey: .text)
        try container.encode(length, forKey: .length)
        try container.encode(limit, forKey: .limit)
        try container.encode(link, forKey: .link)
        try container.encode(hashtags, forKey: .hashtags)
        try container.encode(images, forKey: .images)
        try container.encode(warnings, forKey: .warnings)
        try fields.encode(into: &container)
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
            /// An image's alt text was longer than the network allows and was cut.
            case altTextCut
            /// An image could not be used (unreadable, too large with no image library to
            /// scale it, not public where the network fetches it) and was left out.
            case imageLeftOut
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

    /// One numbered part of a thread; encodes as `{"index", "text", "length"}` plus the
    /// network's own fields (Bluesky: `"facets"`).
    public struct ThreadPart: Sendable, Equatable, Hashable, Encodable {
        /// The part's number, from 1.
        public var index: Int
        /// The text of the part, numbering (`2/3`) included.
        public var text: String
        /// ``text`` counted by the network's rule.
        public var length: Int
        /// The network's own fields of this part (Bluesky: its facets).
        public var fields: PayloadFields

        /// Creates a part.
        public init(index: Int, text: String, length: Int) {
            self.index = index
            self.text = text
            self.length = length
            self.fields = PayloadFields()
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: PayloadFields.Key.self)
            try container.encode(index, forKey: .index)
            try container.encode(text, forKey: .text)
            try container.encode(length, forKey: .length)
            try fields.encode(into: &container)
        }
    }
}
