import Foundation

/// Picks an article's real title from every source a page offers, without the site's name.
///
/// Each source is first cleaned of a site-name part (`Headline | Site`, `Headline - Site`,
/// `Headline — Site`, `Site: Headline`, `Site | Headline`) only when something confirms which
/// part is the headline: the other part is a known site name (`og:site_name`,
/// `application-name`, the JSON-LD publisher or website), or the kept part is exactly what
/// another source says. Unconfirmed titles stay whole, so `Ofsted: the new framework` with
/// nothing to compare keeps its colon.
///
/// The cleaned candidates then vote: each source has a weight (JSON-LD `headline` 6, as it is
/// the one field that names the article rather than the page; `og:title` and the article's
/// `<h1>` 3; `twitter:title` and `<title>` 2; other meta titles, JSON-LD `name` and an `<h1>`
/// outside the article 1), equal titles (compared case-insensitively) add up, and the heaviest
/// wins; ties go to the earlier source in that order. So a generic `og:title` and `<title>`
/// (5) do not outvote the JSON-LD headline, while an `<h1>`, `og:title` and `<title>` that
/// agree (8) do. A candidate equal to a site name, stated or removed from another title, is
/// generic and does not vote.
struct HTMLTitleResolver {
    /// One place a title can come from.
    struct Candidate {
        var text: String
        var weight: Int
    }

    /// Separators between a headline and a site name, each with its surrounding spaces.
    static let separators = [" | ", " - ", " – ", " — ", " · ", " • ", " :: ", " » ", " / ", ": "]

    /// The candidates in priority order.
    var candidates: [Candidate]
    /// Site names the page states.
    var siteNames: [String]

    /// The title, or nil when no source gives one.
    func resolve() -> String? {
        let sites = Set(siteNames.map(Self.fold).filter { !$0.isEmpty })
        var cleaned: [(text: String, weight: Int)] = []
        var derivedSites = sites
        for (index, candidate) in candidates.enumerated() {
            let others = Set(candidates.indices.filter { $0 != index }.map { Self.fold(candidates[$0].text) })
            let (title, site) = Self.strip(candidate.text, sites: sites, others: others)
            if let site { derivedSites.insert(Self.fold(site)) }
            cleaned.append((title, candidate.weight))
        }
        var totals: [String: Int] = [:]
        var order: [String] = []
        var display: [String: String] = [:]
        for candidate in cleaned {
            let key = Self.fold(candidate.text)
            guard !key.isEmpty, !derivedSites.contains(key) else { continue }
            if totals[key] == nil {
                order.append(key)
                display[key] = candidate.text
            }
            totals[key, default: 0] += candidate.weight
        }
        guard let best = order.max(by: { totals[$0, default: 0] < totals[$1, default: 0] }) else { return nil }
        return display[best]
    }

    /// `title` without its site-name part when confirmed, and the part removed.
    static func strip(_ title: String, sites: Set<String>, others: Set<String>) -> (title: String, site: String?) {
        var splits: [(left: String, right: String)] = []
        for separator in separators {
            var searchStart = title.startIndex
            while let range = title.range(of: separator, range: searchStart..<title.endIndex) {
                let left = Whitespace.collapse(String(title[..<range.lowerBound]))
                let right = Whitespace.collapse(String(title[range.upperBound...]))
                if !left.isEmpty, !right.isEmpty { splits.append((left, right)) }
                searchStart = range.upperBound
            }
        }
        // A known site name on either side decides first; the suffix form is the common one.
        for split in splits.reversed() where sites.contains(fold(split.right)) {
            return (split.left, split.right)
        }
        for split in splits where sites.contains(fold(split.left)) {
            return (split.right, split.left)
        }
        // Otherwise another source agreeing with one side confirms it.
        for split in splits {
            if others.contains(fold(split.left)) { return (split.left, split.right) }
            if others.contains(fold(split.right)) { return (split.right, split.left) }
        }
        return (title, nil)
    }

    /// The comparison form: whitespace collapsed, case and diacritics folded, typographic quotes
    /// and dashes made plain.
    static func fold(_ text: String) -> String {
        let plain = Whitespace.collapse(text)
            .replacingOccurrences(of: "\u{2019}", with: "'")
            .replacingOccurrences(of: "\u{2018}", with: "'")
            .replacingOccurrences(of: "\u{201C}", with: "\"")
            .replacingOccurrences(of: "\u{201D}", with: "\"")
        return plain.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
    }
}
