import Foundation

/// Reads one Atom 1.0 (or 0.3) `<entry>` into a ``FeedEntry``.
///
/// Field by field: id = `id`; title = `title` (a text construct: `text`, `html` or `xhtml`);
/// url = by ``FeedLinks`` (`feedburner:origLink`, else the first `link` with `rel="alternate"` or
/// no `rel`, resolved against its `xml:base`; tracking parameters removed);
/// summary = `summary`; body = `content` (`text` stays plain text, `html` and `xhtml` become
/// HTML; out-of-line `src` content gives no body) — an entry with only a `summary` keeps it as
/// the summary and also takes it as the body; author = `author/name`, else `source/author/name`;
/// published = `published` (0.3: `issued`); updated = `updated` (0.3: `modified`); tags =
/// by ``FeedCategories`` (`category` `term`, else `label`, with `dc:subject` and others in
/// document order); images = `link rel="enclosure"` with an image type and
/// Media RSS; language = `xml:lang`; source = the `source` feed's title and link.
enum AtomEntryMapper {
    /// The entry for `node`.
    static func entry(from node: XMLNode) -> FeedEntry {
        var entry = FeedEntry()
        let atom = Namespace.atomAny

        entry.id = node.element("id", in: atom)?.trimmedText
        entry.title = node.element("title", in: atom).flatMap(plainText(of:))

        entry.url = FeedLinks.atomEntryLink(of: node)

        let summary = node.element("summary", in: atom)
        entry.summary = summary.flatMap(plainText(of:))
        if let content = node.element("content", in: atom) ?? node.element("content", in: Namespace.contentModule) {
            entry.body = body(of: content)
        }
        if entry.body == nil, let summary, entry.summary != nil {
            entry.body = body(of: summary)
        }

        let source = node.element("source", in: atom)
        entry.author =
            authorName(node)
            ?? source.flatMap(authorName)
            ?? FeedText.plain(node.element("creator", in: Namespace.dc)?.text)

        entry.published = (node.element("published", in: atom) ?? node.element("issued", in: atom))
            .flatMap { DateParsing.date(from: $0.text) }
        entry.updated = (node.element("updated", in: atom) ?? node.element("modified", in: atom))
            .flatMap { DateParsing.date(from: $0.text) }

        entry.tags = FeedCategories.terms(of: node)

        FeedImages.add(from: node, to: &entry)

        entry.language = node.language

        if let source, let name = source.element("title", in: atom).flatMap(plainText(of:)) {
            let link = source.elements("link", in: atom).first { ($0.attribute("rel") ?? "alternate") == "alternate" }
            entry.source = Post.Source(
                name: name, url: link?.attribute("href").flatMap { FeedURL.resolve($0, against: link?.base) })
        }
        return entry
    }

    private static func authorName(_ node: XMLNode) -> String? {
        FeedText.plain(node.element("author", in: Namespace.atomAny)?.element("name", in: Namespace.atomAny)?.text)
    }

    /// The type of a text construct or content element: `text`, `html`, `xhtml` or a MIME type.
    private static func type(of node: XMLNode) -> String {
        (node.attribute("type") ?? "text").trimmingCharacters(in: .whitespaces).lowercased()
    }

    /// True when the element's text is base64: Atom 0.3's `mode="base64"`, or Atom 1.0's rule
    /// that a media type other than text and XML is base64-encoded (RFC 4287, 4.1.3.3).
    static func isBase64(_ node: XMLNode) -> Bool {
        if node.attribute("mode")?.lowercased() == "base64" { return true }
        guard node.attribute("type") != nil else { return false }
        let type = type(of: node)
        return type.contains("/") && !type.hasPrefix("text/") && !type.hasSuffix("/xml") && !type.hasSuffix("+xml")
    }

    /// The element's text, decoded when it is base64 (``isBase64(_:)``).
    static func content(of node: XMLNode) -> String {
        guard isBase64(node) else { return node.text }
        let compact = node.text.filter { !$0.isWhitespace }
        guard let data = Data(base64Encoded: compact, options: .ignoreUnknownCharacters) else { return node.text }
        return String(decoding: data, as: UTF8.self)
    }

    /// A text construct as plain text. Markup written into a `text` construct without escaping
    /// (`<title>Example <b>Atom</b></title>`) is read as markup, as feed readers do.
    static func plainText(of node: XMLNode) -> String? {
        switch type(of: node) {
        case "xhtml", "application/xhtml+xml":
            let text = Whitespace.collapse(node.allText)
            return text.isEmpty ? nil : text
        case "html", "text/html":
            return FeedText.plain(content(of: node))
        default:
            if node.hasElements { return FeedText.plain(node.innerXML) }
            // Decoded base64 is the text itself; otherwise entities escaped twice are decoded.
            let text = Whitespace.collapse(isBase64(node) ? content(of: node) : HTMLEntities.decode(node.text))
            return text.isEmpty ? nil : text
        }
    }

    /// The body a content (or summary) element carries; nil for out-of-line or binary content.
    static func body(of node: XMLNode) -> FeedEntry.Body? {
        guard node.attribute("src") == nil else { return nil }
        let type = type(of: node)
        let body: FeedEntry.Body?
        switch type {
        case "xhtml", "application/xhtml+xml":
            let container = node.element("div", in: ["http://www.w3.org/1999/xhtml"]) ?? node
            body = .html(container.innerXML.trimmingCharacters(in: .whitespacesAndNewlines))
        case "html", "text/html":
            body = .html(content(of: node))
        case "text", "text/plain":
            body = node.hasElements ? .html(node.innerXML) : .text(content(of: node))
        default:
            body = type.hasSuffix("+xml") || type.hasSuffix("/xml") ? .html(node.innerXML) : nil
        }
        switch body {
        case .html(let text)?, .text(let text)?:
            return text.allSatisfy(\.isWhitespace) ? nil : body
        case nil:
            return nil
        }
    }
}
