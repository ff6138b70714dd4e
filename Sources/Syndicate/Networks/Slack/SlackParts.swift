import Foundation

/// Slack's `text` in mrkdwn: `&`, `<`, `>` escaped, the link written as `<url|title>`.
enum SlackParts {
    /// `text` with `&`, `<` and `>` escaped, as Slack's mrkdwn requires.
    static func escape(_ text: String) -> String {
        TelegramParts.escape(text)
    }

    /// The link as `<url|title>`, or `<url>` without a title; a `|` in the title becomes `¦`
    /// because Slack ends the label's URL at the first `|`.
    static func link(_ url: URL, title: String) -> String {
        let address = escape(url.absoluteString)
        let label = escape(Whitespace.collapse(title)).replacingOccurrences(of: "|", with: "¦")
        return label.isEmpty ? "<\(address)>" : "<\(address)|\(label)>"
    }
}
