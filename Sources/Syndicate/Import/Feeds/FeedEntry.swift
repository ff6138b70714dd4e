import Foundation

/// The fields of one feed item as the format states them, before the shared rules
/// (title from the body, boilerplate, id fallback) turn it into a ``Post``.
struct FeedEntry {
    /// The body as the item carries it.
    enum Body {
        /// HTML markup (RSS `content:encoded`/`description`, Atom `html`/`xhtml`, JSON Feed `content_html`).
        case html(String)
        /// Plain text (Atom `text`, JSON Feed `content_text`).
        case text(String)
    }

    var id: String?
    var title: String?
    var url: URL?
    var summary: String?
    var body: Body?
    var author: String?
    var published: Date?
    var updated: Date?
    var tags: [String] = []
    var images: [Post.Image] = []
    var language: String?
    var source: Post.Source?

    /// Where each image URL is in ``images``, so that de-duplication stays linear.
    private var imageIndex: [URL: Int] = [:]

    /// Appends `image`; when its URL is already listed, fills in what the earlier one lacks.
    mutating func addImage(_ image: Post.Image?) {
        guard let image else { return }
        guard let index = imageIndex[image.url] else {
            imageIndex[image.url] = images.count
            images.append(image)
            return
        }
        images[index].alt = images[index].alt ?? image.alt
        images[index].width = images[index].width ?? image.width
        images[index].height = images[index].height ?? image.height
    }
}
