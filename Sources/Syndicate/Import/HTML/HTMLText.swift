import Foundation

/// Converts an HTML fragment (a feed's `content:encoded`, Markdown rendered to HTML) into
/// plain-text paragraphs: block elements end a paragraph, `<br>` ends a line, scripts and
/// styles are dropped, entities are decoded and whitespace is collapsed.
///
/// PROVISIONAL: a simple scanner; the HTML importer's parser replaces it.
public enum HTMLText {
    static let blockTags: Set<String> = [
        "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "table",
        "section", "article", "pre", "hr", "figure", "figcaption", "dd", "dt", "dl", "header", "footer", "main",
        "aside", "nav", "form", "address", "details", "summary",
    ]
    static let droppedTags: Set<String> = ["script", "style", "noscript", "template", "svg", "head", "iframe"]

    /// The paragraphs of `html`, each plain text, none empty.
    public static func paragraphs(fromHTML html: String) -> [String] {
        var paragraphs: [String] = []
        var current = String()
        func flush() {
            let text = Whitespace.collapse(HTMLEntities.decode(current))
            if !text.isEmpty { paragraphs.append(text) }
            current.removeAll(keepingCapacity: true)
        }
        var index = html.startIndex
        while index < html.endIndex {
            guard html[index] == "<" else {
                let next = html[index...].firstIndex(of: "<") ?? html.endIndex
                current += html[index..<next]
                index = next
                continue
            }
            if html[index...].hasPrefix("<!--") {
                index = html[index...].range(of: "-->")?.upperBound ?? html.endIndex
                continue
            }
            guard let close = html[index...].firstIndex(of: ">") else {
                current += html[index...]
                break
            }
            let inside = html[html.index(after: index)..<close]
            let name = inside.drop { $0 == "/" }.prefix { $0.isLetter || $0.isNumber }.lowercased()
            index = html.index(after: close)
            if name.isEmpty { continue }
            if droppedTags.contains(name), !inside.hasPrefix("/"), !inside.hasSuffix("/") {
                index = html[index...].range(of: "</\(name)", options: .caseInsensitive)
                    .flatMap { html[$0.upperBound...].firstIndex(of: ">") }
                    .map { html.index(after: $0) } ?? html.endIndex
                continue
            }
            if blockTags.contains(name) { flush() }
        }
        flush()
        return paragraphs
    }
}
