import Foundation

/// What the parser and the text rules know about an element name, looked up once per tag so
/// that later decisions test bits instead of hashing the name again.
struct HTMLTag {
    /// The roles an element name plays.
    struct Traits: OptionSet, Hashable {
        let rawValue: UInt32

        /// Whether any of `traits` is set: a plain bit test, cheap even in unoptimised builds.
        func has(_ traits: Traits) -> Bool {
            rawValue & traits.rawValue != 0
        }

        /// Never has children (`<br>`, `<img>`, `<meta>`).
        static let void = Traits(rawValue: 1 << 0)
        /// Its start tag closes an open `<p>`.
        static let closesParagraph = Traits(rawValue: 1 << 1)
        /// Hides an open `<p>`, `<li>`… from start tags inside it.
        static let scopeBoundary = Traits(rawValue: 1 << 2)
        /// `<h1>`…`<h6>`.
        static let heading = Traits(rawValue: 1 << 3)
        /// Starts and ends a paragraph of text.
        static let block = Traits(rawValue: 1 << 4)
        /// Dropped from text with its content.
        static let dropped = Traits(rawValue: 1 << 5)
        /// Its content is raw text (script, style, title…).
        static let rawText = Traits(rawValue: 1 << 6)
        /// Text in it credits its parent when scoring density.
        static let paragraphLike = Traits(rawValue: 1 << 7)
        /// A table cell.
        static let cell = Traits(rawValue: 1 << 8)
        /// Takes part in the builder's implied-end rules (`p`, `li`, `td`, `a`, lists, tables…).
        static let scoped = Traits(rawValue: 1 << 9)
    }

    /// The traits of every element name with any.
    static let traits: [String: Traits] = {
        var table: [String: Traits] = [:]
        func add(_ names: Set<String>, _ trait: Traits) {
            for name in names { table[name, default: []].insert(trait) }
        }
        add(HTMLTreeBuilder.voidElements, .void)
        add(HTMLTreeBuilder.closesParagraph, .closesParagraph)
        add(HTMLTreeBuilder.scopeBoundaries, .scopeBoundary)
        add(HTMLTreeBuilder.headings, .heading)
        add(HTMLTreeBuilder.scopedElements, .scoped)
        add(HTMLText.blockElements, .block)
        add(HTMLText.droppedElements, .dropped)
        add(HTMLTokenizer.rawTextElements.union(HTMLTokenizer.escapableRawTextElements), .rawText)
        add(HTMLContentFinder.paragraphLike, .paragraphLike)
        add(["td", "th"], .cell)
        return table
    }()
}
