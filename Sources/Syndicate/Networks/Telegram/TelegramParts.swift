import Foundation

/// Telegram's `sendMessage` text in `parse_mode` HTML.
///
/// The template's own markup (`<b>{title}</b>`) is kept; every value from the post has `&`, `<`
/// and `>` escaped, as Telegram's HTML style requires. Telegram counts the limit after parsing
/// entities; Syndicate counts the markup too, so it can only err towards too long.
enum TelegramParts {
    /// The parse mode the text is written in.
    static let parseMode = "HTML"

    /// `text` with `&`, `<` and `>` escaped as HTML entities.
    static func escape(_ text: String) -> String {
        HTMLEscaping.escape(text, quotes: false)
    }
}
