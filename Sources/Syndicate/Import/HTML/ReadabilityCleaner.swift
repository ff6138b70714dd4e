import Foundation

/// Readability's `_prepArticle`: cleans the article `<div>` a ``ReadabilityGrabber`` pass
/// made, removing forms, embeds, share elements, headings with a negative class weight, empty
/// paragraphs and, when the flag is on, the tables, lists and `<div>`s that look like
/// furniture (``cleanConditionally(_:)``).
struct ReadabilityCleaner {
    static let presentationalAttributes: Set<String> = [
        "align", "background", "bgcolor", "border", "cellpadding", "cellspacing", "frame", "hspace", "rules",
        "style", "valign", "vspace",
    ]
    static let sizedElements: Set<String> = ["table", "th", "td", "hr", "pre"]
    /// An element with "share" in its class or id is removed when its text is shorter.
    static let shareTextThreshold = 500

    let dom: ReadabilityDOM
    let article: Int
    let flags: ReadabilityGrabber.Flags
    var dataTables: Set<Int> = []
    /// Whether each node has a data table among its ancestors, worked out once per cleaning.
    private var insideDataTable: [Bool] = []

    init(dom: ReadabilityDOM, article: Int, flags: ReadabilityGrabber.Flags) {
        self.dom = dom
        self.article = article
        self.flags = flags
    }

    mutating func prepare() {
        cleanStyles()
        dataTables = ReadabilityTables.dataTables(in: dom, under: article)
        ReadabilityImages.fixLazyImages(in: dom, under: article)
        cleanConditionally("form")
        cleanConditionally("fieldset")
        for name in ["object", "embed", "footer", "link", "aside"] { clean(name) }
        removeShareElements()
        for name in ["iframe", "input", "textarea", "select", "button"] { clean(name) }
        for heading in dom.elements(under: article, named: ["h1", "h2"]).reversed() where classWeight(heading) < 0 {
            dom.remove(heading)
        }
        cleanConditionally("table")
        cleanConditionally("ul")
        cleanConditionally("div")
        for heading in dom.elements(under: article, named: ["h1"]) { dom.names[heading] = "h2" }
        removeEmptyParagraphs()
        for lineBreak in dom.elements(under: article, named: ["br"]) {
            var following = dom.next[lineBreak]
            while following >= 0, dom.isText[following], !dom.hasText(following) { following = dom.next[following] }
            if following >= 0, dom.names[following] == "p" { dom.remove(lineBreak) }
        }
        ReadabilityTables.unwrapSingleCellTables(in: dom, under: article)
    }

    func classWeight(_ node: Int) -> Int {
        guard flags.contains(.weightClasses) else { return 0 }
        return ReadabilityPatterns.classWeight(class: dom.attribute("class", of: node), id: dom.attribute("id", of: node))
    }

    private func cleanStyles() {
        dom.forEachDescendant(of: article) { node in
            guard !dom.isText[node] else { return false }
            if dom.names[node] == "svg" { return false }
            dom.attributes[node].removeAll {
                Self.presentationalAttributes.contains($0.name)
                    || (Self.sizedElements.contains(dom.names[node]) && ($0.name == "width" || $0.name == "height"))
            }
            return true
        }
    }

    /// Removes every `name` element, except embeds that show an allowed video.
    private func clean(_ name: String) {
        let isEmbed = ReadabilityMeasure.embedNames.contains(name)
        for node in dom.elements(under: article, named: [name]).reversed() {
            if isEmbed, dom.showsVideo(node) { continue }
            dom.remove(node)
        }
    }

    private func removeShareElements() {
        let measures = dom.measures(of: article)
        for child in dom.elementChildren(article) {
            var node = dom.nextNode(child)
            let end = dom.nextNode(child, skippingChildren: true)
            while node >= 0, node != end {
                if !dom.attributes[node].isEmpty, ReadabilityPatterns.isShareElement(dom.matchString(node)),
                    node >= measures.count || measures[node].text < Self.shareTextThreshold
                {
                    node = dom.removeAndGetNext(node)
                } else {
                    node = dom.nextNode(node)
                }
            }
        }
    }

