import Foundation
import Syndicate

/// Bluesky: plain text whose links, tags and mentions are exactly its facets' UTF-8 byte ranges
/// (nothing is found by pattern); a facet whose range is out of bounds, overlaps an earlier one
/// or falls inside a Unicode scalar is left as text (one that cuts a grapheme cluster, such as a ZWJ sequence, is linked as it is).
enum BlueskyPreviewText {
    /// The segments of `text` with `facets`.
    static func segments(of text: String, facets: [BlueskyFacet]) -> [PreviewSegment] {
        let utf8 = text.utf8
        let count = utf8.count
        func index(_ offset: Int) -> String.Index? {
            guard offset >= 0, offset <= count else { return nil }
            let index = utf8.index(utf8.startIndex, offsetBy: offset)
            return index.samePosition(in: text.unicodeScalars) != nil ? index : nil
        }
        var segments: [PreviewSegment] = []
        var position = 0
        for facet in facets.sorted(by: { $0.index.byteStart < $1.index.byteStart }) {
            let start = facet.index.byteStart
            let end = facet.index.byteEnd
            guard start >= position, end > start, let from = index(start), let to = index(end), let feature = facet.features.first,
                let current = index(position)
            else { continue }
            let piece = String(text[from..<to])
            let segment: PreviewSegment
            switch feature {
            case .link(let uri): segment = .link(href: HTML.safeURL(uri), full: piece, display: piece)
            case .tag: segment = .tag(piece)
            case .mention, .unresolvedMention: segment = .mention(piece)
            }
            if start > position { segments.append(.text(String(text[current..<from]))) }
            segments.append(segment)
            position = end
        }
        if position < count, let current = index(position) { segments.append(.text(String(text[current...]))) }
        return segments
    }
}
