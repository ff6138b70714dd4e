import Foundation

/// Readability's `_getArticleTitle`: the page's `<title>` with the site's name cut off.
///
/// - With ` | `, ` - `, ` \ `, ` / `, ` > ` or ` » ` in it, the part after the last separator
///   goes; when fewer than three words are left, the part before the first goes instead.
/// - Else with `: `, the part after the last colon is kept (after the first when that leaves
///   fewer than three words; the whole when more than five words precede the colon), unless
///   an `<h1>`/`<h2>` says exactly the whole title.
/// - Else a title shorter than 15 or longer than 150 characters gives way to the page's only
///   `<h1>`.
/// - A result of four words or fewer reverts to the whole title, unless a hierarchical
///   separator (`\ / > »`) was cut and exactly one word went.
enum ReadabilityTitle {
    static let separators: Set<Character> = ["|", "-", "\\", "/", ">", "»"]
    static let hierarchicalSeparators: Set<Character> = ["\\", "/", ">", "»"]

    /// The title of the page `tree`, or nil when it has no `<title>` nor a single `<h1>`.
    static func title(of tree: HTMLTree) -> String? {
        var documentTitle: String?
        var headings: [String] = []
        var firstLevel: [String] = []
        var foreignDepth = 0
        tree.walk(from: HTMLTree.document) { step in
            switch step {
            case .enter(let node):
                let name = tree.name(node)
                if name == "svg" || name == "math" { foreignDepth += 1 }
                if name == "title", documentTitle == nil, foreignDepth == 0 { documentTitle = tree.textContent(of: node) }
                if name == "h1" || name == "h2" {
                    let text = tree.textContentRaw(of: node).trimmingCharacters(in: .whitespacesAndNewlines)
                    headings.append(text)
                    if name == "h1" { firstLevel.append(text) }
                }
            case .exit(let node):
                if tree.name(node) == "svg" || tree.name(node) == "math" { foreignDepth -= 1 }
            case .text:
                break
            }
        }
        let result = title(documentTitle ?? "", headings: headings, firstLevelHeadings: firstLevel)
        return result.isEmpty ? nil : result
    }

    /// The rules above, on a `<title>` text and the page's `<h1>`/`<h2>` texts.
    static func title(_ original: String, headings: [String], firstLevelHeadings: [String]) -> String {
        let original = Whitespace.collapse(original)
        var current = original
        var hierarchical = false
        if let last = lastSeparator(in: original) {
            hierarchical = original.indices.contains { index in
                hierarchicalSeparators.contains(original[index]) && isSpaced(index, in: original)
            }
            current = String(original[..<original.index(before: last)])
            if wordCount(current) < 3, let first = original.firstIndex(where: separators.contains) {
                current = String(original[original.index(after: first)...])
            }
        } else if original.contains(": ") {
            if !headings.contains(original) {
                if let colon = original.lastIndex(of: ":") { current = String(original[original.index(after: colon)...]) }
                if let colon = original.firstIndex(of: ":") {
                    if wordCount(current) < 3 {
                        current = String(original[original.index(after: colon)...])
                    } else if wordCount(String(original[..<colon])) > 5 {
                        current = original
                    }
                }
            }
        } else if original.utf16.count > 150 || original.utf16.count < 15, firstLevelHeadings.count == 1 {
            current = Whitespace.collapse(firstLevelHeadings[0])
        }
        current = Whitespace.collapse(current)
        let words = wordCount(current)
        let withoutSeparators = String(original.filter { !separators.contains($0) })
        if words <= 4, !hierarchical || words != wordCount(withoutSeparators) - 1 {
            current = original
        }
        return current
    }

    /// The last separator with a space on both sides.
    private static func lastSeparator(in text: String) -> String.Index? {
        text.indices.last { separators.contains(text[$0]) && isSpaced($0, in: text) }
    }

    private static func isSpaced(_ index: String.Index, in text: String) -> Bool {
        guard index > text.startIndex else { return false }
        let after = text.index(after: index)
        return text[text.index(before: index)] == " " && after < text.endIndex && text[after] == " "
    }

    /// JavaScript's `text.split(/\s+/).length`.
    static func wordCount(_ text: String) -> Int {
        var count = 1
        var inSpace = false
        for character in text {
            if character.isWhitespace {
                if !inSpace { count += 1 }
                inSpace = true
            } else {
                inSpace = false
            }
        }
        return count
    }
}
