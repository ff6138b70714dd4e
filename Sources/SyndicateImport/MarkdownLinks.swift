import Foundation
import Syndicate

/// Collects the links of rendered Markdown, keyed by their visible text, so the boilerplate filter
/// can give a "Read more …" line or an attribution its URL.
enum MarkdownLinks {
    private static let anchor: NSRegularExpression? = try? NSRegularExpression(
        pattern: #"<a\s[^>]*?href="([^"]*)"[^>]*>(.*?)</a>"#, options: [.caseInsensitive, .dotMatchesLineSeparators])
    private static let tag: NSRegularExpression? = try? NSRegularExpression(pattern: #"<[^>]*>"#)

    /// The links in `html` (as Ink writes it), text → absolute URL; the first link of a text wins.
    static func links(inHTML html: String, baseURL: URL?) -> [String: URL] {
        guard let anchor, let tag else { return [:] }
        var links: [String: URL] = [:]
        let whole = NSRange(html.startIndex..<html.endIndex, in: html)
        for match in anchor.matches(in: html, range: whole) {
            guard let hrefRange = Range(match.range(at: 1), in: html),
                let textRange = Range(match.range(at: 2), in: html)
            else { continue }
            let href = HTMLEntities.decode(String(html[hrefRange]))
            let inner = String(html[textRange])
            let plain = tag.stringByReplacingMatches(
                in: inner, range: NSRange(inner.startIndex..<inner.endIndex, in: inner), withTemplate: "")
            let text = Whitespace.collapse(HTMLEntities.decode(plain))
            guard !text.isEmpty, links[text] == nil, let url = MarkdownImporter.url(href, baseURL) else { continue }
            links[text] = url
        }
        return links
    }
}
