import Foundation

/// How a network writes the values a template places: escaping, the link, the hashtags.
///
/// The rendered text is what the network receives and what is counted.
struct NetworkStyle: Sendable {
    /// The network.
    let network: SocialNetwork

    /// `value` (plain text from the post) escaped for the network's text format.
    func escape(_ value: String) -> String {
        switch network {
        case .linkedin: LinkedInParts.escape(value)
        case .telegram: TelegramParts.escape(value)
        case .slack: SlackParts.escape(value)
        case .discord: DiscordParts.escape(value)
        case .x, .mastodon, .bluesky, .threads, .facebook, .webhook: value
        }
    }

    /// The template's own text as the network's format needs it: LinkedIn escapes it like the
    /// values (a literal `(via …)` would otherwise truncate the post); Telegram's HTML and
    /// Discord's Markdown in a template are meant as markup and kept.
    func literal(_ text: String) -> String {
        network == .linkedin ? LinkedInParts.escape(text) : text
    }

    /// The `{link}` value for `url`; `title` labels it where the format has link labels (Slack).
    func link(_ url: URL, title: String) -> String {
        switch network {
        case .linkedin: LinkedInParts.escape(url.absoluteString)
        case .telegram: TelegramParts.escape(url.absoluteString)
        case .slack: SlackParts.link(url, title: title)
        case .x, .mastodon, .bluesky, .threads, .facebook, .discord, .webhook: url.absoluteString
        }
    }

    /// The `{hashtags}` value for `tags` (words without `#`), separated by spaces.
    func hashtags(_ tags: [String]) -> String {
        tags.map { hashtag($0) }.joined(separator: " ")
    }

    /// One hashtag as the network's text writes it.
    func hashtag(_ tag: String) -> String {
        switch network {
        case .linkedin: LinkedInParts.hashtag(tag)
        default: "#" + tag
        }
    }
}
