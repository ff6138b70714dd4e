import Foundation
import Syndicate

/// Telegram (`parse_mode` HTML): tags removed (`<a href>` becomes a link), character references
/// decoded; URLs, hashtags and mentions linked as Telegram does.
enum TelegramPreviewText {
    /// An `<a href="…">` or `<a href='…'>` opening tag.
    nonisolated(unsafe) static let anchor = /<a\s+href\s*=\s*["']([^"']*)["']\s*>/

    /// The segments of `text`.
    static func segments(of text: String) -> [PreviewSegment] {
        var segments: [PreviewSegment] = []
        var run = ""
        var link: (href: String, label: String)?
        var index = text.startIndex
        func flush() {
            if !run.isEmpty { segments += PreviewAutolink.split(HTMLEntities.decode(run)) }
            run = ""
        }
        while index < text.endIndex {
            let character = text[index]
            // A tag ends at the next `>` before any other `<` (so the scan stays linear).
            if character == "<", let close = text[text.index(after: index)...].firstIndex(where: { $0 == ">" || $0 == "<" }),
                text[close] == ">"
            {
                let tag = text[index...close]
                if let match = tag.wholeMatch(of: anchor) {
                    // An anchor opened inside another keeps the first one's words as text.
                    if let open = link { run += open.label }
                    flush()
                    link = (HTMLEntities.decode(String(match.1)), "")
                } else if tag.lowercased().hasPrefix("</a"), let open = link {
                    let label = HTMLEntities.decode(open.label)
                    segments.append(.link(href: HTML.safeURL(open.href), full: label, display: label))
                    link = nil
                }
                index = text.index(after: close)
                continue
            }
            if link != nil { link?.label.append(character) } else { run.append(character) }
            index = text.index(after: index)
        }
        if let open = link { run += open.label }
        flush()
        return segments
    }
}
