import Foundation

/// A mutable copy of an ``HTMLTree`` for the Readability passes (``ReadabilityExtractor``):
/// nodes in flat arrays, linked to parent, first and last child and both siblings by index, so
/// that removing, moving, wrapping and renaming a node are all constant-time. Nodes are never
/// freed; a removed node simply has no parent. Node 0 is the document.
final class ReadabilityDOM {
    /// The lowercased tag name of each element; empty for text and the document.
    var names: [String] = []
    /// Each element's attributes.
    var attributes: [[HTMLAttribute]] = []
    /// Each text node's decoded text; empty for elements.
    var texts: [String] = []
    /// Whether each node is a text node.
    var isText: [Bool] = []
    /// The ``HTMLTree`` node each node was copied from; -1 for nodes made here.
    var origin: [Int] = []
    var parent: [Int] = []
    var first: [Int] = []
    var last: [Int] = []
    var next: [Int] = []
    var previous: [Int] = []

    static let document = 0

    /// Copies `tree`, leaving out what Readability strips before it reads (`script`, `style`,
    /// `noscript`, `template`, `<head>`'s content) and calling `<font>` a `<span>`.
    init(tree: HTMLTree) {
        add(name: "", text: "", isText: false, attributes: [])
        var map = [Int](repeating: -1, count: tree.nodes.count)
        map[HTMLTree.document] = Self.document
        let skip: (Int) -> Bool = { node in
            let name = tree.name(node)
            if name == "noscript", tree.nodes[node].parent >= 0 {
                ReadabilityPrep.unwrapNoscriptImage(tree.textContentRaw(of: node), into: map[tree.nodes[node].parent], in: self)
            }
            return Self.dropped.contains(name) || (name == "img" && ReadabilityPrep.isEmptyImage(tree.nodes[node].attributes))
        }
        tree.walk(from: HTMLTree.document, skipping: skip) { step in
            switch step {
            case .enter(let node) where node != HTMLTree.document:
                let item = tree.nodes[node]
                let copy = add(name: item.name == "font" ? "span" : item.name, text: "", isText: false, attributes: item.attributes)
                map[node] = copy
                origin[copy] = node
                append(copy, to: map[item.parent])
            case .text(let node):
                let item = tree.nodes[node]
                guard map[item.parent] >= 0 else { return }
                let copy = add(name: "", text: item.text, isText: true, attributes: [])
                append(copy, to: map[item.parent])
            default:
                break
            }
        }
    }

    /// The article `<div>` as HTML (Readability's serialisation of its result).
    func html(of root: Int) -> String {
        var output = String()
        var stack: [(node: Int, child: Int)] = []
        func open(_ node: Int) {
            output += "<" + names[node]
            for attribute in attributes[node] {
                output += " " + attribute.name + "=\"" + Self.escape(attribute.value, quote: true) + "\""
            }
            output += ">"
        }
        if isText[root] { return Self.escape(texts[root], quote: false) }
        open(root)
        stack.append((root, first[root]))
        while let top = stack.last {
            let child = top.child
            guard child >= 0 else {
                stack.removeLast()
                if !HTMLTreeBuilder.voidElements.contains(names[top.node]) { output += "</" + names[top.node] + ">" }
                continue
            }
            stack[stack.count - 1].child = next[child]
            if isText[child] {
                output += Self.escape(texts[child], quote: false)
            } else {
                open(child)
                stack.append((child, first[child]))
            }
        }
        return output
    }

    private static func escape(_ text: String, quote: Bool) -> String {
        guard text.contains(where: { $0 == "&" || $0 == "<" || $0 == ">" || (quote && $0 == "\"") }) else { return text }
        var result = text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
        if quote { result = result.replacingOccurrences(of: "\"", with: "&quot;") }
        return result
    }

    /// Gives a page without `<body>` (a fragment) one, holding all its content, as a browser's
    /// parser would: Readability scores only elements below `<body>`.
    func ensureBody() {
        var body = -1
        var html = -1
        forEachDescendant(of: Self.document) { node in
            if names[node] == "html", html < 0 { html = node }
            if names[node] == "body" { body = node }
            return body < 0
        }
        guard body < 0 else { return }
        let owner = html >= 0 ? html : Self.document
        body = createElement("body")
        for child in childNodes(owner) { append(child, to: body) }
        if html < 0 {
            html = createElement("html")
            append(html, to: Self.document)
        }
        append(body, to: html)
    }

    /// Elements removed with their content before extraction.
    static let dropped: Set<String> = ["script", "style", "noscript", "template", "head", "title", "meta", "link"]

    var count: Int { names.count }

    @discardableResult
    func add(name: String, text: String, isText: Bool, attributes: [HTMLAttribute]) -> Int {
        names.append(name)
        texts.append(text)
        self.isText.append(isText)
        self.attributes.append(attributes)
        origin.append(-1)
        parent.append(-1)
        first.append(-1)
        last.append(-1)
        next.append(-1)
        previous.append(-1)
        return names.count - 1
    }

    /// A new element, not yet in the tree.
    func createElement(_ name: String) -> Int {
        add(name: name, text: "", isText: false, attributes: [])
    }

