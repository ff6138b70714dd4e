import Foundation
@preconcurrency import Ink
import Syndicate
import Yams

/// Imports a Markdown file with YAML front matter: the Jekyll, Hugo and Publish case.
///
/// ```swift
/// let data = try Data(contentsOf: URL(fileURLWithPath: "Examples/Posts/ofsted-secondments.md"))
/// let context = ImportContext(inputName: "ofsted-secondments.md", baseURL: URL(string: "https://school.example/"))
/// let post = try MarkdownImporter().posts(from: data, context: context)[0]
/// ```
///
/// Front matter fields (keys are case-insensitive; the first spelling found wins):
///
/// - `title` — else the body's first `# Heading`, which is then removed from the body;
/// - `date` / `published`, and `lastmod` / `updated` / `modified` — YAML timestamps or strings in
///   any format ``DateParsing`` reads;
/// - `tags`, `categories` / `category` — a list, or a string split on commas (or on spaces, as
///   Jekyll allows); kept in the order the fields are written;
/// - `canonical_url`, `url`, `permalink` — relative values resolve against `context.baseURL`;
/// - `summary`, `description`, `excerpt`; `image` (a string or `{path|url|src, alt}`) and `images`;
/// - `author` (a string or `{name}`) or `authors` (the first); `lang` / `language`; `id` / `guid`.
///
/// `draft` and other keys are ignored. The body is rendered with Ink, turned into paragraphs and
/// cleaned by `context.boilerplate`; ``Post/markup`` keeps the Markdown without the front matter.
/// A relative URL with no base URL to resolve it against is left out.
public struct MarkdownImporter: PostImporter {
    /// Always ``ImportFormat/markdown``.
    public let format = ImportFormat.markdown

    /// Creates the importer.
    public init() {}

    /// Imports the one post in `data`.
    ///
    /// - Parameters:
    ///   - data: UTF-8 (or UTF-16 with a BOM) Markdown, with or without front matter.
    ///   - context: The input's name, base URL, boilerplate rules and limits.
    /// - Returns: One post.
    /// - Throws: ``ImportError`` `.empty`, `.notText` or `.tooLarge` from decoding; `.malformed`
    ///   for unterminated front matter or invalid YAML (naming the line); `.missingField` when
    ///   neither the front matter nor a `# Heading` gives a title.
    public func posts(from data: Data, context: ImportContext) throws(ImportError) -> [Post] {
        let decoded = try InputText.decode(data, format: format, context: context)
        let text = decoded.hasPrefix("\u{FEFF}") ? String(decoded.dropFirst()) : decoded
        let frontMatter = try FrontMatter.split(text, context: context)
        var body = frontMatter.body
        var title = frontMatter.value("title").flatMap(Self.text).map(Whitespace.collapse) ?? ""
        if title.isEmpty {
            guard let heading = MarkdownHeading.firstTitle(in: body) else {
                throw ImportError(
                    .missingField, input: context.inputName, format: format,
                    message:
                        "the post has no title; add 'title: …' to the front matter or start the body with a '# Heading' line."
                )
            }
            title = heading.title
            body = heading.bodyWithoutHeading
        }
        body = body.trimmingCharacters(in: .whitespacesAndNewlines)

        let html = MarkdownParser().html(from: MarkdownGuard.defused(body))
        let (paragraphs, links) = HTMLText.paragraphsAndLinks(fromHTML: html) { href in
            Self.url(href, context.baseURL)
        }
        let cleaned = context.boilerplate.clean(paragraphs, title: title, links: links)

        let base = context.baseURL
        let url = frontMatter.value("canonical_url", "url", "permalink").flatMap(Self.text).flatMap {
            Self.url($0, base)
        }
        var tags: [String] = []
        for field in frontMatter.fields where ["tags", "categories", "category", "tag"].contains(field.key) {
            tags.append(contentsOf: Self.list(field.value))
        }
        tags.append(contentsOf: cleaned.tags)
        let post = Post(
            id: frontMatter.value("id", "guid").flatMap(Self.text).map(Whitespace.collapse).flatMap {
                $0.isEmpty ? nil : $0
            }
                ?? url?.absoluteString ?? StableID.digest(title, cleaned.paragraphs.joined(separator: "\n\n")),
            title: title,
            url: url,
            summary: frontMatter.value("summary", "description", "excerpt").flatMap(Self.text).map(Whitespace.collapse)
                .flatMap { $0.isEmpty ? nil : $0 },
            paragraphs: cleaned.paragraphs,
            markup: Post.Markup(kind: .markdown, content: body),
            author: frontMatter.value("author", "authors").flatMap(Self.author) ?? cleaned.author,
            published: frontMatter.value("date", "published", "pubdate").flatMap(Self.date),
            updated: frontMatter.value("lastmod", "updated", "modified", "last_modified_at").flatMap(Self.date),
            tags: tags,
            images: Self.images(frontMatter, body: html, context: context),
            source: cleaned.source,
            language: frontMatter.value("lang", "language").flatMap(Self.text).map(Whitespace.collapse)
                .flatMap { $0.isEmpty ? nil : $0 }
        )
        return [try FieldLengthLimit.checked(post, context: context, format: format)]
    }

