import Foundation

/// Converts HTML into plain-text paragraphs.
///
/// Used for whole pages by ``HTMLImporter`` and for fragments by the feed and Markdown
/// importers (a feed's `content:encoded`, Markdown rendered to HTML). The rules:
/// - a block element (`<p>`, `<div>`, `<li>`, `<h2>`, `<blockquote>`, `<tr>`…) starts and ends
///   a paragraph, so every list item becomes a paragraph of its own;
/// - `<br>` is a line break inside a paragraph and becomes a space; two `<br>` in a row (with
///   only whitespace between) end the paragraph, as pages that use `<br><br>` for spacing mean;
/// - table cells are separated by a space;
/// - `<script>`, `<style>`, `<template>`, `<noscript>`, `<head>`, `<svg>`, `<iframe>`, form
///   controls and media elements are dropped with their content;
/// - entities are decoded, whitespace is collapsed with `Whitespace.collapse(_:)` (in `<pre>`
///   too), and empty paragraphs are left out.
///
/// The parser is tolerant (unclosed tags, unquoted attributes, stray end tags) and linear, and
/// nesting deeper than ``ImportLimits/maxDepth`` is flattened rather than refused.
public enum HTMLText {
    /// Elements that start and end a paragraph.
    static let blockElements: Set<String> = [
        "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog", "dir",
        "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
        "header", "hgroup", "hr", "html", "legend", "li", "main", "menu", "nav", "ol", "p", "pre", "section",
        "summary", "table", "tbody", "tfoot", "thead", "tr", "ul",
    ]

    /// Elements dropped with everything inside them.
    static let droppedElements: Set<String> = [
        "audio", "button", "canvas", "datalist", "head", "iframe", "map", "noscript", "object", "script", "select",
        "style", "svg", "template", "textarea", "title", "video",
    ]

    /// The paragraphs of `html`, each plain text, none empty.
    ///
    /// ```swift
    /// HTMLText.paragraphs(fromHTML: "<p>Ofsted&rsquo;s plan<br>for leaders<li>One<li>Two")
    /// // ["Ofsted’s plan for leaders", "One", "Two"]
    /// ```
    ///
    /// - Parameter html: A fragment or a whole page, in any state of repair.
    /// - Returns: The text of each paragraph in document order, entities decoded and whitespace
    ///   collapsed.
    public static func paragraphs(fromHTML html: String) -> [String] {
        let tree = HTMLTree(html: html)
        return paragraphs(in: tree, from: HTMLTree.document)
    }

    /// The paragraphs of `html` and its links keyed by their visible text, from one parse.
    ///
    /// Importers that render another format to HTML (Markdown) use it to give the
    /// ``BoilerplateFilter`` the links a "Read more …" line or an attribution points to.
    ///
    /// ```swift
    /// let (paragraphs, links) = HTMLText.paragraphsAndLinks(
    ///     fromHTML: #"<p>Read more at <a href="/t">The Telegraph</a></p>"#) { URL(string: $0) }
    /// // paragraphs == ["Read more at The Telegraph"], links == ["The Telegraph": URL("/t")]
    /// ```
    ///
    /// - Parameters:
    ///   - html: A fragment or a whole page.
    ///   - resolve: Turns an `href` (entities decoded) into a URL, or nil to leave the link out.
    /// - Returns: The paragraphs, as ``paragraphs(fromHTML:)`` gives them, and each link's URL under
    ///   its text (whitespace collapsed); the first link with a given text wins.
    public static func paragraphsAndLinks(
        fromHTML html: String, resolve: (String) -> URL?
    ) -> (paragraphs: [String], links: [String: URL]) {
        let tree = HTMLTree(html: html)
        return (paragraphs(in: tree, from: HTMLTree.document), links(in: tree, from: HTMLTree.document, resolve: resolve))
    }

    /// The `<img>` elements of `html` in document order, with their `src` and `alt` (entities
    /// decoded; the `src` as written, for the caller to resolve). Images inside elements that
    /// never hold article text (`script`, `template`, …) are left out.
    public static func images(fromHTML html: String) -> [(src: String, alt: String?)] {
        let tree = HTMLTree(html: html)
        var images: [(src: String, alt: String?)] = []
        tree.walk(from: HTMLTree.document, skipping: { tree.traits($0).has(.dropped) }) { step in
            guard case .enter(let node) = step, tree.name(node) == "img", let src = tree.attribute("src", of: node) else { return }
            images.append((src, tree.attribute("alt", of: node)))
        }
        return images
    }

    /// The links under `root` keyed by their visible text (whitespace collapsed), so that a
    /// "Read more at The Telegraph" line gives the post's source its URL. Links inside
    /// ``droppedElements`` are left out; the first link with a given text and a URL wins.
    static func links(in tree: HTMLTree, from root: Int, resolve: (String) -> URL?) -> [String: URL] {
        var links: [String: URL] = [:]
        tree.walk(from: root, skipping: { tree.traits($0).has(.dropped) }) { step in
            guard case .enter(let node) = step, tree.name(node) == "a", let href = tree.attribute("href", of: node)
            else { return }
            let text = tree.textContent(of: node)
            guard !text.isEmpty, links[text] == nil, let url = resolve(href) else { return }
            links[text] = url
        }
        return links
    }

    /// The paragraphs under `root`, leaving out elements `skip` rejects as well as
    /// ``droppedElements``.
    static func paragraphs(in tree: HTMLTree, from root: Int, skipping skip: (Int) -> Bool = { _ in false }) -> [String] {
        var builder = ParagraphBuilder()
        tree.walk(from: root, skipping: { tree.traits($0).has(.dropped) || skip($0) }) { step in
            switch step {
            case .text(let node):
                builder.append(tree.nodes[node].text)
            case .enter(let node):
                let traits = tree.traits(node)
                if traits.has(.block) {
                    builder.endParagraph()
                } else if traits.has(.cell) {
                    builder.append(" ")
                } else if tree.name(node) == "br" {
                    builder.lineBreak()
                } else if tree.name(node) == "img" {
                    builder.append(" ")
                }
            case .exit(let node):
                let traits = tree.traits(node)
                if traits.has(.block) {
                    builder.endParagraph()
                } else if traits.has(.cell) {
                    builder.append(" ")
                }
            }
        }
        builder.endParagraph()
        return builder.paragraphs
    }

    /// Collects text into paragraphs.
    private struct ParagraphBuilder {
        var paragraphs: [String] = []
        private var current = String()
        /// Whether a `<br>` was the last thing added, whitespace aside.
        private var afterBreak = false

        mutating func append(_ text: String) {
            if afterBreak, !text.unicodeScalars.allSatisfy(Whitespace.isCollapsible) { afterBreak = false }
            current += text
        }

        mutating func lineBreak() {
            if afterBreak {
                endParagraph()
            } else {
                current += " "
                afterBreak = true
            }
        }

        mutating func endParagraph() {
            afterBreak = false
            guard !current.isEmpty else { return }
            let text = Whitespace.collapse(current)
            if !text.isEmpty { paragraphs.append(text) }
            current.removeAll(keepingCapacity: true)
        }
    }
}
