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
        // Every reserved character is one ASCII scalar, or U+1FEF (lead byte E1), canonically
        // equal to "`": text without those bytes has none.
        guard text.utf8.contains(where: isReservedByte), text.contains(where: { reserved.contains($0) }) else {
            return text
        }
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

    /// Whether `byte` may start one of the ``reserved`` characters: their ASCII bytes, and
    /// the lead byte of U+1FEF GREEK VARIA, which `Character` equality takes for "`".
    static func isReservedByte(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x5C, 0x2A, 0x5F, 0x7E, 0x60, 0x7C, 0x3E, 0xE1: true
        default: false
        }
    }
}
