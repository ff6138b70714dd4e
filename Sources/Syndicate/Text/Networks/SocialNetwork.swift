import Foundation

/// A social network Syndicate can count for and post to.
///
/// The raw values are the names the command line accepts (`syndicate count --network bluesky`);
/// ``init(name:)`` also accepts `twitter` for ``x`` and ignores case.
public enum SocialNetwork: String, Sendable, Hashable, CaseIterable, Codable {
    /// X, formerly Twitter.
    case x
    /// Mastodon and other servers speaking its API.
    case mastodon
    /// Bluesky (the AT Protocol's `app.bsky.feed.post`).
    case bluesky
    /// Threads, by Meta.
    case threads
    /// LinkedIn.
    case linkedin
    /// A Facebook Page.
    case facebook
    /// Telegram (a message to a chat or channel).
    case telegram
    /// Discord (a webhook message).
    case discord
    /// Slack (an incoming-webhook message).
    case slack
    /// Any HTTP endpoint that takes the post and its text as JSON (a generic webhook).
    case webhook

    /// The network named `name`: a raw value or the alias `twitter`, in any case.
    ///
    /// - Parameter name: A name such as `bluesky`, `X` or `twitter`.
    /// - Returns: The network, or nil when `name` names none.
    public init?(name: String) {
        let lowered = name.lowercased()
        if lowered == "twitter" {
            self = .x
        } else if let network = SocialNetwork(rawValue: lowered) {
            self = network
        } else {
            return nil
        }
    }

    /// The network's name as people write it: `X`, `Mastodon`, `LinkedIn`.
    public var displayName: String {
        switch self {
        case .x: "X"
        case .mastodon: "Mastodon"
        case .bluesky: "Bluesky"
        case .threads: "Threads"
        case .linkedin: "LinkedIn"
        case .facebook: "Facebook"
        case .telegram: "Telegram"
        case .discord: "Discord"
        case .slack: "Slack"
        case .webhook: "Webhook"
        }
    }
}