    // MARK: - Structure

    /// Takes `node` out of the tree (its subtree goes with it).
    func remove(_ node: Int) {
        let owner = parent[node]
        guard owner >= 0 else { return }
        let before = previous[node]
        let after = next[node]
        if before >= 0 { next[before] = after } else { first[owner] = after }
        if after >= 0 { previous[after] = before } else { last[owner] = before }
        parent[node] = -1
        next[node] = -1
        previous[node] = -1
    }

    /// Moves `node` to the end of `owner`'s children.
    func append(_ node: Int, to owner: Int) {
        guard owner >= 0 else { return }
        remove(node)
        parent[node] = owner
        previous[node] = last[owner]
        if last[owner] >= 0 { next[last[owner]] = node } else { first[owner] = node }
        last[owner] = node
    }

    /// Puts `node` where `old` is, taking `old` out.
    func replace(_ old: Int, with node: Int) {
        let owner = parent[old]
        guard owner >= 0, old != node else { return }
        remove(node)
        let before = previous[old]
        let after = next[old]
        parent[node] = owner
        previous[node] = before
        next[node] = after
        if before >= 0 { next[before] = node } else { first[owner] = node }
        if after >= 0 { previous[after] = node } else { last[owner] = node }
        parent[old] = -1
        next[old] = -1
        previous[old] = -1
    }

    /// The element children of `node`, in order.
    func elementChildren(_ node: Int) -> [Int] {
        var result: [Int] = []
        var child = first[node]
        while child >= 0 {
            if !isText[child] { result.append(child) }
            child = next[child]
        }
        return result
    }

    /// All children of `node` (text included), in order.
    func childNodes(_ node: Int) -> [Int] {
        var result: [Int] = []
        var child = first[node]
        while child >= 0 {
            result.append(child)
            child = next[child]
        }
        return result
    }

    func firstElementChild(_ node: Int) -> Int {
        var child = first[node]
        while child >= 0, isText[child] { child = next[child] }
        return child
    }

    func nextElementSibling(_ node: Int) -> Int {
        var sibling = next[node]
        while sibling >= 0, isText[sibling] { sibling = next[sibling] }
        return sibling
    }

    /// Readability's `_getNextNode`: depth-first over elements; with `skippingChildren`, the
    /// next element after `node`'s subtree. -1 at the end.
    func nextNode(_ node: Int, skippingChildren: Bool = false) -> Int {
        if !skippingChildren {
            let child = firstElementChild(node)
            if child >= 0 { return child }
        }
        var current = node
        while current >= 0 {
            let sibling = nextElementSibling(current)
            if sibling >= 0 { return sibling }
            current = parent[current]
        }
        return -1
    }

    /// Removes `node` and returns the next element after it in document order.
    func removeAndGetNext(_ node: Int) -> Int {
        let following = nextNode(node, skippingChildren: true)
        remove(node)
        return following
    }

    /// Every element below `root` (not `root`) in document order whose name is in `names`.
    func elements(under root: Int, named names: Set<String>) -> [Int] {
        var found: [Int] = []
        forEachDescendant(of: root) { node in
            if !isText[node], names.contains(self.names[node]) { found.append(node) }
            return true
        }
        return found
    }

    /// Visits every node below `root` (not `root`) in document order, without recursion;
    /// `visit` returns whether to go into that node's children.
    func forEachDescendant(of root: Int, _ visit: (Int) -> Bool) {
        var node = first[root]
        while node >= 0 {
            if visit(node), first[node] >= 0 {
                node = first[node]
                continue
            }
            while node >= 0, node != root, next[node] < 0 { node = parent[node] }
            if node < 0 || node == root { return }
            node = next[node]
        }
    }

    /// Whether an ancestor of `node` within `maxDepth` levels (all when 0 or less) is named
    /// `name` and passes `filter`: Readability's `_hasAncestorTag`, whose default depth is 3.
    func hasAncestor(_ node: Int, named name: String, maxDepth: Int = 3, where filter: (Int) -> Bool = { _ in true }) -> Bool {
        var depth = 0
        var current = node
        while parent[current] >= 0 {
            if maxDepth > 0, depth > maxDepth { return false }
            let owner = parent[current]
            if names[owner] == name, filter(owner) { return true }
            current = owner
            depth += 1
        }
        return false
    }

    // MARK: - Attributes

    func attribute(_ name: String, of node: Int) -> String? {
        attributes[node].first { $0.name == name }?.value
    }

    func setAttribute(_ name: String, _ value: String, of node: Int) {
        if let index = attributes[node].firstIndex(where: { $0.name == name }) {
            attributes[node][index].value = value
        } else {
            attributes[node].append(HTMLAttribute(name: name, value: value))
        }
    }

    func removeAttribute(_ name: String, of node: Int) {
        attributes[node].removeAll { $0.name == name }
    }

    /// `class` then `id`, space-separated, as Readability's `matchString`.
    func matchString(_ node: Int) -> String {
        (attribute("class", of: node) ?? "") + " " + (attribute("id", of: node) ?? "")
    }
}
