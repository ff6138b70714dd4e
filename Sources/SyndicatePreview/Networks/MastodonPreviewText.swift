import Foundation

/// Mastodon: plain text; `@user@host` and `@user` mentions, hashtags linked; URLs shown without
/// their scheme, cut at 30 characters with `…`.
enum MastodonPreviewText {
    /// How long a URL is shown before it is cut.
    static let shownURLLength = 30

    /// A mention, local (`@user`) or remote (`@user@host.tld`); one that follows a letter,
    /// digit, `_`, `@`, `/` or `.` is part of a word or address and is skipped.
    nonisolated(unsafe) static let mention = /@[A-Za-z0-9_]+(?:@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)?/

    /// The segments of `text`: URLs and hashtags first (a `@` inside a URL, as in `?ref=@school`,
    /// belongs to the URL), then mentions in the text between them.
    static func segments(of text: String) -> [PreviewSegment] {
        PreviewAutolink.apply([.text(text)], mentions: false) { PreviewAutolink.shortened($0, to: shownURLLength) }.flatMap { segment in
            if case .text(let plain) = segment { return mentions(in: plain) }
            return [segment]
        }
    }

    /// `text` split at its mentions.
    static func mentions(in text: String) -> [PreviewSegment] {
        var segments: [PreviewSegment] = []
        var index = text.startIndex
        for match in text.matches(of: mention) {
            if match.range.lowerBound > text.startIndex {
                let before = text[text.index(before: match.range.lowerBound)]
                if before.isLetter || before.isNumber || "_@/.".contains(before) { continue }
            }
            guard match.range.lowerBound >= index else { continue }
            if match.range.lowerBound > index { segments.append(.text(String(text[index..<match.range.lowerBound]))) }
            segments.append(.mention(String(text[match.range])))
            index = match.range.upperBound
        }
        if index < text.endIndex { segments.append(.text(String(text[index...]))) }
        return segments
    }
}