    private func removeEmptyParagraphs() {
        let measures = dom.measures(of: article)
        for paragraph in dom.elements(under: article, named: ["p"]).reversed() {
            let measure = measures[paragraph]
            if measure.images + measure.embeds + measure.videos == 0, measure.nonSpace == 0 {
                dom.remove(paragraph)
            }
        }
    }

    /// Readability's `_cleanConditionally`: removes each `tag` element (innermost first) that
    /// has a negative class weight, or few commas and one of the signs of furniture: more
    /// images than paragraphs, list items outside a list, inputs, short linked text, link
    /// density over 0.2 (0.5 with a positive class), embeds, or no text in text elements.
    mutating func cleanConditionally(_ tag: String) {
        let nodes = dom.elements(under: article, named: [tag])
        guard flags.contains(.cleanConditionally), !nodes.isEmpty else { return }
        var measures = dom.measures(of: article, dataTables: dataTables)
        insideDataTable = [Bool](repeating: false, count: dom.count)
        if !dataTables.isEmpty {
            dom.forEachDescendant(of: article) { node in
                let owner = dom.parent[node]
                insideDataTable[node] = insideDataTable[owner] || dataTables.contains(owner)
                return true
            }
        }
        for node in nodes.reversed() {
            guard dom.parent[node] >= 0, node < measures.count, shouldRemove(node, tag: tag, measure: measures[node]) else {
                continue
            }
            let removed = measures[node]
            var ancestor = dom.parent[node]
            while ancestor >= 0, ancestor < measures.count {
                measures[ancestor].add(
                    child: removed, named: tag, isDataTable: dataTables.contains(node), isVideo: false, sign: -1)
                if ancestor == article { break }
                ancestor = dom.parent[ancestor]
            }
            dom.remove(node)
        }
    }

    private func shouldRemove(_ node: Int, tag: String, measure: ReadabilityMeasure) -> Bool {
        var isList = tag == "ul" || tag == "ol"
        if !isList, measure.text > 0 { isList = Double(measure.listText) / Double(measure.text) > 0.9 }
        if tag == "table", dataTables.contains(node) { return false }
        if insideDataTable[node] { return false }
        if dom.hasAncestor(node, named: "code") { return false }
        if measure.dataTables > 0 { return false }
        let weight = classWeight(node)
        if weight < 0 { return true }
        guard measure.commas < 10 else { return false }
        if measure.videos > 0 { return false }
        let paragraphs = measure.paragraphs
        let images = measure.images
        let listItems = measure.listItems - 100
        let contentLength = measure.text
        if contentLength < 40, ReadabilityPatterns.isAdOrLoadingText(dom.innerText(node)) { return true }
        let headingDensity = contentLength == 0 ? 0 : Double(measure.headingText) / Double(contentLength)
        let textDensity = contentLength == 0 ? 0 : Double(measure.textishText) / Double(contentLength)
        let linkDensity = measure.linkDensity
        let isFigureChild = dom.hasAncestor(node, named: "figure")
        var remove = false
        if !isFigureChild, images > 1, Double(paragraphs) / Double(images) < 0.5 { remove = true }
        if !isList, listItems > paragraphs { remove = true }
        if measure.inputs > paragraphs / 3 { remove = true }
        if !isList, !isFigureChild, headingDensity < 0.9, contentLength < 25, images == 0 || images > 2, linkDensity > 0 {
            remove = true
        }
        if !isList, weight < 25, linkDensity > 0.2 { remove = true }
        if weight >= 25, linkDensity > 0.5 { remove = true }
        if (measure.embeds == 1 && contentLength < 75) || measure.embeds > 1 { remove = true }
        if images == 0, textDensity == 0 { remove = true }
        if isList, remove {
            for child in dom.elementChildren(node) where dom.elementChildren(child).count > 1 { return true }
            if images == measure.listItems { return false }
        }
        return remove
    }
}
