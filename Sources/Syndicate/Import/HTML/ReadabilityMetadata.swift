import Foundation

/// A page's metadata read as Readability reads it (`_getJSONLD`, `_getArticleMetadata`): the
/// first schema.org JSON-LD article, then `<meta>` values by `property` (`og:`, `article:`,
/// `dc:`, `twitter:`…) and by `name` (`author`, `dc.creator`, `parsely-title`, `weibo:…`),
/// the later of two equal keys winning, then ``ReadabilityTitle`` for the `<title>`. The byline
/// falls back to `article:author` unless that is a URL.
struct ReadabilityMetadata {
    var title: String?
    /// The `<title>` as ``ReadabilityTitle`` cuts it.
    var pageTitle: String?
    var byline: String?
    var excerpt: String?
    var siteName: String?
    var publishedTime: String?

    /// The `<meta>` values by normalised key (`og:title`, `dc:creator`, `author`…).
    private(set) var values: [String: String] = [:]

    static let propertyPrefixes = ["article", "dc", "dcterm", "og", "twitter"]
    static let propertyFields = ["author", "creator", "description", "published_time", "title", "site_name"]
    static let namePrefixes = ["dc", "dcterm", "og", "twitter", "parsely", "weibo:article", "weibo:webpage"]
    static let nameFields = ["author", "creator", "pub-date", "description", "title", "site_name"]

    init(tree: HTMLTree, linkedData scripts: [String]) {
        tree.walk(from: HTMLTree.document) { step in
            guard case .enter(let node) = step, tree.name(node) == "meta",
                let content = tree.attribute("content", of: node), !content.isEmpty
            else { return }
            let value = content.trimmingCharacters(in: .whitespacesAndNewlines)
            if let property = tree.attribute("property", of: node), let key = Self.propertyKey(property) {
                values[key] = value
            } else if let name = tree.attribute("name", of: node), let key = Self.nameKey(name) {
                values[key] = value
            }
        }
        let pageTitle = ReadabilityTitle.title(of: tree)
        self.pageTitle = pageTitle
        let linkedData = ReadabilityLinkedData(scripts: scripts, documentTitle: { pageTitle })
        title = linkedData?.title ?? first("dc:title", "dcterm:title", "og:title", "weibo:article:title", "weibo:webpage:title", "title", "twitter:title", "parsely-title")
        if title == nil || title?.isEmpty == true { title = pageTitle }
        byline = linkedData?.byline ?? first("dc:creator", "dcterm:creator", "author", "parsely-author")
            ?? first("article:author").flatMap { Self.isURL($0) ? nil : $0 }
        excerpt = linkedData?.excerpt ?? first("dc:description", "dcterm:description", "og:description", "weibo:article:description", "weibo:webpage:description", "description", "twitter:description")
        siteName = linkedData?.siteName ?? first("og:site_name")
        publishedTime = linkedData?.datePublished ?? first("article:published_time", "parsely-pub-date")
        title = title.map(Self.unescape)
        byline = byline.map(Self.unescape)
        excerpt = excerpt.map(Self.unescape)
        siteName = siteName.map(Self.unescape)
    }

    private func first(_ keys: String...) -> String? {
        for key in keys {
            if let value = values[key], !value.isEmpty { return value }
        }
        return nil
    }

    /// `og:title`, `article:published_time`… from a `property` attribute: the first
    /// `prefix:field` pair in it, spaces removed, lowercased.
    static func propertyKey(_ property: String) -> String? {
        let words = property.lowercased().split(whereSeparator: \.isWhitespace).map(String.init)
        for word in words {
            let parts = word.split(separator: ":", maxSplits: 1).map(String.init)
            guard parts.count == 2, propertyPrefixes.contains(parts[0]) else { continue }
            if let field = propertyFields.first(where: { parts[1].hasPrefix($0) }) { return parts[0] + ":" + field }
        }
        return nil
    }

    /// `author`, `dc:creator`, `parsely-title`, `weibo:article:title`… from a `name`
    /// attribute, dots made colons; nil for any other name.
    static func nameKey(_ name: String) -> String? {
        let key = name.lowercased().filter { !$0.isWhitespace }.replacingOccurrences(of: ".", with: ":")
        if nameFields.contains(key) { return key }
        for prefix in namePrefixes where key.hasPrefix(prefix) {
            let rest = key.dropFirst(prefix.count)
            guard let separator = rest.first, "-.:".contains(separator) else { continue }
            if nameFields.contains(String(rest.dropFirst())) { return key }
        }
        return nil
    }

    /// Whether `text` is an absolute URL (`article:author` often links the author's page).
    static func isURL(_ text: String) -> Bool {
        guard let colon = text.firstIndex(of: ":"), colon > text.startIndex else { return false }
        let scheme = text[..<colon]
        return scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }
            && text[colon...].count > 1 && !text.contains(" ")
    }

    /// Readability's `_isValidByline`: non-empty and under 100 characters once trimmed.
    static func isValidByline(_ text: String) -> Bool {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return !trimmed.isEmpty && trimmed.count < 100
    }

    /// Readability's `_textSimilarity`: 1 minus the share of `b`'s text (by ASCII word
    /// tokens) whose words `a` lacks.
    static func textSimilarity(_ a: String, _ b: String) -> Double {
        func tokens(_ text: String) -> [String] {
            text.lowercased().split { !($0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_")) }.map(String.init)
        }
        let tokensA = Set(tokens(a))
        let tokensB = tokens(b)
        guard !tokensA.isEmpty, !tokensB.isEmpty else { return 0 }
        let unique = tokensB.filter { !tokensA.contains($0) }
        let total = tokensB.joined(separator: " ").count
        return 1 - Double(unique.joined(separator: " ").count) / Double(total)
    }

    /// Decodes the entities a meta value may still carry (`&amp;quot;` written for `"`).
    static func unescape(_ text: String) -> String {
        guard text.contains("&") else { return text }
        let tree = HTMLTree(html: "<p>" + text.replacingOccurrences(of: "<", with: "&lt;"))
        return tree.textContent(of: HTMLTree.document)
    }
}
