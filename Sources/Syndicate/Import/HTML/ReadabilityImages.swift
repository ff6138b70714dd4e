import Foundation

/// Readability's image rules: lazy images (`data-src`, `data-srcset` and the like) get a real
/// `src`/`srcset`, tiny base64 placeholders are dropped, and a `<noscript>` image replaces the
/// placeholder before it.
enum ReadabilityImages {
    static let imageExtensions = [".jpg", ".jpeg", ".png", ".webp"]

    static func mentionsImageFile(_ value: String) -> Bool {
        let lower = value.lowercased()
        return imageExtensions.contains { lower.contains($0) }
    }

    /// Readability's `_fixLazyImages`, for `img`, `picture` and `figure` under `root`.
    static func fixLazyImages(in dom: ReadabilityDOM, under root: Int) {
        for element in dom.elements(under: root, named: ["img", "picture", "figure"]) {
            dropPlaceholder(element, in: dom)
            let src = dom.attribute("src", of: element) ?? ""
            let srcset = dom.attribute("srcset", of: element) ?? ""
            let isLazy = (dom.attribute("class", of: element) ?? "").lowercased().contains("lazy")
            if (!src.isEmpty || (!srcset.isEmpty && srcset != "null")), !isLazy { continue }
            for attribute in dom.attributes[element] where !["src", "srcset", "alt"].contains(attribute.name) {
                guard let target = lazyTarget(attribute.value) else { continue }
                let name = dom.names[element]
                if name == "img" || name == "picture" {
                    dom.setAttribute(target, attribute.value, of: element)
                } else if name == "figure", dom.elements(under: element, named: ["img", "picture"]).isEmpty {
                    let image = dom.createElement("img")
                    dom.setAttribute(target, attribute.value, of: image)
                    dom.append(image, to: element)
                }
            }
        }
    }

    /// `srcset` for a value like `a.jpg 2x`, `src` for a lone image URL, else nil.
    static func lazyTarget(_ value: String) -> String? {
        let lower = value.lowercased()
        let words = lower.split(whereSeparator: \.isWhitespace)
        for (index, word) in words.enumerated() where imageExtensions.contains(where: { word.contains($0) }) {
            if index + 1 < words.count, words[index + 1].first?.isNumber == true { return "srcset" }
        }
        if words.count == 1, let word = words.first, imageExtensions.contains(where: { word.contains($0) }) { return "src" }
        return nil
    }

    /// Removes a base64 `src` shorter than 133 characters when another attribute names an image.
    private static func dropPlaceholder(_ element: Int, in dom: ReadabilityDOM) {
        guard let src = dom.attribute("src", of: element), src.lowercased().hasPrefix("data:"),
            let base64 = src.range(of: "base64", options: .caseInsensitive), !src.lowercased().hasPrefix("data:image/svg+xml")
        else { return }
        let hasOther = dom.attributes[element].contains { $0.name != "src" && mentionsImageFile($0.value) }
        if hasOther, src[base64.upperBound...].count < 133 { dom.removeAttribute("src", of: element) }
    }

    /// Whether `node` is an image, or holds exactly one image and no text down a single line of
    /// children (Readability's `_isSingleImage`).
    static func isSingleImage(_ node: Int, in dom: ReadabilityDOM) -> Bool {
        var current = node
        while current >= 0 {
            if dom.names[current] == "img" { return true }
            let children = dom.elementChildren(current)
            if children.count != 1 || dom.hasText(current) { return false }
            current = children[0]
        }
        return false
    }
}
