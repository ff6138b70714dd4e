import Foundation

/// Reads one RSS 2.0 or RSS 1.0 `<item>` into a ``FeedEntry``.
///
/// Field by field: id = `guid` (else RSS 1.0 `rdf:about`, else left to the URL); title = `title`,
/// else `dc:title`, else `media:title`; url = by ``FeedLinks`` (`feedburner:origLink`, `link`,
/// `atom:link`, a permalink `guid`; tracking parameters removed); body = `content:encoded`, and
/// then `description` is the summary — when `description` is the only text it is the body and the
/// summary stays empty, since RSS uses it for whole posts as often as for excerpts; without either,
/// an XHTML `<body>`, `dc:description` or `itunes:summary`/`subtitle`; author = `dc:creator`, else
/// `author` (`jo@example.com (Jo)` gives `Jo`), else `itunes:author`; published = `pubDate`, else
/// `dc:date`, `dcterms:issued`, `dcterms:created`; updated = `atom:updated` or `dcterms:modified`;
/// tags = by ``FeedCategories`` (`category`, `dc:subject`, `itunes:category`, `media:category`, in
/// document order); images = `enclosure` with an image type, `media:content` (medium image or image
/// type) and `media:thumbnail`, also inside `media:group`; language = `dc:language` or `xml:lang`;
/// source = `<source url="…">Name</source>`.
enum RSSItemMapper {
    /// The entry for `item`, whose links resolve against `item.base`.
    static func entry(from item: XMLNode) -> FeedEntry {
        var entry = FeedEntry()
        let rss = Namespace.rss
        let base = item.base

        entry.title =
            FeedText.plain(item.element("title", in: rss)?.text)
            ?? FeedText.plain(item.element("title", in: Namespace.dc)?.text)
            ?? FeedText.plain(item.element("title", in: Namespace.media)?.text)

        let guidText = item.element("guid", in: rss)?.trimmedText
        entry.url = FeedLinks.rssLink(of: item)
        entry.id = guidText ?? item.attribute("about", namespace: Namespace.rdf).flatMap { Whitespace.collapse($0) }
        if entry.id?.isEmpty == true { entry.id = nil }

        let encoded = item.element("encoded", in: Namespace.contentModule)?.text
        let description = item.element("description", in: rss)?.text
        if let encoded, !encoded.allSatisfy(\.isWhitespace) {
            entry.body = .html(encoded)
            entry.summary = FeedText.plain(description)
        } else if let description, !description.allSatisfy(\.isWhitespace) {
            entry.body = .html(description)
        } else {
            entry.body = fallbackBody(of: item)
        }

        entry.author =
            FeedText.plain(item.element("creator", in: Namespace.dc)?.text)
            ?? FeedText.authorName(item.element("author", in: rss)?.text)
            ?? FeedText.plain(item.element("author", in: [FeedCategories.itunes, FeedCategories.itunesAlternate])?.text)

        entry.published = (item.element("pubDate", in: rss) ?? item.element("date", in: Namespace.dc)
            ?? item.element("issued", in: Namespace.dcTerms) ?? item.element("created", in: Namespace.dcTerms))
            .flatMap { DateParsing.date(from: $0.text) }
        entry.updated = (item.element("updated", in: Namespace.atomAny) ?? item.element("modified", in: Namespace.dcTerms))
            .flatMap { DateParsing.date(from: $0.text) }

        entry.tags = FeedCategories.terms(of: item)

        FeedImages.add(from: item, to: &entry)

        entry.language = item.element("language", in: Namespace.dc)?.trimmedText ?? item.language

        if let source = item.element("source", in: rss), let name = FeedText.plain(source.text) {
            entry.source = Post.Source(name: name, url: source.attribute("url").flatMap { FeedURL.resolve($0, against: base) })
        }
        return entry
    }

    /// The body of an item without `content:encoded` or `description`: an XHTML `<body>`
    /// (serialised), then `dc:description`, then iTunes' `summary` or `subtitle` (podcast feeds
    /// that describe an episode only there), as plain text.
    private static func fallbackBody(of item: XMLNode) -> FeedEntry.Body? {
        let xhtml = ["http://www.w3.org/1999/xhtml"] + Namespace.rss
        if let body = item.element("body", in: xhtml), body.hasElements || !body.text.allSatisfy(\.isWhitespace) {
            return .html(body.innerXML)
        }
        if let text = item.element("description", in: Namespace.dc)?.text, !text.allSatisfy(\.isWhitespace) {
            return .html(text)
        }
        let itunes = [FeedCategories.itunes, FeedCategories.itunesAlternate]
        for name in ["summary", "subtitle"] {
            if let text = item.element(name, in: itunes)?.text, !text.allSatisfy(\.isWhitespace) { return .text(text) }
        }
        return nil
    }
}
