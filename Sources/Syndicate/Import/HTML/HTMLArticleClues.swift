import Foundation

/// What the markup of an article says about it: its `<h1>`, its byline, its `<time>`
/// elements and its `rel=tag` links, found in one pass that skips navigation and boilerplate
/// (so a commenter's name is never taken for the author) but not headers and footers.
struct HTMLArticleClues {
    /// The text of the first `<h1>`.
    var heading: String?
    /// The byline, "By " and anything after a separator removed: from a `rel=author` link, else
    /// an `itemprop=author` element (its `itemprop=name` if it has one), else an element whose
    /// class or id names an author or byline.
    var byline: String? { linkAuthor ?? itempropAuthor ?? classAuthor }
    /// The first `<time>` that is not marked as an update, as written (`datetime` or its text).
    var published: String?
    /// The first `<time>` marked `itemprop=dateModified` or with a class naming an update.
    var updated: String?
    /// The text of every `rel=tag` link, in document order.
    var tags: [String] = []

    private var linkAuthor: String?
    private var itempropAuthor: String?
    private var classAuthor: String?

    /// A byline longer than this is an author biography, not a name.
    static let maxBylineLength = 80

    init(tree: HTMLTree, root: Int, filter: HTMLElementFilter) {
        // Each clue is read from the first element that offers it, and only once, so nested
        // candidates cannot make the search read the same text again and again.
        var seen = Set<String>()
        func first(_ clue: String) -> Bool { seen.insert(clue).inserted }
        tree.walk(from: root, skipping: { tree.traits($0).has(.dropped) || filter.skipsInMetadata($0) }) {
            step in
            guard case .enter(let node) = step else { return }
            let name = tree.name(node)
            if tree.nodes[node].attributes.isEmpty {  // the common case: only the tag name matters
                if name == "h1", first("h1") { heading = nonEmpty(tree.textContent(of: node)) }
                if name == "time", first("published") { published = nonEmpty(tree.textContent(of: node)) }
                return
            }
            let rel = tree.attribute("rel", of: node)?.lowercased().split(separator: " ") ?? []
            let itemprop = tree.attribute("itemprop", of: node)?.lowercased() ?? ""
            let classes = [tree.attribute("class", of: node), tree.attribute("id", of: node)]
                .compactMap { $0?.lowercased() }.joined(separator: " ")[...]
            func classMentions(_ word: String) -> Bool { HTMLElementFilter.mentions(classes, word) }
            if name == "h1", first("h1") {
                heading = nonEmpty(tree.textContent(of: node))
            }
            if name == "a", rel.contains("tag"), let tag = nonEmpty(tree.textContent(of: node)) {
                tags.append(tag)  // links never nest (the tree builder closes an open <a>)
            }
            if rel.contains("author"), first("rel") {
                linkAuthor = Self.cleanByline(tree.textContent(of: node))
            }
            if itemprop.split(separator: " ").contains("author"), first("itemprop") {
                let named = Self.firstDescendant(of: node, in: tree) { tree.attribute("itemprop", of: $0)?.lowercased() == "name" }
                itempropAuthor = Self.cleanByline(
                    tree.attribute("content", of: named ?? node) ?? tree.textContent(of: named ?? node))
            }
            if name != "a", name != "img", classMentions("byline") || classMentions("author"), first("class") {
                classAuthor = Self.cleanByline(tree.textContent(of: node))
            }
            if name == "time" {
                let isUpdate = itemprop == "datemodified" || classMentions("updated") || classMentions("modified")
                if first(isUpdate ? "updated" : "published") {
                    let value = nonEmpty(tree.attribute("datetime", of: node) ?? tree.textContent(of: node))
                    if isUpdate { updated = value } else { published = value }
                }
            }
        }
    }

    /// "By Jane Smith | 9 March" becomes "Jane Smith"; nil when nothing name-like is left.
    static func cleanByline(_ text: String) -> String? {
        var byline = Whitespace.collapse(text)
        for separator in [" | ", " · ", " • ", " — ", " – "] {
            if let range = byline.range(of: separator) { byline = String(byline[..<range.lowerBound]) }
        }
        if byline.lowercased().hasPrefix("by ") { byline = String(byline.dropFirst(3)) }
        byline = Whitespace.collapse(byline)
        guard !byline.isEmpty, byline.count <= maxBylineLength else { return nil }
        return byline
    }

    /// The first element under `node` (not `node` itself) that `matches`, searched iteratively.
    private static func firstDescendant(of node: Int, in tree: HTMLTree, where matches: (Int) -> Bool) -> Int? {
        var found: Int?
        tree.walk(from: node, skipping: { _ in found != nil }) { step in
            if found == nil, case .enter(let child) = step, child != node, matches(child) { found = child }
        }
        return found
    }
}

private func nonEmpty(_ text: String) -> String? {
    let collapsed = Whitespace.collapse(text)
    return collapsed.isEmpty ? nil : collapsed
}
