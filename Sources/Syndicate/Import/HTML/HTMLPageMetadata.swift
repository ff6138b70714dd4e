import Foundation

/// What a page says about itself outside its body text: `<html lang>`, `<base href>`, `<title>`,
/// `<meta>` tags, `<link rel=canonical>` and its JSON-LD blocks, gathered in one pass.
struct HTMLPageMetadata {
    /// `<html lang>`, if given.
    var language: String?
    /// `<base href>` as written, if given.
    var baseHref: String?
    /// The first `<title>` outside SVG, whitespace collapsed.
    var documentTitle: String?
    /// `<link rel=canonical href>` as written, if given.
    var canonical: String?
    /// Every meta tag's content under each of its keys (`property`, `name`, `itemprop`,
    /// `http-equiv`), lowercased, in document order.
    var metas: [(key: String, value: String)] = []
    /// The article described by the page's JSON-LD blocks.
    var linkedData = HTMLLinkedData()
    /// The text of each `application/ld+json` script, in document order.
    var linkedDataScripts: [String] = []
    /// How many words the page's text holds, head and scripts aside: evidence for error messages.
    var wordCount = 0

    init(tree: HTMLTree) {
        var scripts: [String] = []
        var svgDepth = 0
        tree.walk(from: HTMLTree.document) { step in
            switch step {
            case .enter(let node):
                let name = tree.name(node)
                switch name {
                case "svg", "math":
                    svgDepth += 1
                case "html" where language == nil:
                    language = tree.attribute("lang", of: node) ?? tree.attribute("xml:lang", of: node)
                case "base" where baseHref == nil:
                    baseHref = tree.attribute("href", of: node)
                case "title" where documentTitle == nil && svgDepth == 0:
                    documentTitle = tree.textContent(of: node)
                case "link":
                    let rel = tree.attribute("rel", of: node)?.lowercased().split(separator: " ") ?? []
                    if canonical == nil, rel.contains("canonical"), let href = tree.attribute("href", of: node) {
                        canonical = href
                    }
                case "meta":
                    addMeta(tree, node)
                case "script":
                    if tree.attribute("type", of: node)?.lowercased().contains("ld+json") == true {
                        scripts.append(tree.textContent(of: node))
                    }
                default:
                    break
                }
            case .exit(let node):
                let name = tree.name(node)
                if name == "svg" || name == "math" { svgDepth -= 1 }
            case .text(let node):
                if !tree.traits(tree.nodes[node].parent).has(.dropped) {
                    wordCount += Self.words(in: tree.nodes[node].text)
                }
            }
        }
        linkedData = HTMLLinkedData(scripts: scripts)
        linkedDataScripts = scripts
    }

    private mutating func addMeta(_ tree: HTMLTree, _ node: Int) {
        guard let content = tree.attribute("content", of: node) else { return }
        let value = Whitespace.collapse(content)
        guard !value.isEmpty else { return }
        for keyName in ["property", "name", "itemprop", "http-equiv"] {
            guard let keys = tree.attribute(keyName, of: node) else { continue }
            // RDFa allows several properties in one attribute: property="og:title twitter:title".
            for key in keys.split(whereSeparator: \.isWhitespace) {
                metas.append((key.lowercased(), value))
            }
        }
    }

    /// How many runs of non-whitespace `text` holds.
    private static func words(in text: String) -> Int {
        var count = 0
        var inWord = false
        for scalar in text.unicodeScalars {
            let isSpace = Whitespace.isCollapsible(scalar)
            if !isSpace, !inWord { count += 1 }
            inWord = !isSpace
        }
        return count
    }

    /// The first value of meta `key` (lowercase).
    func meta(_ key: String) -> String? {
        metas.first { $0.key == key }?.value
    }

    /// Every value of meta `key` (lowercase), in document order.
    func metas(_ key: String) -> [String] {
        metas.filter { $0.key == key }.map(\.value)
    }
}
