import Foundation

/// Telegram's `sendMessage` text in `parse_mode` HTML.
///
/// The template's own markup (`<b>{title}</b>`) is kept; every value from the post has `&`, `<`
/// and `>` escaped, as Telegram's HTML style requires. Telegram counts the limit after parsing
/// entities; Syndicate counts the markup too, so it can only err towards too long.
package enum TelegramParts {
    /// The parse mode the text is written in.
    static let parseMode = "HTML"

    /// `text` with `&`, `<` and `>` escaped as HTML entities.
    static func escape(_ text: String) -> String {
        HTMLEscaping.escape(text, quotes: false)
    }

    /// The longest photo caption: 1,024 characters after entities parsing
    /// (core.telegram.org/bots/api#sendphoto, `caption`).
    package static let captionLimit = 1024

    /// The length of HTML `text` as Telegram counts it after entities parsing: tags removed,
    /// entities (`&amp;`, `&lt;`, `&#39;`…) one character each, in UTF-16 code units as
    /// ``NetworkRule/telegram`` counts (so an emoji outside the Basic Multilingual Plane is 2).
    package static func parsedLength(_ text: String) -> Int {
        var length = 0
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character == "<", let close = text[index...].firstIndex(of: ">") {
                index = text.index(after: close)
                continue
            }
            if character == "&", let semicolon = text[index...].prefix(12).firstIndex(of: ";") {
                length += 1
                index = text.index(after: semicolon)
                continue
            }
            length += character.utf16.count
            index = text.index(after: index)
        }
        return length
    }
}
