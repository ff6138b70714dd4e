import Foundation

/// The article a page describes in its JSON-LD (`<script type="application/ld+json">`).
///
/// Finds the first object typed as an article (`Article`, `NewsArticle`, `BlogPosting`…) at the
/// top level, in an array, in `@graph` or under `mainEntity`; failing that, the first object
/// with a `headline`. Blocks that are not valid JSON are ignored, as browsers ignore them.
/// Text values have their HTML entities decoded and whitespace collapsed.
struct HTMLLinkedData {
    var headline: String?
    var name: String?
    var description: String?
    var url: String?
    /// Image URLs as written, with alt text and size where given.
    var images: [(url: String, alt: String?, width: Int?, height: Int?)] = []
    var authors: [String] = []
    var datePublished: String?
    var dateModified: String?
    var keywords: [String] = []
    var language: String?
    /// Names of the publisher and the website, which confirm a title's site-name part.
    var siteNames: [String] = []

    static let articleTypes: Set<String> = [
        "article", "newsarticle", "blogposting", "report", "scholarlyarticle", "techarticle", "socialmediaposting",
        "liveblogposting", "opinionnewsarticle", "analysisnewsarticle", "reportagenewsarticle", "reviewnewsarticle",
        "backgroundnewsarticle", "advertisercontentarticle", "satiricalarticle", "posting", "discussionforumposting",
    ]

    /// The most objects looked at across all blocks, so a huge graph cannot stall the import.
    static let maxObjects = 10_000

    init() {}

    init(scripts: [String]) {
        var objects: [[String: Any]] = []
        for script in scripts {
            guard let data = script.data(using: .utf8),
                let json = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
            else { continue }
            objects += Self.objects(in: json)
        }
        let article =
            objects.first { Self.types(of: $0).contains { Self.articleTypes.contains($0) } }
            ?? objects.first { $0["headline"] != nil }
        for object in objects where object["name"] != nil {
            let types = Self.types(of: object)
            if types.contains("website") { siteNames += Self.strings(object["name"]) }
        }
        guard let article else { return }
        headline = Self.strings(article["headline"]).first
        name = Self.strings(article["name"]).first
        description = Self.strings(article["description"]).first
        url = Self.urls(article["url"]).first ?? Self.urls(article["mainEntityOfPage"]).first
        images = Self.images(article["image"])
        authors = Self.names(article["author"])
        datePublished = Self.strings(article["datePublished"]).first
        dateModified = Self.strings(article["dateModified"]).first
        keywords = Self.strings(article["keywords"]).flatMap { $0.split(separator: ",").map(String.init) }
            .map(Whitespace.collapse).filter { !$0.isEmpty }
        language = Self.strings(article["inLanguage"]).first ?? Self.names(article["inLanguage"]).first
        siteNames = Self.names(article["publisher"]) + siteNames
    }

    /// Every object reachable through arrays, `@graph` and `mainEntity`, breadth first, bounded.
    private static func objects(in json: Any) -> [[String: Any]] {
        var found: [[String: Any]] = []
        var queue: [Any] = [json]
        var head = 0
        while head < queue.count, found.count < maxObjects {
            let value = queue[head]
            head += 1
            if let array = value as? [Any] {
                queue += array.prefix(maxObjects)
            } else if let object = value as? [String: Any] {
                found.append(object)
                if let graph = object["@graph"] { queue.append(graph) }
                if let main = object["mainEntity"] { queue.append(main) }
            }
        }
        return found
    }

    /// The lowercased `@type`s of `object`, which may be a string or an array.
    private static func types(of object: [String: Any]) -> [String] {
        strings(object["@type"]).map { $0.lowercased() }
    }

    /// A string or the strings of an array, decoded and collapsed, empties dropped.
    private static func strings(_ value: Any?) -> [String] {
        let raw: [String]
        switch value {
        case let string as String: raw = [string]
        case let array as [Any]: raw = array.compactMap { $0 as? String }
        default: raw = []
        }
        return raw.map { Whitespace.collapse(HTMLEntities.decode($0)) }.filter { !$0.isEmpty }
    }

    /// Names from a string, a `{"name": …}` object, or an array of either.
    private static func names(_ value: Any?) -> [String] {
        let items = (value as? [Any]) ?? (value.map { [$0] } ?? [])
        return items.flatMap { item -> [String] in
            if let object = item as? [String: Any] { return strings(object["name"]).prefix(1).map { $0 } }
            return strings(item)
        }
    }

    /// URLs from a string, a `{"@id"|"url": …}` object, or an array of either.
    private static func urls(_ value: Any?) -> [String] {
        let items = (value as? [Any]) ?? (value.map { [$0] } ?? [])
        return items.flatMap { item -> [String] in
            if let object = item as? [String: Any] {
                return (strings(object["url"]) + strings(object["contentUrl"]) + strings(object["@id"])).prefix(1).map { $0 }
            }
            return strings(item)
        }
    }

    private static func images(_ value: Any?) -> [(url: String, alt: String?, width: Int?, height: Int?)] {
        let items = (value as? [Any]) ?? (value.map { [$0] } ?? [])
        return items.compactMap { item in
            if let object = item as? [String: Any] {
                guard let url = urls(object).first else { return nil }
                let alt = strings(object["caption"]).first ?? strings(object["description"]).first
                return (url, alt, integer(object["width"]), integer(object["height"]))
            }
            guard let url = strings(item).first else { return nil }
            return (url, nil, nil, nil)
        }
    }

    /// An integer from a number, a numeric string ("1200", "1200px") or a `{"value": …}` object.
    private static func integer(_ value: Any?) -> Int? {
        let scalar = (value as? [String: Any])?["value"] ?? value
        switch scalar {
        case let number as Int: return number
        case let number as Double where number.isFinite && abs(number) < 1e9: return Int(number)
        case let number as NSNumber: return number.intValue
        case let string as String: return Int(string.prefix { $0.isNumber })
        default: return nil
        }
    }
}
