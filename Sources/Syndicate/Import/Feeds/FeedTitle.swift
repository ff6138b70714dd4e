import Foundation

/// The title of an item that has none, taken from its text as feed readers do.
///
/// The rule, first match wins: the first sentence of the item's first paragraph of body text
/// (after boilerplate is removed); the first sentence of its summary; the alt text of its first
/// image; its link, as written (an item that is only a link is a post that shares that link);
/// else ``untitled`` — `Untitled`, as feed readers label such items — when the item has anything
/// else a post carries (an id, author, date, category, image, enclosure or body markup).
/// A sentence longer than ``maxCharacters`` is cut at the last word boundary before the limit
/// and ends in `…`. An item with nothing at all is skipped with an ``ImportWarning``; a title
/// from the link or `Untitled` is reported with an ``ImportWarning`` of kind `derivedTitle`.
enum FeedTitle {
    /// The title of an item with no text and no link but other content.
    static let untitled = "Untitled"

    /// The longest derived title, in characters, before the ellipsis.
    static let maxCharacters = 100

    /// The title derived from `paragraphs` (the cleaned body), else from `entry`'s summary, first
    /// image's alt text or link; nil when the item has none of them.
    static func derived(paragraphs: [String], entry: FeedEntry) -> String? {
        for text in [paragraphs.first { !$0.isEmpty }, entry.summary, entry.images.first?.alt] {
            if let text, let sentence = SentenceSplitter.sentences(in: text).first, !sentence.isEmpty {
                return shortened(sentence)
            }
        }
        if let url = entry.url { return url.absoluteString }
        let hasContent =
            entry.id != nil || entry.body != nil || entry.author != nil || entry.published != nil
            || entry.updated != nil || !entry.tags.isEmpty || !entry.images.isEmpty || entry.source != nil
        return hasContent ? untitled : nil
    }

    /// `text` when it fits, else its words up to ``maxCharacters`` followed by `…`.
    static func shortened(_ text: String) -> String {
        guard text.count > maxCharacters else { return text }
        let head = text.prefix(maxCharacters)
        let cut = head.lastIndex(where: \.isWhitespace).map { head[..<$0] } ?? head
        let trimmed = cut.trimmingCharacters(in: .whitespaces.union(.punctuationCharacters))
        return (trimmed.isEmpty ? String(head) : trimmed) + "…"
    }
}
