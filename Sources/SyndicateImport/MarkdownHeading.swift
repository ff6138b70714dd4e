import Foundation
import Syndicate

/// Finds the title in a Markdown body that has none in its front matter: the first level-one
/// ATX heading (`# Title`) outside fenced code.
enum MarkdownHeading {
    /// The heading's text and the body without that line, or nil when there is no `# ` heading.
    static func firstTitle(in body: String) -> (title: String, bodyWithoutHeading: String)? {
        var lines = body.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        var fence: Substring?
        for (index, line) in lines.enumerated() {
            let trimmed = line.drop { $0 == " " }
            if let open = fence {
                if trimmed.hasPrefix(open) { fence = nil }
                continue
            }
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                fence = trimmed.prefix(3)
                continue
            }
            guard line.prefix(while: { $0 == " " }).count < 4, trimmed.hasPrefix("# ") || trimmed == "#" else {
                continue
            }
            var text = trimmed.dropFirst(1)
            // A closing sequence of #s is not part of the heading.
            while text.last == " " { text = text.dropLast() }
            let withoutClosing = text.drop(while: { $0 == " " })
            var title = String(withoutClosing)
            if let range = title.range(of: #"\s+#+$"#, options: .regularExpression) { title.removeSubrange(range) }
            let collapsed = Whitespace.collapse(title)
            guard !collapsed.isEmpty else { continue }
            lines.remove(at: index)
            return (collapsed, lines.joined(separator: "\n"))
        }
        return nil
    }
}
