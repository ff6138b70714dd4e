import Foundation

/// One element of a feed item, kept in memory only while that item is mapped to a post.
///
/// Items are small (bounded by ``ImportLimits/maxItemBytes``), so a tree per item keeps the
/// mapping code simple while the document as a whole is streamed.
final class XMLNode {
    /// A piece of an element's content, in document order.
    enum Child {
        case text(String)
        case element(XMLNode)
    }

    /// The namespace-resolved name.
    let name: XMLPullParser.Name
    /// The attributes, `xmlns` declarations excluded.
    let attributes: [XMLPullParser.Attribute]
    /// The absolute base URL in effect for this element (`xml:base`, the channel link, the context).
    let base: URL?
    /// The language in effect (`xml:lang` here or on an ancestor).
    let language: String?
    /// The content.
    private(set) var children: [Child] = []

    /// Creates a node, resolving its `xml:base` against `parentBase` and inheriting `parentLanguage`.
    init(_ element: XMLPullParser.Element, parentBase: URL?, parentLanguage: String?) {
        name = element.name
        attributes = element.attributes
        var base = parentBase
        var language = parentLanguage
        for attribute in element.attributes where attribute.name.namespace == Namespace.xml {
            if attribute.name.local == "base" {
                base = FeedURL.resolve(attribute.value, against: parentBase) ?? parentBase
            } else if attribute.name.local == "lang" {
                let trimmed = Whitespace.collapse(attribute.value)
                language = trimmed.isEmpty ? nil : trimmed
            }
        }
        self.base = base
        self.language = language
    }

    /// Appends a piece of text. Adjacent pieces are kept apart (joined only when read), so
    /// thousands of CDATA sections in a row cost linear, not quadratic, time.
    func append(text: String) {
        children.append(.text(text))
    }

    /// Appends a child element.
    func append(element: XMLNode) {
        children.append(.element(element))
    }

    /// The value of the attribute `local` without a namespace (or in `namespace`).
    func attribute(_ local: String, namespace: String = "") -> String? {
        attributes.first { $0.name.local == local && $0.name.namespace == namespace }?.value
    }

    /// The direct text content, concatenated.
    var text: String {
        var result = ""
        for case .text(let piece) in children { result += piece }
        return result
    }

    /// True when the element has child elements (not only text).
    var hasElements: Bool {
        children.contains { if case .element = $0 { true } else { false } }
    }

    /// The direct text, whitespace collapsed; nil when empty.
    var trimmedText: String? {
        let collapsed = Whitespace.collapse(text)
        return collapsed.isEmpty ? nil : collapsed
    }

    /// The child elements in `namespaces` named `local`, in order.
    func elements(_ local: String, in namespaces: [String]) -> [XMLNode] {
        children.compactMap { child in
            guard case .element(let node) = child, node.name.local == local, namespaces.contains(node.name.namespace)
            else { return nil }
            return node
        }
    }

    /// The first child element in `namespaces` named `local`.
    func element(_ local: String, in namespaces: [String]) -> XMLNode? {
        for case .element(let node) in children where node.name.local == local && namespaces.contains(node.name.namespace) {
            return node
        }
        return nil
    }

    /// All text in this element and its descendants, in order (iterative, not recursive).
    var allText: String {
        var result = ""
        var stack: [(XMLNode, Int)] = [(self, 0)]
        while let (node, position) = stack.popLast() {
            guard position < node.children.count else { continue }
            stack.append((node, position + 1))
            switch node.children[position] {
            case .text(let piece): result += piece
            case .element(let child): stack.append((child, 0))
            }
        }
        return result
    }

    /// The content serialised back to markup (for Atom `type="xhtml"`), prefixes dropped,
    /// text and attribute values escaped, relative `href` and `src` values resolved against
    /// each element's base. Iterative, so nesting depth costs no stack.
    var innerXML: String {
        var result = ""
        var stack: [(XMLNode, Int)] = [(self, 0)]
        while let (node, position) = stack.popLast() {
            guard position < node.children.count else {
                if node !== self { result += "</\(node.name.local)>" }
                continue
            }
            stack.append((node, position + 1))
            switch node.children[position] {
            case .text(let piece):
                result += HTMLEscaping.escape(piece, quotes: false)
            case .element(let child):
                result += "<\(child.name.local)"
                for attribute in child.attributes where attribute.name.namespace.isEmpty {
                    var value = attribute.value
                    if attribute.name.local == "href" || attribute.name.local == "src",
                        let resolved = FeedURL.resolve(value, against: child.base)
                    {
                        value = resolved.absoluteString
                    }
                    result += " \(attribute.name.local)=\"\(HTMLEscaping.escape(value, quotes: true))\""
                }
                result += ">"
                stack.append((child, 0))
            }
        }
        return result
    }
}
