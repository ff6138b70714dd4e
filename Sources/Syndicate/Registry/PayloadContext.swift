import Foundation

/// What a ``NetworkDefinition`` reads when it adds its own fields to a composed payload, and
/// where it reports what it changed.
public struct PayloadContext: Sendable {
    /// The post composed.
    public let post: Post
    /// The tracked link, nil when the post has no URL.
    public let link: URL?
    /// The summary placed in the text (plain, not escaped).
    public let summary: String
    /// The hashtags written in the text, without `#`.
    public let hashtags: [String]
    /// Every hashtag candidate in priority order, before the network's maximum.
    public let hashtagCandidates: [String]
    /// The most hashtags the network gets under the configuration's policy.
    public let hashtagMaximum: Int
    /// A description for link cards: the author's summary or the lead, at most 300 characters
    /// (worked out when asked: most networks have no card).
    public var cardDescription: String { describeCard() }
    /// The text rendered from the template without the network's escaping (LinkedIn keeps it
    /// as the payload's plain ``SharePayload/text`` beside its escaped commentary); rendered
    /// when asked.
    public var plainText: String { renderPlainText() }
    private let describeCard: @Sendable () -> String
    private let renderPlainText: @Sendable () -> String
    /// What was changed or left out, in order; a definition appends its own.
    public var warnings: [SharePayload.Warning]

    /// Creates a context; `cardDescription` and `plainText` are called only when a definition
    /// reads them.
    public init(
        post: Post, link: URL?, summary: String, hashtags: [String], hashtagCandidates: [String], hashtagMaximum: Int,
        cardDescription: @escaping @Sendable () -> String, plainText: @escaping @Sendable () -> String,
        warnings: [SharePayload.Warning] = []
    ) {
        self.post = post
        self.link = link
        self.summary = summary
        self.hashtags = hashtags
        self.hashtagCandidates = hashtagCandidates
        self.hashtagMaximum = hashtagMaximum
        self.describeCard = cardDescription
        self.renderPlainText = plainText
        self.warnings = warnings
    }
}
