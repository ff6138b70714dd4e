import Foundation

/// Discord (Markdown): `[label](url)` shown as its label linking to `url`, `**bold**` without
/// its asterisks, backslash escapes removed; bare URLs linked, hashtags and mentions left as text
/// (the payload's `allowed_mentions` pings nobody).
enum DiscordPreviewText {
    /// A masked link.
    nonisolated(unsafe) static let masked = /\[([^\]\n]*)\]\((https?:\/\/[^)\s]+)\)/

    /// The segments of `text`.
    static func segments(of text: String) -> [PreviewSegment] {
        PreviewSegment.splitting(text, at: masked) { match in
            let label = unescape(String(match.1))
            return [.link(href: HTML.safeURL(String(match.2)), full: label, display: label)]
        } rest: { plain in
            // Outside masked links: markup removed, then URLs linked.
            PreviewSegment.linkingURLsOnly(unescape(plain))
        }
    }

    /// `text` without `**` markers and with `\x` escapes resolved to `x`.
    static func unescape(_ text: String) -> String {
        var result = ""
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            let next = text.index(after: index)
            if character == "\\", next < text.endIndex, DiscordReserved.characters.contains(text[next]) {
                result.append(text[next])
                index = text.index(after: next)
            } else if character == "*", next < text.endIndex, text[next] == "*" {
                index = text.index(after: next)
            } else {
                result.append(character)
                index = next
            }
        }
        return result
    }
}

/// The characters Discord's Markdown gives a meaning, which Syndicate backslash-escapes.
enum DiscordReserved {
    /// `\ * _ ~ ` | >`.
    static let characters: Set<Character> = ["\\", "*", "_", "~", "`", "|", ">"]
}
