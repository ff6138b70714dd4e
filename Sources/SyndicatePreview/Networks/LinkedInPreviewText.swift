import Foundation

/// LinkedIn (little text): `{hashtag|\#|Name}` shown as the hashtag `#Name`, every `\x` escape
/// as `x`; URLs linked, nothing else (an escaped `\#` or `\@` stays text).
enum LinkedInPreviewText {
    /// A little-text hashtag template.
    nonisolated(unsafe) static let hashtag = /\{hashtag\|\\#\|((?:\\.|[^}\\])*)\}/

    /// The segments of the `commentary` little text.
    static func segments(ofCommentary text: String) -> [PreviewSegment] {
        PreviewSegment.splitting(text, at: hashtag) { match in
            [.tag("#" + unescape(String(match.1)))]
        } rest: { escaped in
            // Escaped text: unescaped, then URLs linked.
            PreviewSegment.linkingURLsOnly(unescape(escaped))
        }
    }

    /// `text` with each `\x` read as `x`.
    static func unescape(_ text: String) -> String {
        guard text.contains("\\") else { return text }
        var result = ""
        var escaped = false
        for character in text {
            if !escaped, character == "\\" {
                escaped = true
                continue
            }
            escaped = false
            result.append(character)
        }
        return result
    }
}
