import Foundation

/// The namespace declarations in scope while an XML document is tokenized, resolving
/// qualified names (`dc:creator`) to a namespace URI and a local name.
///
/// Prefixes that feeds use without declaring them (`dc`, `content`, `media`, `atom`, `rdf`)
/// resolve to their conventional URIs; other undeclared prefixes to `undeclared:<prefix>`.
/// Resolved element names are cached while no declaration changes, so the common case — every
/// namespace declared once on the root — costs one dictionary lookup per tag.
struct XMLNamespaceScope {
    /// Well-known namespaces, used for prefixes that feeds use without declaring them.
    static let conventionalPrefixes: [String: String] = [
        "xml": "http://www.w3.org/XML/1998/namespace",
        "dc": "http://purl.org/dc/elements/1.1/",
        "dcterms": "http://purl.org/dc/terms/",
        "content": "http://purl.org/rss/1.0/modules/content/",
        "media": "http://search.yahoo.com/mrss/",
        "atom": "http://www.w3.org/2005/Atom",
        "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    ]

    /// The URIs bound to each prefix (`""` for the default namespace), innermost last.
    private var bindings: [String: [String]] = [:]
    /// Resolved element names by qualified name, valid while no declaration changes.
    private var elementNames: [String: XMLPullParser.Name] = [:]

    /// Applies the `xmlns` and `xmlns:p` attributes among `attributes` for a new element.
    ///
    /// - Returns: The prefixes it bound, to hand back to ``pop(_:)`` when the element closes.
    mutating func push(_ attributes: [(name: String, value: String)]) -> [String] {
        var bound: [String] = []
        for (name, value) in attributes {
            if name == "xmlns" {
                bindings["", default: []].append(value)
                bound.append("")
            } else if name.hasPrefix("xmlns:") {
                let prefix = String(name.dropFirst(6))
                bindings[prefix, default: []].append(value)
                bound.append(prefix)
            }
        }
        if !bound.isEmpty || elementNames.count > 256 { elementNames.removeAll(keepingCapacity: true) }
        return bound
    }

    /// Removes the bindings an element made.
    mutating func pop(_ prefixes: [String]) {
        guard !prefixes.isEmpty else { return }
        for prefix in prefixes {
            bindings[prefix]?.removeLast()
        }
        elementNames.removeAll(keepingCapacity: true)
    }

    /// The resolved name of an element (unprefixed names take the default namespace).
    mutating func element(_ qualifiedName: String) -> XMLPullParser.Name {
        if let cached = elementNames[qualifiedName] { return cached }
        let name = resolve(qualifiedName, isElement: true)
        elementNames[qualifiedName] = name
        return name
    }

    /// The resolved name of an attribute (unprefixed names have no namespace).
    func attribute(_ qualifiedName: String) -> XMLPullParser.Name {
        resolve(qualifiedName, isElement: false)
    }

    private func resolve(_ qualifiedName: String, isElement: Bool) -> XMLPullParser.Name {
        guard let colon = qualifiedName.firstIndex(of: ":") else {
            return XMLPullParser.Name(namespace: isElement ? (bindings[""]?.last ?? "") : "", local: qualifiedName)
        }
        let prefix = String(qualifiedName[..<colon])
        let local = String(qualifiedName[qualifiedName.index(after: colon)...])
        let uri = bindings[prefix]?.last ?? Self.conventionalPrefixes[prefix] ?? "undeclared:\(prefix)"
        return XMLPullParser.Name(namespace: uri, local: local)
    }
}
