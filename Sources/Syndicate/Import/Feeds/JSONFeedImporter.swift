import Foundation

/// Imports JSON Feed 1.0 and 1.1 documents: one ``Post`` per item, in feed order.
///
/// JSON is parsed whole, so the document must fit ``ImportLimits/maxDocumentBytes``; items
/// are limited by ``ImportLimits/maxItems`` and each item's content by
/// ``ImportLimits/maxItemBytes``. How each item field maps to a ``Post`` field: `id` (a string,
/// or a number written as one), `title`, `url` (resolved against `home_page_url`, else the
/// context's base URL), `summary`, `content_html` (else `content_text`) → body, `authors[0].name`
/// (1.1) or `author.name` (1.0), else the feed's, → author, `date_published`, `date_modified`,
/// `tags`, `image` and `banner_image` → images, `language` (item, else feed) → language. An item
/// with only a `summary` keeps it as the summary and takes it as the body too.
public struct JSONFeedImporter: PostImporter {
    /// Always ``ImportFormat/jsonfeed``.
    public let format = ImportFormat.jsonfeed

    /// Creates the importer.
    public init() {}

    /// Imports every item of the JSON Feed in `data`.
    ///
    /// - Parameters:
    ///   - data: The feed's bytes.
    ///   - context: The input's name, base URL, boilerplate rules and limits.
    /// - Returns: The posts, in feed order; at least one.
    /// - Throws: ``ImportError``: `.empty`, `.notText`, `.tooLarge`, `.malformed` (invalid JSON,
    ///   no jsonfeed.org `version`, `items` not a list) or `.noContent` (no items); when every
    ///   item is skipped, the first item's error (see ``importResult(from:context:)``).
    public func posts(from data: Data, context: ImportContext) throws(ImportError) -> [Post] {
        try importResult(from: data, context: context).posts
    }

