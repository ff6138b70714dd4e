import Foundation

/// What Readability does to a page before it looks for the article (`_prepDocument`,
/// `_unwrapNoscriptImages`): `<br><br>` runs become paragraphs, and a `<noscript>` image
/// replaces the placeholder image just before it.
enum ReadabilityPrep {
    /// Readability's `_replaceBrs`: two or more `<br>` in a row (whitespace between) start a
    /// `<p>` holding the phrasing content that follows, up to the next such run.
    static func replaceLineBreaks(in dom: ReadabilityDOM) {
        for lineBreak in dom.elements(under: ReadabilityDOM.document, named: ["br"]) where dom.parent[lineBreak] >= 0 {
            var following = nextNonWhitespace(dom.next[lineBreak], in: dom)
            var replaced = false
            while following >= 0, dom.names[following] == "br" {
                replaced = true
                let after = dom.next[following]
                dom.remove(following)
                following = nextNonWhitespace(after, in: dom)
            }
            guard replaced else { continue }
            let paragraph = dom.createElement("p")
            dom.replace(lineBreak, with: paragraph)
            var node = dom.next[paragraph]
            while node >= 0 {
                if dom.names[node] == "br" {
                    let element = nextNonWhitespace(dom.next[node], in: dom)
                    if element >= 0, dom.names[element] == "br" { break }
                }
                guard isPhrasing(node, in: dom) else { break }
                let after = dom.next[node]
                dom.append(node, to: paragraph)
                node = after
            }
            trimTrailingWhitespace(paragraph, in: dom)
            let owner = dom.parent[paragraph]
            if owner > 0, dom.names[owner] == "p" { dom.names[owner] = "div" }
        }
    }

    /// Removes whitespace text and `<br>`s from the end of `node`.
    static func trimTrailingWhitespace(_ node: Int, in dom: ReadabilityDOM) {
        while dom.last[node] >= 0, isWhitespace(dom.last[node], in: dom) { dom.remove(dom.last[node]) }
    }

    /// Readability's `_isPhrasingContent`: text, a phrasing element, or an `a`, `del` or
    /// `ins` holding only phrasing content.
    static func isPhrasing(_ node: Int, in dom: ReadabilityDOM) -> Bool {
        if dom.isText[node] || ReadabilityPhrasing.elements.contains(dom.names[node]) { return true }
        guard ["a", "del", "ins"].contains(dom.names[node]) else { return false }
        return dom.childNodes(node).allSatisfy { isPhrasing($0, in: dom) }
    }

    static func isWhitespace(_ node: Int, in dom: ReadabilityDOM) -> Bool {
        dom.isText[node] ? !dom.hasText(node) : dom.names[node] == "br"
    }

    private static func nextNonWhitespace(_ start: Int, in dom: ReadabilityDOM) -> Int {
        var node = start
        while node >= 0, dom.isText[node], !dom.hasText(node) { node = dom.next[node] }
        return node
    }

    /// Whether an `<img>` has nothing that could load an image (`src`, `srcset`, `data-src`,
    /// `data-srcset`, or a value naming an image file): Readability drops those first.
    static func isEmptyImage(_ attributes: [HTMLAttribute]) -> Bool {
        !attributes.contains {
            ["src", "srcset", "data-src", "data-srcset"].contains($0.name) || ReadabilityImages.mentionsImageFile($0.value)
        }
    }

    /// Readability's `_unwrapNoscriptImages` for one `<noscript>` whose raw content is `raw`:
    /// when it holds a single image and the element before it (the last element child of
    /// `owner` so far) is a single image too, the noscript image takes its place, keeping the
    /// placeholder's image attributes as `data-old-…`.
    static func unwrapNoscriptImage(_ raw: String, into owner: Int, in dom: ReadabilityDOM) {
        let inner = HTMLTree(html: raw)
        let images = inner.nodes.indices.filter { inner.nodes[$0].kind == .element && inner.name($0) == "img" }
        let hasText = inner.nodes.contains { $0.kind == .text && !$0.text.unicodeScalars.allSatisfy(Whitespace.isCollapsible) }
        guard images.count == 1, !hasText, owner >= 0 else { return }
        var previous = dom.last[owner]
        while previous >= 0, dom.isText[previous] { previous = dom.previous[previous] }
        guard previous >= 0, ReadabilityImages.isSingleImage(previous, in: dom) else { return }
        let old = dom.names[previous] == "img" ? previous : (dom.elements(under: previous, named: ["img"]).first ?? previous)
        var attributes = inner.nodes[images[0]].attributes
        for attribute in dom.attributes[old] where !attribute.value.isEmpty {
            guard attribute.name == "src" || attribute.name == "srcset" || ReadabilityImages.mentionsImageFile(attribute.value)
            else { continue }
            if attributes.contains(where: { $0.name == attribute.name && $0.value == attribute.value }) { continue }
            let name = attributes.contains { $0.name == attribute.name } ? "data-old-" + attribute.name : attribute.name
            attributes.append(HTMLAttribute(name: name, value: attribute.value))
        }
        let image = dom.add(name: "img", text: "", isText: false, attributes: attributes)
        dom.replace(previous, with: image)
    }
}
