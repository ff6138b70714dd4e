import Foundation

/// One pass of Readability's `_grabArticle` over a fresh ``ReadabilityDOM``: removes hidden
/// and unlikely elements and the byline, turns text-only `<div>`s into paragraphs, scores
/// paragraphs into their ancestors, picks the top candidate and joins its siblings. The
/// result is a new `<div>` holding the article, to be cleaned by ``ReadabilityCleaner``.
struct ReadabilityGrabber {
    /// Readability's flags, loosened one by one when a pass finds too little.
    struct Flags: OptionSet {
        let rawValue: Int
        static let stripUnlikelys = Flags(rawValue: 1)
        static let weightClasses = Flags(rawValue: 2)
        static let cleanConditionally = Flags(rawValue: 4)
        static let all: Flags = [.stripUnlikelys, .weightClasses, .cleanConditionally]
        /// The passes in Readability's order: all flags, then without each in turn.
        static let loosening: [Flags] = [.all, [.weightClasses, .cleanConditionally], [.cleanConditionally], []]
    }

    static let tagsToScore: Set<String> = ["section", "h2", "h3", "h4", "h5", "h6", "p", "td", "pre"]
    static let divToParagraphElements: Set<String> = ["blockquote", "dl", "div", "img", "ol", "p", "pre", "table", "ul"]
    static let emptyRemovable: Set<String> = ["div", "section", "header", "h1", "h2", "h3", "h4", "h5", "h6"]
    static let alterToDivExceptions: Set<String> = ["div", "article", "section", "p"]

    let dom: ReadabilityDOM
    let flags: Flags
    /// The title from the page's metadata: a heading that repeats it is removed.
    let title: String?
    /// A byline already known (from metadata or an earlier pass): then none is looked for.
    var byline: String?
    let bylineKnown: Bool
    /// Whether an element of the source tree is page furniture to strip whatever the flags
    /// (``HTMLElementFilter``'s navigation, boilerplate, headers and footers): set for short
    /// pages only.
    var isFurniture: (Int) -> Bool = { _ in false }

    /// Each node's score, once initialised.
    var scores: [Double?] = []

    init(dom: ReadabilityDOM, flags: Flags, title: String?, byline: String?, bylineKnown: Bool) {
        self.dom = dom
        self.flags = flags
        self.title = title
        self.byline = byline
        self.bylineKnown = bylineKnown
    }

    /// The `<body>`, else the document.
    var page: Int {
        var body = -1
        dom.forEachDescendant(of: ReadabilityDOM.document) { node in
            if body < 0, dom.names[node] == "body" { body = node }
            return body < 0
        }
        return body >= 0 ? body : ReadabilityDOM.document
    }

    /// Runs the pass; the article `<div>` (detached). (A MathJax `<mjx-container>`, whose
    /// `CtxtMenu` class reads as a menu, is never an unlikely candidate, as in Readability
    /// since its MathJax fix.)
    mutating func grab() -> Int {
        let page = page
        let elementsToScore = prepareNodes()
        let measures = dom.measures(of: ReadabilityDOM.document)
        scores = [Double?](repeating: nil, count: dom.count)
        let candidates = scoreParagraphs(elementsToScore, measures: measures)
        var top = topCandidates(candidates, measures: measures)
        let topCandidate: Int
        if let first = top.first, dom.names[first] != "body", first != page {
            topCandidate = refine(first, among: &top, page: page)
        } else {
            let container = dom.createElement("div")
            for child in dom.childNodes(page) { dom.append(child, to: container) }
            dom.append(container, to: page)
            scores.append(nil)
            initialize(container)
            topCandidate = container
        }
        return joinSiblings(of: topCandidate, measures: measures)
    }

    // MARK: - Node prepping

    private mutating func prepareNodes() -> [Int] {
        var elementsToScore: [Int] = []
        var removeTitleHeader = true
        var node = dom.firstElementChild(ReadabilityDOM.document)
        while node >= 0 {
            let name = dom.names[node]
            let hasAttributes = !dom.attributes[node].isEmpty
            let matchString = hasAttributes ? dom.matchString(node) : " "
            if (hasAttributes && !isProbablyVisible(node))
                || (dom.attribute("aria-modal", of: node) == "true" && dom.attribute("role", of: node) == "dialog")
                || (hasAttributes && checkByline(node, matchString: matchString))
            {
                node = dom.removeAndGetNext(node)
                continue
            }
            if removeTitleHeader, headerDuplicatesTitle(node) {
                removeTitleHeader = false
                node = dom.removeAndGetNext(node)
                continue
            }
            if dom.origin[node] >= 0, isFurniture(dom.origin[node]) {
                node = dom.removeAndGetNext(node)
                continue
            }
            if flags.contains(.stripUnlikelys) {
                if hasAttributes, ReadabilityPatterns.isUnlikely(matchString), !dom.hasAncestor(node, named: "table"),
                    !dom.hasAncestor(node, named: "code"), name != "body", name != "a", name != "mjx-container"
                {
                    node = dom.removeAndGetNext(node)
                    continue
                }
                if hasAttributes, let role = dom.attribute("role", of: node), ReadabilityPatterns.unlikelyRoles.contains(role) {
                    node = dom.removeAndGetNext(node)
                    continue
                }
            }
            if Self.emptyRemovable.contains(name), isElementWithoutContent(node) {
                node = dom.removeAndGetNext(node)
                continue
            }
            if Self.tagsToScore.contains(name) { elementsToScore.append(node) }
            if name == "div" {
                wrapPhrasingContent(of: node)
                let children = dom.elementChildren(node)
                if hasSingleTag(node, "p", children: children), linkDensity(node) < 0.25 {
                    let paragraph = children[0]
                    dom.replace(node, with: paragraph)
                    node = paragraph
                    elementsToScore.append(node)
                } else if !hasChildBlockElement(node) {
                    dom.names[node] = "p"
                    elementsToScore.append(node)
                }
            }
            node = dom.nextNode(node)
        }
        return elementsToScore
    }

