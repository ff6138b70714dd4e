import Foundation

/// What Readability asks of an element's subtree, worked out for every element of a subtree in
/// one bottom-up pass (``ReadabilityDOM/measures(of:dataTables:)``) rather than by walking the
/// subtree again for each question, which is quadratic in the page's depth.
struct ReadabilityMeasure {
    /// The length of the text content with each whitespace run counted as one character,
    /// untrimmed, and whether it starts or ends with whitespace: Readability's trimmed and
    /// normalised `_getInnerText` length is ``text``.
    var raw = 0
    var leadingSpace = false
    var trailingSpace = false
    /// Characters of text that are not whitespace.
    var nonSpace = 0
    /// The text length inside links, a `#fragment` link's counting 0.3.
    var link = 0.0
    /// Commas of any script in the text.
    var commas = 0
    /// Summed text lengths of descendant headings, of descendant "textish" elements (`span`,
    /// `li`, `td` and the DIV_TO_P elements), and of descendant lists: nested ones count
    /// again, as in Readability's `_getTextDensity`.
    var headingText = 0
    var textishText = 0
    var listText = 0
    /// Descendant counts by tag.
    var paragraphs = 0
    var images = 0
    var listItems = 0
    var inputs = 0
    /// `object`, `embed` and `iframe` descendants; those that show an allowed video count in
    /// `videos` instead.
    var embeds = 0
    var videos = 0
    var dataTables = 0

    /// The link density, 0 for an element without text.
    var linkDensity: Double {
        text == 0 ? 0 : link / Double(text)
    }

    static let textish: Set<String> = [
        "span", "li", "td", "blockquote", "dl", "div", "img", "ol", "p", "pre", "table", "ul",
    ]
    static let headings: Set<String> = ["h1", "h2", "h3", "h4", "h5", "h6"]
    static let embedNames: Set<String> = ["object", "embed", "iframe"]

    /// The length of the trimmed text, whitespace runs counted once.
    var text: Int {
        max(0, raw - (leadingSpace ? 1 : 0) - (trailingSpace ? 1 : 0) + (leadingSpace && raw == 1 ? 1 : 0))
    }

    /// The measure of one text node.
    init(text string: String) {
        var inSpace = false
        var first = true
        for scalar in string.unicodeScalars {
            let isSpace = Whitespace.isCollapsible(scalar)
            if first { leadingSpace = isSpace }
            first = false
            if isSpace {
                if !inSpace { raw += 1 }
                inSpace = true
                continue
            }
            inSpace = false
            raw += 1
            nonSpace += 1
            if ReadabilityPatterns.commas.contains(scalar) { commas += 1 }
        }
        trailingSpace = inSpace
    }

    init() {}

    /// Puts `child`'s text before this one's: the measures are built from the last child to
    /// the first, and a whitespace run across the boundary counts once.
    mutating func prependText(of child: ReadabilityMeasure) {
        guard child.raw > 0 else { return }
        guard raw > 0 else {
            raw = child.raw
            leadingSpace = child.leadingSpace
            trailingSpace = child.trailingSpace
            return
        }
        raw += child.raw - (child.trailingSpace && leadingSpace ? 1 : 0)
        leadingSpace = child.leadingSpace
    }

    /// Adds a child element's measure (and the child itself, as a descendant) to this one;
    /// with `sign` -1, takes a removed child's away again.
    mutating func add(child: ReadabilityMeasure, named name: String, isDataTable: Bool, isVideo: Bool, sign: Int = 1) {
        func count(_ condition: Bool) -> Int { condition ? sign : 0 }
        if sign > 0 { prependText(of: child) } else { raw -= child.text }
        nonSpace += sign * child.nonSpace
        link += Double(sign) * child.link
        commas += sign * child.commas
        headingText += sign * child.headingText + (Self.headings.contains(name) ? sign * child.text : 0)
        textishText += sign * child.textishText + (Self.textish.contains(name) ? sign * child.text : 0)
        listText += sign * child.listText + (name == "ul" || name == "ol" ? sign * child.text : 0)
        paragraphs += sign * child.paragraphs + count(name == "p")
        images += sign * child.images + count(name == "img")
        listItems += sign * child.listItems + count(name == "li")
        inputs += sign * child.inputs + count(name == "input")
        let isEmbed = Self.embedNames.contains(name)
        embeds += sign * child.embeds + count(isEmbed && !isVideo)
        videos += sign * child.videos + count(isEmbed && isVideo)
        dataTables += sign * child.dataTables + count(isDataTable)
    }
}

extension ReadabilityDOM {
    /// The measure of `root` and every node below it, indexed by node (other entries empty).
    func measures(of root: Int, dataTables: Set<Int> = []) -> [ReadabilityMeasure] {
        var result = [ReadabilityMeasure](repeating: ReadabilityMeasure(), count: count)
        var order = [root]
        forEachDescendant(of: root) { node in
            order.append(node)
            return true
        }
        for node in order.reversed() {
            if isText[node] {
                result[node] = ReadabilityMeasure(text: texts[node])
            } else if names[node] == "a" {
                result[node].link = Double(result[node].text) * linkWeight(node)
            }
            guard node != root else { continue }
            let owner = parent[node]
            if isText[node] {
                result[owner].prependText(of: result[node])
                result[owner].nonSpace += result[node].nonSpace
                result[owner].commas += result[node].commas
            } else {
                result[owner].add(
                    child: result[node], named: names[node], isDataTable: dataTables.contains(node),
                    isVideo: ReadabilityMeasure.embedNames.contains(names[node]) && showsVideo(node))
            }
        }
        return result
    }

    /// 0.3 for a link to a `#fragment` of the page, else 1.
    func linkWeight(_ link: Int) -> Double {
        let href = attribute("href", of: link) ?? ""
        return href.count > 1 && href.hasPrefix("#") ? 0.3 : 1
    }

    /// The weighted text length of link `link`.
    func linkLength(_ link: Int) -> Double {
        Double(innerText(link).unicodeScalars.count) * linkWeight(link)
    }

    /// Whether one of the attributes of `node` points at an allowed video host.
    func showsVideo(_ node: Int) -> Bool {
        attributes[node].contains { ReadabilityPatterns.isVideo($0.value) }
    }

    /// The text under `node`, whitespace collapsed (Readability's `_getInnerText`); with
    /// `limit`, stops collecting once more than that many non-space characters are in hand.
    func innerText(_ node: Int, limit: Int = .max) -> String {
        if isText[node] { return Whitespace.collapse(texts[node]) }
        var text = String()
        var nonSpace = 0
        forEachDescendant(of: node) { child in
            if nonSpace > limit { return false }
            if isText[child] {
                text += texts[child]
                if limit < .max { nonSpace += ReadabilityMeasure(text: texts[child]).nonSpace }
            }
            return true
        }
        return Whitespace.collapse(text)
    }

    /// Whether the text under `node` has anything but whitespace.
    func hasText(_ node: Int) -> Bool {
        if isText[node] { return !texts[node].unicodeScalars.allSatisfy(Whitespace.isCollapsible) }
        var found = false
        forEachDescendant(of: node) { child in
            if found { return false }
            if isText[child], !texts[child].unicodeScalars.allSatisfy(Whitespace.isCollapsible) { found = true }
            return !found
        }
        return found
    }
}
