import Foundation

/// Builds an ``HTMLTree`` from tokens, repairing what real pages leave out.
///
/// The rules are a small, linear subset of the HTML5 tree construction:
/// - void elements (`<br>`, `<img>`, `<meta>`…) and `<x/>` never take children;
/// - `<p>` is closed by a block element or another `<p>`; `<li>` by the next `<li>` of the same
///   list; `<dd>`/`<dt>` by the next of either; `<td>`/`<th>` by the next cell or row; `<tr>` by
///   the next row; `<option>` by the next option; `<a>` by the next `<a>`; a heading by a heading
///   that starts inside it;
/// - an end tag closes the nearest open element of that name and everything opened after it;
///   an end tag with no open element of its name is ignored;
/// - elements nested deeper than `maxDepth` are flattened: their tags are dropped and their
///   content joins the deepest element allowed, so depth never grows past the cap.
///
/// Each open element records the nearest open `<p>`, `<li>`… that its start would close, so
/// no decision scans the stack; an end tag's scan stops at the element it closes, which it then
/// pops, so the whole build is linear in the input.
enum HTMLTreeBuilder {
    static let voidElements: Set<String> = [
        "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "img", "input", "keygen",
        "link", "meta", "param", "source", "track", "wbr",
    ]

    /// Start tags that close an open `<p>`.
    static let closesParagraph: Set<String> = [
        "address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div", "dl", "fieldset",
        "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr",
        "li", "dd", "dt", "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "ul", "xmp",
    ]

    static let headings: Set<String> = ["h1", "h2", "h3", "h4", "h5", "h6"]

    /// Elements named in the implied-end rules: their start tags set or reset a scope, or close
    /// an open element of their kind.
    static let scopedElements: Set<String> = [
        "a", "dd", "dl", "dt", "li", "ol", "optgroup", "option", "p", "table", "tbody", "td", "tfoot", "th",
        "thead", "tr", "ul",
    ]

    /// Elements that hide any open `<p>`, `<li>`, `<dd>`/`<dt>` from a start tag inside them.
    static let scopeBoundaries: Set<String> = [
        "html", "table", "td", "th", "caption", "button", "template", "object", "marquee", "applet", "svg", "math",
    ]

    /// For an open element, the stack positions of the elements a new start tag may close.
    private struct Scope {
        var paragraph = -1
        var listItem = -1
        var definition = -1
        var cell = -1
        var row = -1
        var option = -1
        var link = -1
    }

    private struct OpenElement {
        var node: Int
        var scope: Scope
    }

    /// Parses `html` into a tree whose element depth never exceeds `maxDepth`.
    static func build(_ html: String, maxDepth: Int) -> HTMLTree {
        let bytes = Array(html.utf8)
        var builder = State(bytes: bytes, maxDepth: max(1, maxDepth))
        var tokenizer = HTMLTokenizer(bytes: bytes)
        while let token = tokenizer.next() {
            builder.consume(token, start: tokenizer.tokenStart, end: tokenizer.tokenEnd)
        }
        builder.closeAll(at: bytes.count)
        return HTMLTree(nodes: builder.nodes, source: bytes)
    }

    private struct State {
        var nodes: [HTMLTree.Node]
        var stack: [OpenElement]
        let maxDepth: Int
        /// Each tag name seen after the first eight (`firstTags`), with a small number standing
        /// for it and its traits, so that each tag is hashed once.
        var tags: [String: (id: Int, traits: HTMLTag.Traits)] = [:]
        /// The first eight tag names seen, with their numbers and traits, searched before `tags`.
        var firstTags: [(name: String, entry: (id: Int, traits: HTMLTag.Traits))] = []
        /// How many elements of each tag number are open, so a stray end tag is rejected at once.
        var openCount: [Int] = []
        /// How many elements of each tag number were flattened and still await their end tag.
        var flattened: [Int] = []
        /// The tag number of each open element, parallel to `stack`.
        var openTags: [Int] = [0]
        /// Set after a flattened raw-text element: its text is dropped.
        var dropNextText = false
        /// Which of `html`, `head` and `body` have started: a second start tag adds nothing.
        var startedDocumentElements: Set<String> = []

        init(bytes: [UInt8], maxDepth: Int) {
            nodes = [
                HTMLTree.Node(
                    kind: .document, name: "", text: "", attributes: [], parent: -1, start: 0, end: bytes.count)
            ]
            stack = [OpenElement(node: HTMLTree.document, scope: Scope())]
            self.maxDepth = maxDepth
        }

        var current: Int { stack[stack.count - 1].node }

        /// The number and traits of tag `name`, assigning a number at first sight.
        ///
        /// The first few tag names a document uses are searched linearly before the dictionary:
        /// a feed item's HTML uses a handful (`p`, `a`, `em`…), and comparing short names costs
        /// less than hashing one.
        mutating func tag(_ name: String) -> (id: Int, traits: HTMLTag.Traits) {
            for index in firstTags.indices where firstTags[index].name == name { return firstTags[index].entry }
            if let known = tags[name] { return known }
            let entry = (id: openCount.count, traits: HTMLTag.traits[name] ?? [])
            if firstTags.count < 8 {
                firstTags.append((name, entry))
            } else {
                tags[name] = entry
            }
            openCount.append(0)
            flattened.append(0)
            return entry
        }