    /// A scalar's text; nil for mappings, sequences, aliases and null.
    static func text(_ node: Node) -> String? {
        guard let scalar = node.scalar, node.null == nil || scalar.style != .plain else { return nil }
        return scalar.string
    }

    /// A list field: a sequence of scalars, or a string split on commas (else on spaces).
    static func list(_ node: Node) -> [String] {
        if let sequence = node.sequence { return sequence.compactMap(text) }
        guard let value = text(node) else { return [] }
        let separator: Character = value.contains(",") ? "," : " "
        return value.split(separator: separator).map { Whitespace.collapse(String($0)) }.filter { !$0.isEmpty }
    }

    /// An author: a string, `{name: …}`, or the first of a list of either.
    static func author(_ node: Node) -> String? {
        if let sequence = node.sequence { return sequence.first.flatMap(author) }
        let name = node.mapping.flatMap { $0["name"] }.flatMap(text) ?? text(node)
        return name.map(Whitespace.collapse).flatMap { $0.isEmpty ? nil : $0 }
    }

    /// A date written as a string in any format ``DateParsing`` reads, or as a YAML timestamp.
    static func date(_ node: Node) -> Date? {
        guard let raw = text(node) else { return nil }
        if let date = DateParsing.date(from: raw) { return date }
        // "2024-03-09 10:00:00 +0100" (Jekyll): join the zone to the time.
        if let space = raw.lastIndex(of: " "), raw[raw.index(after: space)...].first.map({ "+-".contains($0) }) == true
        {
            var joined = raw
            joined.remove(at: space)
            if let date = DateParsing.date(from: joined) { return date }
        }
        return node.timestamp
    }

    /// `value` as an absolute URL, resolved against `base` when relative; nil when it cannot be.
    static func url(_ value: String, _ base: URL?) -> URL? {
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return nil }
        if let absolute = URL(string: trimmed), absolute.scheme != nil { return absolute }
        guard let base, let resolved = URL(string: trimmed, relativeTo: base)?.absoluteURL else { return nil }
        return resolved
    }

    /// `image` (a string or `{path|url|src, alt}`), then `images` (a list of either), then the
    /// body's own images (`![alt](src)`), deduplicated. Relative paths resolve against the base
    /// URL, else against the Markdown file's folder (``ImportContext/resolveImage(_:)``).
    static func images(_ frontMatter: FrontMatter, body html: String, context: ImportContext) -> [Post.Image] {
        var nodes: [Node] = []
        if let image = frontMatter.value("image", "featured_image", "cover") { nodes.append(image) }
        if let images = frontMatter.value("images") {
            nodes.append(contentsOf: images.sequence.map(Array.init) ?? [images])
        }
        var result: [Post.Image] = []
        func add(_ location: String?, alt: String?) {
            guard let location, let url = context.resolveImage(location), !result.contains(where: { $0.url == url }) else { return }
            let alt = alt.map(Whitespace.collapse)
            result.append(Post.Image(url: url, alt: alt?.isEmpty == true ? nil : alt))
        }
        for node in nodes {
            let mapping = node.mapping
            add(mapping.flatMap { $0["path"] ?? $0["url"] ?? $0["src"] ?? $0["image"] }.flatMap(text) ?? text(node),
                alt: mapping.flatMap { $0["alt"] }.flatMap(text))
        }
        for image in HTMLText.images(fromHTML: html) { add(image.src, alt: image.alt) }
        return result
    }
}
