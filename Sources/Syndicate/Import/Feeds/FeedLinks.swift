import Foundation

/// The link of a feed item: the item's own address, not a feed proxy's, without the feed's
/// tracking parameters.
///
/// The order, first usable wins: FeedBurner's `feedburner:origLink` (the publisher's address,
/// where `<link>` is FeedBurner's redirect); RSS `<link>` (its text, or an `href` written on it);
/// an `atom:link` with `rel="alternate"` or no `rel` (its `href`, or Atom 0.3's text content);
/// an RSS permalink `<guid>` (not `isPermaLink="false"`). Relative links resolve against the
/// element's `xml:base`. The result loses `utm_*` and the other click-tracking parameters
/// (``trackingParameters``) that feeds and their proxies append.
enum FeedLinks {
    /// FeedBurner's namespace.
    static let feedBurner = ["http://rssnamespace.org/feedburner/ext/1.0"]

    /// Query parameters that only track the click: Google Analytics' `utm_*` (as FeedBurner
    /// appends them), and the click ids of Facebook, Google, Microsoft, Mailchimp and HubSpot.
    static let trackingParameters: Set<String> = [
        "fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "_hsenc", "_hsmi", "mkt_tok", "yclid", "igshid",
    ]

    /// The link of an RSS item.
    static func rssLink(of item: XMLNode) -> URL? {
        if let original = item.element("origLink", in: feedBurner), let url = resolved(original.text, original) {
            return url
        }
        if let link = item.element("link", in: Namespace.rss) {
            if let url = resolved(link.text, link) ?? link.attribute("href").flatMap({ resolved($0, link) }) {
                return url
            }
        }
        if let url = atomLink(in: item) { return url }
        if let guid = item.element("guid", in: Namespace.rss), guid.attribute("isPermaLink")?.lowercased() != "false",
            let url = resolved(guid.text, guid)
        {
            return url
        }
        return nil
    }

    /// The link of an Atom entry.
    static func atomEntryLink(of entry: XMLNode) -> URL? {
        if let original = entry.element("origLink", in: feedBurner), let url = resolved(original.text, original) {
            return url
        }
        return atomLink(in: entry)
    }

    /// The first alternate Atom link of `node` that gives an absolute URL.
    private static func atomLink(in node: XMLNode) -> URL? {
        for link in node.elements("link", in: Namespace.atomAny) where (link.attribute("rel") ?? "alternate") == "alternate" {
            if let url = link.attribute("href").flatMap({ resolved($0, link) }) ?? resolved(link.text, link) {
                return url
            }
        }
        return nil
    }

    private static func resolved(_ text: String, _ node: XMLNode) -> URL? {
        guard let url = FeedURL.resolve(text, against: node.base) else { return nil }
        // Only a link with a query can carry tracking parameters; most have none.
        return text.utf8.contains(UInt8(ascii: "?")) ? withoutTracking(url) : url
    }

    /// `url` without tracking parameters in its query; unchanged when it has none.
    static func withoutTracking(_ url: URL) -> URL {
        let text = url.absoluteString
        guard let question = text.firstIndex(of: "?") else { return url }
        let fragmentStart = text[question...].firstIndex(of: "#") ?? text.endIndex
        let query = text[text.index(after: question)..<fragmentStart]
        let pairs = query.split(separator: "&", omittingEmptySubsequences: false)
        let kept = pairs.filter { pair in
            let name = (pair.split(separator: "=", maxSplits: 1).first ?? "").lowercased()
            return !name.hasPrefix("utm_") && !trackingParameters.contains(name)
        }
        guard kept.count != pairs.count else { return url }
        let rebuilt =
            String(text[..<question]) + (kept.isEmpty ? "" : "?" + kept.joined(separator: "&"))
            + String(text[fragmentStart...])
        return URL(string: rebuilt) ?? url
    }
}
