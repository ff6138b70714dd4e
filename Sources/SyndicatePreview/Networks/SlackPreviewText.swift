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
            if !run.isEmpty {
                let plain = decode(run.replacing(bold) { String($0.1) })
                segments += PreviewAutolink.split(plain, mentions: false).map { segment in
                    if case .tag(let tag) = segment { return .text(tag) }
                    return segment
                }
            }
            run = ""
        }
        while index < text.endIndex {
            if text[index] == "<", let close = text[index...].firstIndex(of: ">") {
                let inner = text[text.index(after: index)..<close]
                let pieces = inner.split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false)
                let address = decode(String(pieces[0]))
                if HTML.safeURL(address) != nil || pieces.count == 2 {
                    flush()
                    let label = pieces.count == 2 ? decode(String(pieces[1])) : address
                    segments.append(.link(href: HTML.safeURL(address), full: label, display: label))
                    index = text.index(after: close)
                    continue
                }
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
