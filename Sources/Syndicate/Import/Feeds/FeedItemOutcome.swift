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
            warnings.append(skipped(number, reference: reference, error: error, context: context))
            return nil
        }
    }

    /// The warning for item `number`, skipped because of `error`.
    static func skipped(_ number: Int, reference: String?, error: ImportError, context: ImportContext) -> ImportWarning {
        ImportWarning(
            .skippedItem, input: context.inputName, item: number, reference: reference,
            message: "skipped: \(error.message)", cause: error.kind)
    }

    /// The error for a feed whose every item was skipped: the first item's own error (its kind,
    /// place and message), saying how many items went the same way.
    static func nothingImported(_ warnings: [ImportWarning], format: ImportFormat?, context: ImportContext) -> ImportError {
        let skipped = warnings.filter { $0.kind == .skippedItem }
        guard let first = skipped.first else {
            return ImportError(
                .noContent, input: context.inputName, format: format,
                message: "the feed has no item that could be read; there is nothing to import.")
        }
        let reason = String(first.message.dropFirst("skipped: ".count))
        let others = skipped.count > 1 ? " Every one of the feed's \(skipped.count) items was skipped; there is nothing to import." : ""
        return ImportError(
            first.cause ?? .noContent, input: context.inputName, format: format, location: first.item.map { "item \($0)" },
            message: reason + others)
    }
}
