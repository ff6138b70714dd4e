import Foundation

/// The categories of a feed item, in the order the document gives them.
///
/// Read, interleaved as written: RSS `<category>`, Dublin Core `dc:subject`, Atom
/// `<category term>` (its `label` when there is no term or the label only re-cases the term), iTunes `<itunes:category text>`
/// (nested ones too, parent first) and Media RSS `<media:category>`. Each is plain text with
/// whitespace collapsed; empty ones are dropped and exact duplicates removed, the first kept.
enum FeedCategories {
    /// The iTunes podcast namespace, compared case-insensitively (feeds write `DTDs` and `dtds`).
    static let itunes = "http://www.itunes.com/dtds/podcast-1.0.dtd"
    /// The same, as many podcast feeds spell it.
    static let itunesAlternate = "http://www.itunes.com/DTDs/Podcast-1.0.dtd"

    /// The terms of `item`'s category elements in document order.
    static func terms(of item: XMLNode) -> [String] {
        var terms: [String] = []
        // Items have a handful of categories, where a linear look-up beats hashing; a set takes
        // over past sixteen so that a hostile item with thousands stays linear.
        var seen = Set<String>()
        func add(_ text: String?) {
            guard let term = FeedText.plain(text) else { return }
            if terms.count < 16 {
                guard !terms.contains(term) else { return }
            } else {
                if seen.isEmpty { seen = Set(terms) }
                guard seen.insert(term).inserted else { return }
            }
            terms.append(term)
        }
        for case .element(let child) in item.children {
            let name = child.name
            switch name.local {
            case "category":
                if Namespace.atomAny.contains(name.namespace) {
                    add(atomTerm(child))
                } else if Namespace.rss.contains(name.namespace) || Namespace.media.contains(name.namespace) {
                    add(child.text)
                } else if name.namespace.lowercased() == itunes {
                    addITunes(child, add)
                }
            case "subject" where Namespace.dc.contains(name.namespace):
                add(child.text)
            default:
                break
            }
        }
        return terms
    }

    /// An iTunes category's `text`, then its nested categories'.
    private static func addITunes(_ node: XMLNode, _ add: (String?) -> Void) {
        var stack = [node]
        var visited = 0
        // Real feeds nest two levels; eight categories bound a hostile nest.
        while let next = stack.popLast(), visited < 8 {
            visited += 1
            add(next.attribute("text"))
            stack += next.children.reversed().compactMap { child in
                guard case .element(let nested) = child, nested.name.local == "category" else { return nil }
                return nested
            }
        }
    }

    /// An Atom category's `term`; its `label` when there is no term, or when the label is the
    /// term in other letter case (`ofsted` labelled `Ofsted`: the same category, spelt for people).
    private static func atomTerm(_ node: XMLNode) -> String? {
        let label = nonEmpty(node.attribute("label"))
        guard let term = nonEmpty(node.attribute("term")) else { return label }
        if let label, Whitespace.collapse(label).lowercased() == Whitespace.collapse(term).lowercased() { return label }
        return term
    }

    private static func nonEmpty(_ text: String?) -> String? {
        guard let text, !text.allSatisfy(\.isWhitespace) else { return nil }
        return text
    }
}
