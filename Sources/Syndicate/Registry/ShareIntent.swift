import Foundation

/// What a network's share-intent link is built from (see ``ShareLinks``).
public struct ShareIntentContext: Sendable {
    /// The post's link, tracked for the network.
    public let link: String
    /// The text a share starts from: the title, else the summary, else the lead.
    public let headline: String
    /// The hashtags the network gets, without `#`.
    public let hashtags: [String]
    /// The reader's or the site's server, for networks whose share page lives on each server
    /// (Mastodon), as the user wrote it; nil when none was given.
    public let instance: String?

    /// Creates a context.
    public init(link: String, headline: String, hashtags: [String], instance: String?) {
        self.link = link
        self.headline = headline
        self.hashtags = hashtags
        self.instance = instance
    }

    /// The longest shortening of ``headline`` (whole, else cut at a word with "…") for which
    /// `compose(headline)` is within `rule`'s limit; "" when none is.
    public func fittedHeadline(within rule: NetworkRule, compose: (String) -> String) -> String {
        ShareLinks.fitted(headline, rule: rule, compose: compose)
    }

    /// ` #a #b`, or nothing without hashtags.
    public var tagLine: String {
        hashtags.isEmpty ? "" : " " + hashtags.map { "#" + $0 }.joined(separator: " ")
    }

    /// `base` followed by `?` and the RFC 3986 percent-encoded query `items`.
    public func url(_ base: String, query items: [(String, String)]) -> ShareIntent {
        .url(base + "?" + PercentEncoding.query(items))
    }
}

/// A network's share-intent link, or why it has none for this post.
public enum ShareIntent: Sendable, Equatable {
    /// The intent URL as text.
    case url(String)
    /// No link, and why: what would give it one.
    case omitted(reason: String)
}
