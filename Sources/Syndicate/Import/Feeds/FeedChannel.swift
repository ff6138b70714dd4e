import Foundation

/// What a feed says about itself that its items fall back on: the link relative URLs resolve
/// against, the language and the author. Filled from the channel's (or Atom feed's) own
/// elements as they stream past, so only those that come before an item apply to it — which is
/// where every feed writer puts them.
struct FeedChannel {
    /// The `xml:base` in effect on the root and channel elements, resolved; nil when none is given.
    var xmlBase: URL?
    /// `xml:lang` on the root or channel element.
    var xmlLanguage: String?
    /// The channel's `<link>` (Atom: `link rel="alternate"`), absolute.
    var link: URL?
    /// The channel's `<language>` or `dc:language`.
    var language: String?
    /// The channel's `dc:creator`, `managingEditor`, `author` or Atom `author/name`.
    var author: String?

    /// The base an item's relative links resolve against: `xml:base`, else the channel link,
    /// else the context's base URL.
    func itemBase(context: ImportContext) -> URL? {
        xmlBase ?? link ?? context.baseURL
    }

    /// Takes what it needs from a completed channel-level element.
    mutating func absorb(_ node: XMLNode, context: ImportContext) {
        let base = xmlBase ?? context.baseURL
        let namespace = node.name.namespace
        switch node.name.local {
        case "link" where Namespace.rss.contains(namespace):
            if link == nil, let text = node.trimmedText { link = FeedURL.resolve(text, against: base) }
        case "link" where Namespace.atomAny.contains(namespace):
            let rel = node.attribute("rel") ?? "alternate"
            if link == nil, rel == "alternate", let href = node.attribute("href") {
                link = FeedURL.resolve(href, against: node.base ?? base)
            }
        case "language" where Namespace.rss.contains(namespace) || Namespace.dc.contains(namespace):
            if language == nil { language = node.trimmedText }
        case "creator" where Namespace.dc.contains(namespace):
            author = author ?? FeedText.plain(node.text)
        case "managingEditor" where Namespace.rss.contains(namespace),
            "author" where Namespace.rss.contains(namespace):
            author = author ?? FeedText.authorName(node.text)
        case "author" where Namespace.atomAny.contains(namespace):
            author = author ?? FeedText.plain(node.element("name", in: Namespace.atomAny)?.text)
        default:
            break
        }
    }
}
