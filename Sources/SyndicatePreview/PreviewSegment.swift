import Foundation

/// One run of a part's visible text: plain text, a link, a hashtag or a mention.
///
/// The visible text of a part is its segments' ``visible`` strings joined; the page draws each
/// segment as the network does (a link by its ``PreviewSegment/link(href:full:display:)`` display text).
enum PreviewSegment: Equatable, Sendable {
    /// Text as it is.
    case text(String)
    /// A link: `full` is the text as the reader's text holds it, `display` what the network
    /// shows in its place, `href` where it goes (nil when the address is not `http(s)`, and
    /// the link is then shown as plain text).
    case link(href: String?, full: String, display: String)
    /// A hashtag or cashtag, `#` or `$` included.
    case tag(String)
    /// A mention, `@` included.
    case mention(String)

    /// The text this segment stands for in ``PreviewRenderer/visibleText(of:)``.
    var visible: String {
        switch self {
        case .text(let text), .tag(let text), .mention(let text): text
        case .link(_, let full, _): full
        }
    }

    /// A link to `full`, a URL as written in the text (with or without a scheme), shown as
    /// `display`; the address gets `https://` when it has no scheme.
    static func link(_ full: String, display: String) -> PreviewSegment {
        let lowered = full.lowercased()
        let address = lowered.hasPrefix("http://") || lowered.hasPrefix("https://") ? full : "https://" + full
        return .link(href: HTML.safeURL(address), full: full, display: display)
    }

    /// The segments of `text` where `pattern` marks the network's own markup: `marked` turns
    /// each match into segments, `rest` the text between matches.
    static func splitting<Output>(
        _ text: String, at pattern: Regex<Output>, marked: (Regex<Output>.Match) -> [PreviewSegment],
        rest: (String) -> [PreviewSegment]
    ) -> [PreviewSegment] {
        var segments: [PreviewSegment] = []
        var index = text.startIndex
        for match in text.matches(of: pattern) {
            if match.range.lowerBound > index { segments += rest(String(text[index..<match.range.lowerBound])) }
            segments += marked(match)
            index = match.range.upperBound
        }
        if index < text.endIndex { segments += rest(String(text[index...])) }
        return segments
    }

    /// Text with URLs linked and nothing else (no mentions; a `#word` stays text): the plain
    /// runs of a network whose hashtags and links are markup of their own.
    static func linkingURLsOnly(_ text: String) -> [PreviewSegment] {
        PreviewAutolink.split(text, mentions: false).map { segment in
            if case .tag(let tag) = segment { return .text(tag) }
            return segment
        }
    }

    /// The segments joined into the text a reader sees.
    static func visibleText(_ segments: [PreviewSegment]) -> String {
        segments.map(\.visible).joined()
    }
}
