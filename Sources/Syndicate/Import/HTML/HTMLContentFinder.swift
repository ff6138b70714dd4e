import Foundation

/// Finds the element that holds a page's article.
///
/// In order of preference: the `<article>` with the most text, the first `<main>` (or
/// `role=main`) with text, the first `itemprop=articleBody` with text, and else the densest
/// text block. Text inside elements ``HTMLElementFilter`` leaves out does not count, so an
/// `<article>` card in a "More recent posts" aside is never chosen.
///
/// The densest block is scored as Readability scores it, simplified: each run of text counts
/// its non-link characters (link text counts nothing, so link lists score zero); text in a
/// paragraph-like element (`p`, `pre`, `blockquote`, `li`, `dd`) credits the paragraph's parent
/// fully and its grandparent by half, text directly in a container credits the container fully
/// and its parent by half. The highest score wins. One pass, linear in the page.
struct HTMLContentFinder {
    static let paragraphLike: Set<String> = ["p", "pre", "blockquote", "li", "dd"]

    /// The chosen element, or nil when the page has no article text at all.
    private(set) var article: Int?
    /// Characters of text outside the elements left out, in the whole page.
    private(set) var keptCharacters = 0

    init(tree: HTMLTree, filter: HTMLElementFilter) {
        var kept = [Int](repeating: 0, count: tree.nodes.count)
        var score = [Int](repeating: 0, count: tree.nodes.count)
        var articles: [Int] = []
        var mains: [Int] = []
        var bodies: [Int] = []
        var blocks: [Int] = []
        var linkDepth = 0
        tree.walk(
            from: HTMLTree.document,
            skipping: { tree.traits($0).has(.dropped) || filter.skipsInText($0) }
        ) { step in
            switch step {
            case .enter(let node):
                let name = tree.name(node)
                if name == "a" { linkDepth += 1 }
                if name == "article" { articles.append(node) }
                if name == "main" || tree.attribute("role", of: node)?.lowercased() == "main" { mains.append(node) }
                if tree.attribute("itemprop", of: node)?.lowercased() == "articlebody" { bodies.append(node) }
                if tree.traits(node).has([.block, .cell]) { blocks.append(node) }
            case .exit(let node):
                if tree.name(node) == "a" { linkDepth -= 1 }
                if blocks.last == node { blocks.removeLast() }
                let parent = tree.nodes[node].parent
                if parent >= 0 { kept[parent] += kept[node] }
            case .text(let node):
                let length = tree.nodes[node].text.unicodeScalars.reduce(0) {
                    $0 + (Whitespace.isCollapsible($1) ? 0 : 1)
                }
                kept[tree.nodes[node].parent] += length
                guard linkDepth == 0, length > 0, let block = blocks.last else { return }
                let parent = tree.nodes[block].parent
                if tree.traits(block).has(.paragraphLike) {
                    if parent >= 0 { score[parent] += 2 * length }
                    let grandparent = parent > 0 ? tree.nodes[parent].parent : -1
                    if grandparent >= 0 { score[grandparent] += length }
                } else {
                    score[block] += 2 * length
                    if parent >= 0 { score[parent] += length }
                }
            }
        }
        keptCharacters = kept[HTMLTree.document]
        let largestArticle = articles.max { kept[$0] < kept[$1] }
        if let largestArticle, kept[largestArticle] > 0 {
            article = largestArticle
        } else if let main = mains.first(where: { kept[$0] > 0 }) {
            article = main
        } else if let body = bodies.first(where: { kept[$0] > 0 }) {
            article = body
        } else if let densest = score.indices.max(by: { score[$0] < score[$1] }), score[densest] > 0 {
            article = densest
        }
    }
}