    /// Imports every item of the JSON Feed in `data`, with a warning for each item skipped
    /// (not an object, over the limits, no title and no text) or untitled.
    ///
    /// - Throws: ``ImportError`` as ``posts(from:context:)`` describes; when every item was
    ///   skipped, the first item's error.
    public func importResult(from data: Data, context: ImportContext) throws(ImportError) -> ImportResult {
        let text = try InputText.decode(data, format: format, context: context)
        // The scan is linear and iterative: it names the line of a syntax error and enforces
        // ImportLimits.maxDepth before JSONSerialization (which recurses) sees the document.
        if let syntaxError = JSONSyntax.firstError(in: text, maxDepth: context.limits.maxDepth) {
            throw ImportError(
                .malformed, input: context.inputName, format: format, location: syntaxError.location,
                message: "the JSON is invalid: \(syntaxError.message); fix the syntax there.")
        }
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
        } catch {
            throw failure(
                .malformed, context,
                "the input is not valid JSON (\(Self.describe(error))); check it with a JSON validator.")
        }
        guard let feed = object as? [String: Any] else {
            throw failure(.malformed, context, "the top level is not a JSON object, so this is not a JSON Feed.")
        }
        guard let version = feed["version"] as? String, version.lowercased().contains("jsonfeed.org/version/") else {
            throw failure(
                .malformed, context,
                "the object has no jsonfeed.org \"version\", so this is not a JSON Feed; use ImportFormat.json for Post JSON.")
        }
        guard let items = feed["items"] as? [Any] else {
            throw failure(.malformed, context, "the feed has no \"items\" list; a JSON Feed must have one.")
        }
        guard !items.isEmpty else {
            throw failure(.noContent, context, "the feed has no items; there is nothing to import.")
        }
        guard items.count <= context.limits.maxItems else {
            throw failure(
                .tooLarge, context,
                "the feed has \(items.count) items, over the limit of \(context.limits.maxItems); raise ImportLimits.maxItems or read fewer posts.")
        }
        let homePage = (feed["home_page_url"] as? String).flatMap { FeedURL.resolve($0, against: context.baseURL) }
        let base = homePage ?? context.baseURL
        let feedAuthor = Self.authorName(feed)
        let feedLanguage = (feed["language"] as? String).map(Whitespace.collapse).flatMap { $0.isEmpty ? nil : $0 }
        var posts: [Post] = []
        var warnings: [ImportWarning] = []
        posts.reserveCapacity(items.count)
        for (offset, value) in items.enumerated() {
            let number = offset + 1
            guard let item = value as? [String: Any] else {
                let error = failure(.malformed, context, "item \(number) is not a JSON object.", location: "item \(number)")
                warnings.append(FeedItemOutcome.skipped(number, reference: nil, error: error, context: context))
                continue
            }
            let entry: FeedEntry
            do {
                entry = try self.entry(from: item, number: number, base: base, context: context)
            } catch {
                warnings.append(FeedItemOutcome.skipped(number, reference: nil, error: error, context: context))
                continue
            }
            if let post = FeedItemOutcome.post(
                from: entry, number: number, fallbackAuthor: feedAuthor, fallbackLanguage: feedLanguage,
                format: format, context: context, warnings: &warnings)
            {
                posts.append(post)
            }
        }
        guard !posts.isEmpty else { throw FeedItemOutcome.nothingImported(warnings, format: format, context: context) }
        return ImportResult(posts: posts, warnings: warnings)
    }

    private func entry(from item: [String: Any], number: Int, base: URL?, context: ImportContext) throws(ImportError)
        -> FeedEntry
    {
        var entry = FeedEntry()
        if let id = item["id"] as? String {
            let trimmed = Whitespace.collapse(id)
            entry.id = trimmed.isEmpty ? nil : trimmed
        } else if let id = item["id"] as? NSNumber, !(item["id"] is Bool) {
            entry.id = id.stringValue
        }
        entry.title = FeedText.plain(item["title"] as? String)
        entry.url = (item["url"] as? String).flatMap { FeedURL.resolve($0, against: base) }
        entry.summary = FeedText.plain(item["summary"] as? String)
        let html = item["content_html"] as? String
        let text = item["content_text"] as? String
        let size = (html?.utf8.count ?? 0) + (text?.utf8.count ?? 0)
        guard size <= context.limits.maxItemBytes else {
            throw failure(
                .tooLarge, context,
                "item \(number) is over \(InputText.byteCount(context.limits.maxItemBytes)); raise ImportLimits.maxItemBytes if it is genuine.",
                location: "item \(number)")
        }
        if let html, !html.allSatisfy(\.isWhitespace) {
            entry.body = .html(html)
        } else if let text, !text.allSatisfy(\.isWhitespace) {
            entry.body = .text(text)
        } else if let summary = item["summary"] as? String, entry.summary != nil {
            entry.body = .text(summary)
        }
        entry.author = Self.authorName(item)
        entry.published = (item["date_published"] as? String).flatMap(DateParsing.date(from:))
        entry.updated = (item["date_modified"] as? String).flatMap(DateParsing.date(from:))
        entry.tags = ((item["tags"] as? [Any]) ?? []).compactMap { ($0 as? String).flatMap(FeedText.plain) }
        for key in ["image", "banner_image"] {
            if let url = (item[key] as? String).flatMap({ FeedURL.resolve($0, against: base) }) {
                entry.addImage(Post.Image(url: url))
            }
        }
        entry.language = (item["language"] as? String).map(Whitespace.collapse).flatMap { $0.isEmpty ? nil : $0 }
        return entry
    }

    /// `authors[0].name` (JSON Feed 1.1), else `author.name` (1.0).
    private static func authorName(_ object: [String: Any]) -> String? {
        if let authors = object["authors"] as? [Any] {
            for case let author as [String: Any] in authors {
                if let name = FeedText.plain(author["name"] as? String) { return name }
            }
        }
        if let author = object["author"] as? [String: Any] {
            return FeedText.plain(author["name"] as? String)
        }
        return nil
    }

    private static func describe(_ error: any Error) -> String {
        let nsError = error as NSError
        return (nsError.userInfo[NSDebugDescriptionErrorKey] as? String) ?? nsError.localizedDescription
    }

    private func failure(_ kind: ImportError.Kind, _ context: ImportContext, _ message: String, location: String? = nil)
        -> ImportError
    {
        ImportError(kind, input: context.inputName, format: format, location: location, message: message)
    }
}
