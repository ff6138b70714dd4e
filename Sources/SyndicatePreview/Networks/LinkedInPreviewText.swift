import Foundation

/// LinkedIn (little text): `{hashtag|\#|Name}` shown as the hashtag `#Name`, every `\x` escape
/// as `x`; URLs linked, nothing else (an escaped `\#` or `\@` stays text).
enum LinkedInPreviewText {
    /// A little-text hashtag template.
    nonisolated(unsafe) static let hashtag = /\{hashtag\|\\#\|((?:\\.|[^}\\])*)\}/

    /// The segments of the `commentary` little text.
    static func segments(ofCommentary text: String) -> [PreviewSegment] {
        var segments: [PreviewSegment] = []
        var index = text.startIndex
        for match in text.matches(of: hashtag) {
            if match.range.lowerBound > index { segments += plain(String(text[index..<match.range.lowerBound])) }
            segments.append(.tag("#" + unescape(String(match.1))))
            index = match.range.upperBound
        }
        if index < text.endIndex { segments += plain(String(text[index...])) }
        return segments
    }

    /// Escaped text: unescaped, then URLs linked.
    static func plain(_ text: String) -> [PreviewSegment] {
        PreviewAutolink.split(unescape(text), mentions: false).map { segment in
            if case .tag(let tag) = segment { return .text(tag) }
            return segment
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
