import Foundation

/// The images an RSS item or Atom entry declares, in document order: RSS `enclosure` and Atom
/// `link rel="enclosure"` with an image type, Media RSS `media:content` (medium `image`, or an
/// image type) and `media:thumbnail`, also inside `media:group`. URLs are resolved against
/// each element's base; width and height are kept when given; `media:description` (else
/// `media:title`) is the alt text.
enum FeedImages {
    /// Adds the images `node`'s children declare to `entry`.
    static func add(from node: XMLNode, to entry: inout FeedEntry) {
        for case .element(let child) in node.children {
            let namespace = child.name.namespace
            switch child.name.local {
            case "enclosure" where Namespace.rss.contains(namespace):
                if isImage(type: child.attribute("type")) {
                    entry.addImage(image(child.attribute("url"), node: child))
                }
            case "link" where Namespace.atomAny.contains(namespace):
                if child.attribute("rel") == "enclosure", isImage(type: child.attribute("type")) {
                    entry.addImage(image(child.attribute("href"), node: child))
                }
            case "group" where Namespace.media.contains(namespace):
                for case .element(let member) in child.children where Namespace.media.contains(member.name.namespace) {
                    addMedia(member, to: &entry)
                }
            default:
                if Namespace.media.contains(namespace) { addMedia(child, to: &entry) }
            }
        }
    }

    private static func addMedia(_ node: XMLNode, to entry: inout FeedEntry) {
        switch node.name.local {
        case "content":
            let medium = node.attribute("medium")?.lowercased()
            guard medium == "image" || (medium == nil && isImage(type: node.attribute("type"))) else { return }
            var image = image(node.attribute("url"), node: node)
            image?.alt =
                FeedText.plain(node.element("description", in: Namespace.media)?.text)
                ?? FeedText.plain(node.element("title", in: Namespace.media)?.text)
            entry.addImage(image)
        case "thumbnail":
            entry.addImage(image(node.attribute("url"), node: node))
        default:
            break
        }
    }

    /// Whether a MIME type names an image.
    static func isImage(type: String?) -> Bool {
        type?.trimmingCharacters(in: .whitespaces).lowercased().hasPrefix("image/") == true
    }

    /// An image at `url` (resolved against the node's base) with the node's width and height.
    private static func image(_ url: String?, node: XMLNode) -> Post.Image? {
        guard let url, let absolute = FeedURL.resolve(url, against: node.base) else { return nil }
        return Post.Image(
            url: absolute, alt: nil,
            width: FeedText.dimension(node.attribute("width")),
            height: FeedText.dimension(node.attribute("height")))
    }
}
