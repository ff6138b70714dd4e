import Foundation

/// A parsed HTML document: a flat array of nodes that refer to each other by index.
///
/// Node 0 is the document. Elements remember the byte range they span in the source, so the
/// markup of any element can be returned exactly as written. Walking is iterative
/// (``walk(from:skipping:_:)``), so deep documents never exhaust the stack.
struct HTMLTree {
    /// What a node is.
    enum Kind: Equatable {
        case document
        case element
        case text
    }

    /// One node: the document, an element or a run of text.
    struct Node {
        var kind: Kind
        /// The lowercased tag name of an element; empty otherwise.
        var name: String
        /// What the name's element is, for quick tests.
        var traits: HTMLTag.Traits = []
        /// The decoded text of a text node; empty otherwise.
        var text: String
        var attributes: [HTMLAttribute]
        /// The parent's index; -1 for the document.
        var parent: Int
        /// The first and last child and the next sibling, -1 when there is none: linked
        /// indices rather than an array per node, so building allocates nothing per element.
        var firstChild = -1
        var lastChild = -1
        var nextSibling = -1
        /// Byte offsets in the source: from the element's `<` to just past its end tag, or to
        /// wherever it was implicitly closed.
        var start: Int
        var end: Int
    }

    /// One step of a walk.
    enum Step {
        /// Entering an element.
        case enter(Int)
        /// Leaving an element, after all its children.
        case exit(Int)
        /// A text node.
        case text(Int)
    }

    /// The nodes; index 0 is the document.
    var nodes: [Node]
    /// The source as UTF-8, for ``outerHTML(of:)``.
    let source: [UInt8]

    /// The index of the document node.
    static let document = 0

    /// Parses `html`, capping element nesting at `maxDepth` (see ``HTMLTreeBuilder``).
    init(html: String, maxDepth: Int = ImportLimits.default.maxDepth) {
        self = HTMLTreeBuilder.build(html, maxDepth: maxDepth)
    }

    init(nodes: [Node], source: [UInt8]) {
        self.nodes = nodes
        self.source = source
    }

    /// The tag name of `node` (empty for text and the document).
    func name(_ node: Int) -> String {
        nodes[node].name
    }

    /// The traits of `node`'s tag name.
    func traits(_ node: Int) -> HTMLTag.Traits {
        nodes[node].traits
    }

    /// The value of attribute `name` (lowercase) on `node`, if present.
    func attribute(_ name: String, of node: Int) -> String? {
        nodes[node].attributes.first { $0.name == name }?.value
    }

    /// The element's source markup, from its start tag to its end tag.
    func outerHTML(of node: Int) -> String {
        let item = nodes[node]
        guard item.start < item.end, item.end <= source.count else { return "" }
        return String(decoding: source[item.start..<item.end], as: UTF8.self)
    }

    /// Visits the subtree under `root` (which is entered and exited itself), in document
    /// order, without recursion. Elements for which `skip` returns true are not entered.
    func walk(from root: Int, skipping skip: (Int) -> Bool = { _ in false }, _ visit: (Step) -> Void) {
        guard root < nodes.count else { return }
        if nodes[root].kind == .text {
            visit(.text(root))
            return
        }
        // Each entry: an open element and the child to visit next (-1 when done).
        var stack: [(node: Int, next: Int)] = [(root, nodes[root].firstChild)]
        visit(.enter(root))
        while let top = stack.last {
            let child = top.next
            guard child >= 0 else {
                stack.removeLast()
                visit(.exit(top.node))
                continue
            }
            stack[stack.count - 1].next = nodes[child].nextSibling
            switch nodes[child].kind {
            case .text:
                visit(.text(child))
            case .element, .document:
                if skip(child) { continue }
                visit(.enter(child))
                stack.append((child, nodes[child].firstChild))
            }
        }
    }

    /// The text under `node`, whitespace collapsed, skipping what `skip` rejects.
    func textContent(of node: Int, skipping skip: (Int) -> Bool = { _ in false }) -> String {
        var text = String()
        walk(from: node, skipping: skip) { step in
            if case .text(let index) = step { text += nodes[index].text }
        }
        return Whitespace.collapse(text)
    }

    /// The text under `node` exactly as written, whitespace kept: the raw markup inside a
    /// `<noscript>`.
    func textContentRaw(of node: Int) -> String {
        var text = String()
        walk(from: node) { step in
            if case .text(let index) = step { text += nodes[index].text }
        }
        return text
    }
}
