import Foundation
import Syndicate

/// Slack (mrkdwn): `<url|label>` shown as its label linking to `url`, `<url>` as the URL,
/// `*bold*` as bold text without its asterisks, `&amp;` `&lt;` `&gt;` decoded; bare URLs linked,
/// hashtags and mentions left as text.
enum SlackPreviewText {
    /// `*bold*` within a line.
    nonisolated(unsafe) static let bold = /\*([^*\n]+)\*/

    /// The segments of `text`.
    static func segments(of text: String) -> [PreviewSegment] {
        var segments: [PreviewSegment] = []
        var index = text.startIndex
        var run = ""
        func flush() {
            if !run.isEmpty { segments += PreviewSegment.linkingURLsOnly(decode(run.replacing(bold) { String($0.1) })) }
            run = ""
        }
        while index < text.endIndex {
            // A `<…>` is markup only up to the next `<`: each character is looked at a bounded
            // number of times, whatever the text (40,000 `<` and one `>` once took minutes).
            if text[index] == "<", let close = text[text.index(after: index)...].firstIndex(where: { $0 == ">" || $0 == "<" }),
                text[close] == ">"
            {
                let inner = text[text.index(after: index)..<close]
                let pieces = inner.split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false)
                let address = decode(String(pieces[0]))
                if HTML.safeURL(address) != nil || pieces.count == 2 {
                    flush()
                    let label = pieces.count == 2 ? decode(String(pieces[1])) : address
                    segments.append(.link(href: HTML.safeURL(address), full: label, display: label))
                } else {
                    run += text[index...close]
                }
                index = text.index(after: close)
                continue
            }
            run.append(text[index])
            index = text.index(after: index)
        }
        flush()
        return segments
    }

    /// `text` with mrkdwn's three escapes decoded.
    static func decode(_ text: String) -> String {
        guard text.contains("&") else { return text }
        return text.replacingOccurrences(of: "&lt;", with: "<", options: .literal)
            .replacingOccurrences(of: "&gt;", with: ">", options: .literal).replacingOccurrences(of: "&amp;", with: "&", options: .literal)
    }
}
