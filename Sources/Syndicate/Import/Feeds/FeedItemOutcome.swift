import Foundation

/// One item's fate: a post, or a skip with a warning, so that one bad item never sinks a feed.
enum FeedItemOutcome {
    /// The post for `entry`, the `number`th item; nil when it cannot become one, after appending
    /// an ``ImportWarning`` that names the item and why. An item titled by its link or as
    /// `Untitled` (it has no text) also gets a warning (``ImportWarning/Kind/derivedTitle``).
    static func post(
        from entry: FeedEntry,
        number: Int,
        fallbackAuthor: String?,
        fallbackLanguage: String?,
        format: ImportFormat,
        context: ImportContext,
        warnings: inout [ImportWarning]
    ) -> Post? {
        var reference: String? { entry.id ?? entry.url?.absoluteString }
        do {
            let post = try FeedPostBuilder.post(
                from: entry, number: number, fallbackAuthor: fallbackAuthor, fallbackLanguage: fallbackLanguage,
                format: format, context: context)
            // A title from the item's own text is the documented rule for untitled items (as
            // microblog feeds publish them); one from the link or "Untitled" is worth a look.
            if entry.title == nil, post.title == FeedTitle.untitled || post.title == entry.url?.absoluteString {
                let how =
                    post.title == FeedTitle.untitled
                    ? "it has no text or link either, so it is titled \"\(FeedTitle.untitled)\""
                    : "it has no text either, so its link is the title"
                warnings.append(
                    ImportWarning(
                        .derivedTitle, input: context.inputName, item: number, reference: reference,
                        message: "item \(number) has no title; \(how)."))
            }
            return post
        } catch {
            warnings.append(
                ImportWarning(
                    .skippedItem, input: context.inputName, item: number, reference: reference,
                    message: "skipped: \(error.message)"))
            return nil
        }
    }

    /// The error for a feed whose every item was skipped, quoting the first reason.
    static func nothingImported(_ warnings: [ImportWarning], format: ImportFormat?, context: ImportContext) -> ImportError {
        let first = warnings.first { $0.kind == .skippedItem }
        let reason = first.map { " (the first: \($0.message.dropFirst("skipped: ".count)))" } ?? ""
        return ImportError(
            .noContent, input: context.inputName, format: format, location: first?.item.map { "item \($0)" },
            message: "every item of the feed was skipped\(reason); there is nothing to import.")
    }
}
