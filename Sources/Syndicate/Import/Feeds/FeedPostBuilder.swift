import Foundation

/// Turns a ``FeedEntry`` into a ``Post`` by the rules every feed format shares.
///
/// - The body becomes paragraphs through `HTMLText.paragraphs(fromHTML:)` (or blank-line
///   splitting for plain text), then `BoilerplateFilter.clean(_:title:)`; the filter's source,
///   author and tags are used only where the item gives none.
/// - An item without a title takes one from its text by ``FeedTitle``'s rule; with no text
///   either, it is an error naming the item number, which the feed readers turn into a skipped
///   item and an ``ImportWarning``.
/// - The id is the feed's own (guid, Atom id, JSON Feed id), else the item's URL, else a
///   digest of the title and body, so that re-reading the same feed gives the same ids.
enum FeedPostBuilder {
    /// The post for `entry`, the `number`th item (counting from 1) of the feed.
    ///
    /// - Throws: ``ImportError`` of kind `.missingField` when there is neither a title nor a body.
    static func post(
        from entry: FeedEntry,
        number: Int,
        fallbackAuthor: String?,
        fallbackLanguage: String?,
        format: ImportFormat,
        context: ImportContext
    ) throws(ImportError) -> Post {
        let paragraphs: [String]
        let markup: Post.Markup?
        // HTMLText collapses whitespace itself; the filter need not do it again.
        var collapsed = false
        switch entry.body {
        case .html(let html)?:
            paragraphs = HTMLText.paragraphs(fromHTML: html)
            collapsed = true
            markup = Post.Markup(kind: .html, content: html)
        case .text(let text)?:
            paragraphs = FeedText.paragraphs(fromText: text)
            markup = Post.Markup(kind: .text, content: text)
        case nil:
            paragraphs = []
            markup = nil
        }
        let cleaned = context.boilerplate.clean(paragraphs, title: entry.title, links: [:], alreadyCollapsed: collapsed)
        guard let title = entry.title ?? FeedTitle.derived(paragraphs: cleaned.paragraphs, entry: entry)
        else {
            throw ImportError(
                .missingField, input: context.inputName, format: format, location: "item \(number)",
                message: "item \(number) is empty: no title, text, link, id, author, date, category or image; there is nothing to post.")
        }
        let id = entry.id ?? entry.url?.absoluteString ?? digestID(title: title, paragraphs: cleaned.paragraphs)
        let post = Post(
            id: id,
            title: title,
            url: entry.url,
            summary: ExcerptCleaner.summary(entry.summary, body: cleaned.paragraphs, filter: context.boilerplate),
            paragraphs: cleaned.paragraphs,
            markup: markup,
            author: entry.author ?? fallbackAuthor ?? cleaned.author,
            published: entry.published,
            updated: entry.updated,
            tags: entry.tags.isEmpty ? cleaned.tags : entry.tags,
            images: entry.images,
            source: entry.source ?? cleaned.source,
            language: entry.language ?? fallbackLanguage
        )
        return try FieldLengthLimit.checked(post, context: context, format: format, location: "item \(number)")
    }

    /// `urn:syndicate:<16 hex digits>`: FNV-1a (64-bit) of the title and body, stable across runs.
    static func digestID(title: String, paragraphs: [String]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in title.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        for paragraph in paragraphs {
            hash = (hash ^ 0x0A) &* 0x0000_0100_0000_01B3
            for byte in paragraph.utf8 {
                hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
            }
        }
        let hex = String(hash, radix: 16)
        return "urn:syndicate:" + String(repeating: "0", count: 16 - hex.count) + hex
    }
}
