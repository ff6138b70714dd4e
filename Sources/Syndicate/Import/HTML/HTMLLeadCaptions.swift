import Foundation

/// The captions of a lead image: `<figcaption>`s that come before any other text of the
/// article. They stay out of the paragraphs, so that a post's lead is its first sentence of
/// prose rather than "Photo: …"; captions further down are part of the text, as Readability
/// keeps them.
enum HTMLLeadCaptions {
    /// The `<figcaption>` elements under `root` that precede all other text.
    static func find(in tree: HTMLTree, from root: Int = HTMLTree.document) -> Set<Int> {
        var captions: Set<Int> = []
        var openCaption = -1
        var seenText = false
        tree.walk(from: root, skipping: { seenText || tree.traits($0).has(.dropped) }) { step in
            switch step {
            case .enter(let node):
                if openCaption < 0, tree.name(node) == "figcaption" { openCaption = node }
            case .exit(let node):
                if node == openCaption {
                    captions.insert(node)
                    openCaption = -1
                }
            case .text(let node):
                if openCaption < 0, !tree.nodes[node].text.unicodeScalars.allSatisfy(Whitespace.isCollapsible) {
                    seenText = true
                }
            }
        }
        return captions
    }
}