        mutating func consume(_ token: HTMLTokenizer.Token, start: Int, end: Int) {
            let dropText = dropNextText
            dropNextText = false
            switch token {
            case .text(let text):
                if dropText { return }
                append(HTMLTree.Node(kind: .text, name: "", text: text, attributes: [], parent: current, start: start, end: end))
            case .startTag(let name, let attributes, let selfClosing):
                startTag(name, attributes, selfClosing: selfClosing, start: start, end: end)
            case .endTag(let name):
                endTag(name, start: start, end: end)
            }
        }

        private mutating func startTag(
            _ name: String, _ attributes: [HTMLAttribute], selfClosing: Bool, start: Int, end: Int
        ) {
            let (id, traits) = tag(name)
            if name.utf8.count == 4, name == "html" || name == "body" || name == "head" {
                guard startedDocumentElements.insert(name).inserted else { return }
            }
            closeImplied(by: name, traits, at: start)
            let isVoid = traits.has(.void) || selfClosing
            if !isVoid, stack.count > maxDepth {
                flattened[id] += 1
                if traits.has(.rawText) { dropNextText = true }
                return
            }
            var node = HTMLTree.Node(
                kind: .element, name: name, text: "", attributes: attributes, parent: current, start: start, end: end)
            node.traits = traits
            let index = append(consume node)
            guard !isVoid else { return }
            var scope = stack[stack.count - 1].scope
            let position = stack.count
            if traits.has(.scopeBoundary) {
                scope.paragraph = -1
                scope.listItem = -1
                scope.definition = -1
                scope.option = -1
            }
            if traits.has(.scoped) {
                switch name {
                case "table": scope.cell = -1; scope.row = -1
                case "ul", "ol": scope.listItem = -1
                case "dl": scope.definition = -1
                case "p": scope.paragraph = position
                case "li": scope.listItem = position
                case "dd", "dt": scope.definition = position
                case "td", "th": scope.cell = position
                case "tr": scope.row = position; scope.cell = -1
                case "option": scope.option = position
                case "a": scope.link = position
                default: break
                }
            }
            stack.append(OpenElement(node: index, scope: scope))
            openTags.append(id)
            openCount[id] += 1
        }

        /// Closes the elements a start tag `name` implies the end of.
        private mutating func closeImplied(by name: String, _ traits: HTMLTag.Traits, at offset: Int) {
            let scope = stack[stack.count - 1].scope
            if traits.has(.closesParagraph), scope.paragraph > 0 {
                pop(to: scope.paragraph, at: offset)
            }
            if traits.has(.heading), nodes[current].traits.has(.heading) {
                pop(to: stack.count - 1, at: offset)
            }
            guard traits.has(.scoped) else { return }
            let scopeNow = stack[stack.count - 1].scope
            switch name {
            case "a" where scopeNow.link > 0:  // links do not nest; browsers close the open one
                pop(to: scopeNow.link, at: offset)
            case "li" where scopeNow.listItem > 0:
                pop(to: scopeNow.listItem, at: offset)
            case "dd" where scopeNow.definition > 0, "dt" where scopeNow.definition > 0:
                pop(to: scopeNow.definition, at: offset)
            case "td" where scopeNow.cell > 0, "th" where scopeNow.cell > 0:
                pop(to: scopeNow.cell, at: offset)
            case "tr" where scopeNow.row > 0, "tbody" where scopeNow.row > 0, "thead" where scopeNow.row > 0,
                "tfoot" where scopeNow.row > 0:
                pop(to: scopeNow.row, at: offset)
            case "tr" where scopeNow.cell > 0:
                pop(to: scopeNow.cell, at: offset)
            case "option" where scopeNow.option > 0, "optgroup" where scopeNow.option > 0:
                pop(to: scopeNow.option, at: offset)
            default:
                break
            }
        }

        private mutating func endTag(_ name: String, start: Int, end: Int) {
            let (id, traits) = tag(name)
            if flattened[id] > 0 {
                flattened[id] -= 1
                return
            }
            guard openCount[id] > 0 else {
                if name == "br" {  // `</br>` is a `<br>`, as browsers read it
                    var node = HTMLTree.Node(
                        kind: .element, name: "br", text: "", attributes: [], parent: current, start: start, end: end)
                    node.traits = traits
                    append(consume node)
                }
                return
            }
            var position = stack.count - 1
            while position > 0, openTags[position] != id { position -= 1 }
            guard position > 0 else { return }
            nodes[stack[position].node].end = end
            pop(to: position, at: start, keepingEndOf: stack[position].node)
        }

        /// Pops the stack down to and including `position`, ending each popped element at `offset`.
        private mutating func pop(to position: Int, at offset: Int, keepingEndOf kept: Int = -1) {
            while stack.count > position {
                let node = stack.removeLast().node
                if node != kept { nodes[node].end = offset }
                openCount[openTags.removeLast()] -= 1
            }
        }

        mutating func closeAll(at offset: Int) {
            if stack.count > 1 { pop(to: 1, at: offset) }
        }

        @discardableResult
        /// Appends `node` under its parent; consumed, so that it is moved into the array, not copied.
        private mutating func append(_ node: consuming HTMLTree.Node) -> Int {
            let index = nodes.count
            let parent = node.parent
            nodes.append(node)
            let previous = nodes[parent].lastChild
            if previous >= 0 {
                nodes[previous].nextSibling = index
            } else {
                nodes[parent].firstChild = index
            }
            nodes[parent].lastChild = index
            return index
        }
    }
}
