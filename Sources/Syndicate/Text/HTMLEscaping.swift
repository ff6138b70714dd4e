import Foundation

/// Escapes text for HTML and XML: the inverse of `HTMLEntities.decode(_:)` for the characters
/// markup reserves.
enum HTMLEscaping {
    /// `text` with `&`, `<` and `>` written as `&amp;`, `&lt;` and `&gt;`, and `"` as `&quot;`
    /// when `quotes` is true (for double-quoted attribute values). Text with nothing to escape is
    /// returned as it is.
    static func escape(_ text: String, quotes: Bool) -> String {
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || (quotes && $0 == 0x22) }) else {
            return text
        }
        var result = ""
        result.reserveCapacity(text.utf8.count + 16)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"" where quotes: result += "&quot;"
            default: result.append(character)
            }
        }
        return result
    }
}
