import Foundation

/// Reads one `<ITEM>` of Microsoft's Channel Definition Format (CDF, the `<CHANNEL>` feeds of
/// the late 1990s that feedparser still reads) into a ``FeedEntry``.
///
/// Field by field: url and id = the `HREF` attribute (resolved against the channel's `BASE`);
/// title = `<TITLE>`; body = `<ABSTRACT>` (HTML); published = the `LASTMOD` attribute.
enum CDFItemMapper {
    /// The entry for `item`.
    static func entry(from item: XMLNode) -> FeedEntry {
        var entry = FeedEntry()
        let href = item.attribute("HREF") ?? item.attribute("href")
        entry.url = href.flatMap { FeedURL.resolve($0, against: item.base) }
        entry.id = entry.url?.absoluteString
        entry.title = FeedText.plain(child("TITLE", of: item)?.text)
        if let abstract = child("ABSTRACT", of: item)?.text, !abstract.allSatisfy(\.isWhitespace) {
            entry.body = .html(abstract)
        }
        entry.published = (item.attribute("LASTMOD") ?? item.attribute("lastmod")).flatMap(DateParsing.date(from:))
        return entry
    }

    /// The first child element named `name` in either letter case (CDF is written in capitals).
    private static func child(_ name: String, of node: XMLNode) -> XMLNode? {
        node.element(name, in: [""]) ?? node.element(name.lowercased(), in: [""])
    }
}
