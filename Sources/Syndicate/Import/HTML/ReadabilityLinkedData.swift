import Foundation

/// Readability's `_getJSONLD`: the first `application/ld+json` block (or article in a
/// top-level array) whose `@context` (or its `@vocab`) is schema.org, or absent, and whose `@type` (or an `@graph` member's) is an article type gives the title
/// (`name`, or `headline` when only it resembles the `<title>`), the authors' names, the
/// description, the publisher's name and `datePublished`.
struct ReadabilityLinkedData {
    var title: String?
    var byline: String?
    var excerpt: String?
    var siteName: String?
    var datePublished: String?

    static let middleTypes = [
        "AdvertiserContentArticle", "NewsArticle", "AnalysisNewsArticle", "AskPublicNewsArticle",
        "BackgroundNewsArticle", "OpinionNewsArticle", "ReportageNewsArticle", "ReviewNewsArticle", "Report",
        "SatiricalArticle", "ScholarlyArticle", "MedicalScholarlyArticle", "SocialMediaPosting", "BlogPosting",
        "LiveBlogPosting", "DiscussionForumPosting", "TechArticle",
    ]

    /// Readability's type pattern, whose anchors bind only its first and last alternatives.
    static func isArticleType(_ type: String) -> Bool {
        type.hasPrefix("Article") || type.hasSuffix("APIReference") || middleTypes.contains { type.contains($0) }
    }

    init?(scripts: [String], documentTitle: () -> String?) {
        for script in scripts {
            var content = script.trimmingCharacters(in: .whitespacesAndNewlines)
            if content.hasPrefix("<![CDATA[") { content.removeFirst(9) }
            if content.hasSuffix("]]>") { content.removeLast(3) }
            guard let data = content.data(using: .utf8), let json = try? JSONSerialization.jsonObject(with: data),
                var parsed = Self.article(in: json)
            else { continue }
            // Unlike Readability, a block without any @context is read as schema.org.
            if parsed["@context"] != nil {
                let context = parsed["@context"] as? String ?? (parsed["@context"] as? [String: Any])?["@vocab"] as? String
                guard let context, Self.isSchemaOrg(context) else { continue }
            }
            if parsed["@type"] == nil, let graph = parsed["@graph"] as? [Any] {
                guard let found = graph.compactMap({ $0 as? [String: Any] })
                    .first(where: { ($0["@type"] as? String).map(Self.isArticleType) ?? false })
                else { continue }
                parsed = found
            }
            guard let type = parsed["@type"] as? String, Self.isArticleType(type) else { continue }
            let name = parsed["name"] as? String
            let headline = parsed["headline"] as? String
            if let name, let headline, name != headline {
                let title = documentTitle() ?? ""
                let nameMatches = ReadabilityMetadata.textSimilarity(name, title) > 0.75
                let headlineMatches = ReadabilityMetadata.textSimilarity(headline, title) > 0.75
                self.title = headlineMatches && !nameMatches ? headline : name
            } else {
                self.title = (name ?? headline)?.trimmingCharacters(in: .whitespacesAndNewlines)
            }
            if let author = parsed["author"] as? [String: Any], let name = author["name"] as? String {
                byline = name.trimmingCharacters(in: .whitespacesAndNewlines)
            } else if let authors = parsed["author"] as? [Any], let first = authors.first as? [String: Any], first["name"] is String {
                byline = authors.compactMap { ($0 as? [String: Any])?["name"] as? String }
                    .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.joined(separator: ", ")
            }
            excerpt = (parsed["description"] as? String)?.trimmingCharacters(in: .whitespacesAndNewlines)
            siteName = ((parsed["publisher"] as? [String: Any])?["name"] as? String)?.trimmingCharacters(in: .whitespacesAndNewlines)
            datePublished = (parsed["datePublished"] as? String)?.trimmingCharacters(in: .whitespacesAndNewlines)
            return
        }
        return nil
    }

    /// The object itself, or in a top-level array the first whose `@type` is an article's.
    private static func article(in json: Any) -> [String: Any]? {
        if let object = json as? [String: Any] { return object }
        return (json as? [Any])?.compactMap { $0 as? [String: Any] }
            .first { ($0["@type"] as? String).map(isArticleType) ?? false }
    }

    private static func isSchemaOrg(_ context: String) -> Bool {
        ["http://schema.org", "https://schema.org", "http://schema.org/", "https://schema.org/"].contains(context)
    }
}
