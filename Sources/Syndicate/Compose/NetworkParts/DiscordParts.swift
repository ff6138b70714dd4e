import Foundation

/// Discord's webhook `content`: Markdown with the post's text escaped, and no mentions parsed.
///
/// Values from the post have Discord's Markdown characters (`\ * _ ~ ` | >`) backslash-escaped
/// outside URLs, which Discord links as they are; the template's own `**bold**` is kept.
/// `allowed_mentions.parse = []` stops article text from pinging `@everyone` or anyone else.
enum DiscordParts {
    /// Characters Discord's Markdown gives a meaning.
    static let reserved: Set<Character> = ["\\", "*", "_", "~", "`", "|", ">"]

    /// `text` with Discord's Markdown characters escaped outside URLs.
    static func escape(_ text: String) -> String {
        guard text.contains(where: { reserved.contains($0) }) else { return text }
        let urls = TwitterText.entities(in: text).filter { $0.kind == .url }.map(\.range)
        var result = ""
        var urlIndex = 0
        var index = text.startIndex
        while index < text.endIndex {
            while urlIndex < urls.count, urls[urlIndex].upperBound <= index { urlIndex += 1 }
            let insideURL = urlIndex < urls.count && urls[urlIndex].contains(index)
            let character = text[index]
            if !insideURL, reserved.contains(character) { result.append("\\") }
            result.append(character)
            index = text.index(after: index)
        }
        return result
    }
}
