import Foundation

/// Discord (Markdown): `[label](url)` shown as its label linking to `url`, `**bold**` without
/// its asterisks, backslash escapes removed; bare URLs linked, hashtags and mentions left as text
/// (the payload's `allowed_mentions` pings nobody).
enum DiscordPreviewText {
    /// A masked link.
    nonisolated(unsafe) static let masked = /\[([^\]\n]*)\]\((https?:\/\/[^)\s]+)\)/

    /// The segments of `text`.
    static func segments(of text: String) -> [PreviewSegment] {
        var segments: [PreviewSegment] = []
        var index = text.startIndex
        for match in text.matches(of: masked) {
            if match.range.lowerBound > index { segments += plain(String(text[index..<match.range.lowerBound])) }
            let label = unescape(String(match.1))
            segments.append(.link(href: HTML.safeURL(String(match.2)), full: label, display: label))
            index = match.range.upperBound
        }
        if index < text.endIndex { segments += plain(String(text[index...])) }
        return segments
    }

    /// Text outside masked links: markup removed, then URLs linked.
    static func plain(_ text: String) -> [PreviewSegment] {
        PreviewAutolink.split(unescape(text), mentions: false).map { segment in
            if case .tag(let tag) = segment { return .text(tag) }
            return segment
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
