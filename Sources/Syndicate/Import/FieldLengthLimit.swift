import Foundation

/// Enforces ``ImportLimits/maxFieldBytes`` on an imported post: every importer passes its posts
/// through ``checked(_:context:format:location:)`` before returning them, and so should a
/// ``PostImporter`` of your own.
public enum FieldLengthLimit {
    /// `post` unchanged when each of its single-valued fields is within the limit.
    ///
    /// - Parameters:
    ///   - post: The imported post.
    ///   - context: The import's context; its ``ImportLimits/maxFieldBytes`` applies.
    ///   - format: The format being imported, for the error.
    ///   - location: Where the post is in the input (`item 3`), for the error.
    /// - Returns: `post`.
    /// - Throws: ``ImportError`` of kind `.tooLarge` naming the first field over the limit.
    public static func checked(
        _ post: Post, context: ImportContext, format: ImportFormat, location: String? = nil
    ) throws(ImportError) -> Post {
        let limit = context.limits.maxFieldBytes
        var fields: [(name: String, value: String?)] = [
            ("id", post.id), ("title", post.title), ("url", post.url?.absoluteString), ("author", post.author),
            ("language", post.language), ("source", post.source?.name),
            ("source url", post.source?.url?.absoluteString),
        ]
        fields += post.tags.map { ("tag", $0) }
        fields += post.images.flatMap { [("image url", $0.url.absoluteString), ("image alt text", $0.alt)] }
        for (name, value) in fields {
            guard let value, value.utf8.count > limit else { continue }
            throw ImportError(
                .tooLarge, input: context.inputName, format: format, location: location,
                message: "the \(name) is \(InputText.byteCount(value.utf8.count)), over the "
                    + "\(InputText.byteCount(limit)) field limit; raise ImportLimits.maxFieldBytes if it is genuine.")
        }
        guard post.images.contains(where: \.url.isFileURL) else { return post }
        // A document may name `file:` images; only those beside a post read from disk are kept,
        // so that an imported page cannot make Syndicate read (and publish) any file.
        var kept = post
        kept.images.removeAll { $0.url.isFileURL && !context.allowsLocalImage($0.url) }
        return kept
    }
}