    /// Readability's `_isProbablyVisible`: no `display: none` or `visibility: hidden` style, no
    /// `hidden` attribute, and no `aria-hidden=true` unless the class names a fallback image.
    func isProbablyVisible(_ node: Int) -> Bool {
        if let style = dom.attribute("style", of: node) {
            for declaration in style.lowercased().split(separator: ";") {
                let parts = declaration.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                guard parts.count == 2 else { continue }
                if parts[0] == "display", parts[1].hasPrefix("none") { return false }
                if parts[0] == "visibility", parts[1].hasPrefix("hidden") { return false }
            }
        }
        if dom.attribute("hidden", of: node) != nil { return false }
        if dom.attribute("aria-hidden", of: node) == "true",
            !(dom.attribute("class", of: node) ?? "").contains("fallback-image")
        {
            return false
        }
        return true
    }

    private mutating func checkByline(_ node: Int, matchString: String) -> Bool {
        guard !bylineKnown, byline == nil else { return false }
        let rel = dom.attribute("rel", of: node)
        let itemprop = dom.attribute("itemprop", of: node) ?? ""
        guard rel == "author" || itemprop.contains("author") || ReadabilityPatterns.isByline(matchString) else { return false }
        guard ReadabilityMetadata.isValidByline(dom.innerText(node, limit: 400)) else { return false }
        // A descendant marked itemprop=name names the author more exactly.
        var named = -1
        dom.forEachDescendant(of: node) { child in
            if named < 0, !dom.isText[child], dom.attribute("itemprop", of: child)?.contains("name") == true { named = child }
            return named < 0
        }
        byline = dom.innerText(named >= 0 ? named : node)
        return true
    }

    private func headerDuplicatesTitle(_ node: Int) -> Bool {
        guard let title, dom.names[node] == "h1" || dom.names[node] == "h2" else { return false }
        return ReadabilityMetadata.textSimilarity(title, dom.innerText(node)) > 0.75
    }

    private func isElementWithoutContent(_ node: Int) -> Bool {
        guard !dom.hasText(node) else { return false }
        let children = dom.elementChildren(node)
        if children.isEmpty { return true }
        return children.count == dom.elements(under: node, named: ["br", "hr"]).count
    }

    /// Puts each run of phrasing content directly in `div` into a new `<p>`.
    private mutating func wrapPhrasingContent(of div: Int) {
        var paragraph = -1
        var child = dom.first[div]
        while child >= 0 {
            let following = dom.next[child]
            if ReadabilityPrep.isPhrasing(child, in: dom) {
                if paragraph >= 0 {
                    dom.append(child, to: paragraph)
                } else if !ReadabilityPrep.isWhitespace(child, in: dom) {
                    paragraph = dom.createElement("p")
                    dom.replace(child, with: paragraph)
                    dom.append(child, to: paragraph)
                }
            } else if paragraph >= 0 {
                ReadabilityPrep.trimTrailingWhitespace(paragraph, in: dom)
                paragraph = -1
            }
            child = following
        }
        if paragraph >= 0 { ReadabilityPrep.trimTrailingWhitespace(paragraph, in: dom) }
    }

    func hasSingleTag(_ node: Int, _ name: String, children: [Int]) -> Bool {
        guard children.count == 1, dom.names[children[0]] == name else { return false }
        return !dom.childNodes(node).contains { dom.isText[$0] && dom.hasText($0) }
    }

    private func hasChildBlockElement(_ node: Int) -> Bool {
        var found = false
        dom.forEachDescendant(of: node) { child in
            if found { return false }
            if !dom.isText[child], Self.divToParagraphElements.contains(dom.names[child]) { found = true }
            return !found
        }
        return found
    }

    /// The link density of `node`, from its own subtree (links never nest, so each text is
    /// read at most twice).
    private func linkDensity(_ node: Int) -> Double {
        let length = dom.innerText(node).unicodeScalars.count
        guard length > 0 else { return 0 }
        var link = 0.0
        dom.forEachDescendant(of: node) { child in
            if !dom.isText[child], dom.names[child] == "a" { link += dom.linkLength(child) }
            return true
        }
        return link / Double(length)
    }
}

/// Readability's phrasing elements (canvas, iframe, svg and video left out, as it does).
enum ReadabilityPhrasing {
    static let elements: Set<String> = [
        "abbr", "audio", "b", "bdo", "br", "button", "cite", "code", "data", "datalist", "dfn", "em", "embed", "i",
        "img", "input", "kbd", "label", "mark", "math", "meter", "noscript", "object", "output", "progress", "q",
        "ruby", "samp", "script", "select", "small", "span", "strong", "sub", "sup", "textarea", "time", "var",
        "wbr",
    ]
}
