import Foundation
import Syndicate

/// Finds links, hashtags and mentions in plain text the way twitter-text does, for the networks
/// that link them on their own (all but Bluesky, whose facets say where they are).
enum PreviewAutolink {
    /// `segments` with every `.text` segment split at the URLs, hashtags, cashtags and mentions
    /// twitter-text finds in it; each URL shown as `display` makes of it.
    static func apply(
        _ segments: [PreviewSegment], mentions: Bool = true, display: (String) -> String = { $0 }
    ) -> [PreviewSegment] {
        segments.flatMap { segment -> [PreviewSegment] in
            guard case .text(let text) = segment else { return [segment] }
            return split(text, mentions: mentions, display: display)
        }
    }

    /// An address with an `http` or `https` scheme, up to the next space or angle bracket.
    nonisolated(unsafe) static let schemeURL = /[Hh][Tt][Tt][Pp][Ss]?:\/\/[^\s<>"]+/

    /// `text` split at its entities: every `http(s)://` address (whatever its top-level domain:
    /// the post's own link may be on a `.example` or intranet host twitter-text would not
    /// link), then what twitter-text finds in the rest.
    static func split(_ text: String, mentions: Bool = true, display: (String) -> String = { $0 }) -> [PreviewSegment] {
        var result: [PreviewSegment] = []
        var index = text.startIndex
        for match in text.matches(of: schemeURL) where match.range.lowerBound >= index {
            var end = match.range.upperBound
            let opens = text[match.range].contains("(")
            while end > match.range.lowerBound {
                let last = text[text.index(before: end)]
                guard ".,;:!?'\"".contains(last) || (last == ")" && !opens) else { break }
                end = text.index(before: end)
            }
            let url = String(text[match.range.lowerBound..<end])
            guard url.contains(where: { $0.isLetter || $0.isNumber }) else { continue }
            if match.range.lowerBound > index {
                result += entities(String(text[index..<match.range.lowerBound]), mentions: mentions, display: display)
            }
            result.append(.link(url, display: display(url)))
            index = end
        }
        if index < text.endIndex { result += entities(String(text[index...]), mentions: mentions, display: display) }
        return result
    }

    /// `text` split at what twitter-text finds in it.
    static func entities(_ text: String, mentions: Bool, display: (String) -> String) -> [PreviewSegment] {
        var result: [PreviewSegment] = []
        var index = text.startIndex
        for entity in TwitterText.entities(in: text) {
            guard entity.range.lowerBound >= index else { continue }
            let piece = String(text[entity.range])
            let segment: PreviewSegment
            switch entity.kind {
            case .url: segment = .link(piece, display: display(piece))
            case .hashtag, .cashtag: segment = .tag(piece)
            case .mention:
                guard mentions else { continue }
                segment = .mention(piece)
            }
            if entity.range.lowerBound > index { result.append(.text(String(text[index..<entity.range.lowerBound]))) }
            result.append(segment)
            index = entity.range.upperBound
        }
        if index < text.endIndex { result.append(.text(String(text[index...]))) }
        return result
    }

    /// `url` without its scheme, cut to `length` characters with `…` when longer (X: 23,
    /// Mastodon: 30).
    static func shortened(_ url: String, to length: Int) -> String {
        var shown = Substring(url)
        for scheme in ["https://", "http://"] where url.lowercased().hasPrefix(scheme) {
            shown = shown.dropFirst(scheme.count)
        }
        if shown.lowercased().hasPrefix("www.") { shown = shown.dropFirst(4) }
        return shown.count > length ? shown.prefix(length) + "…" : String(shown)
    }
}
