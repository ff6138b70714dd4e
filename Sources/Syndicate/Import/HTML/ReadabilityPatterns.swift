import Foundation

/// Readability's regular expressions over class names, ids and attribute values, as plain
/// substring tests on lowercased text (they are alternations of literal words).
enum ReadabilityPatterns {
    static let unlikelyCandidates = [
        "-ad-", "ai2html", "banner", "breadcrumbs", "combx", "comment", "community", "cover-wrap", "disqus", "extra",
        "footer", "gdpr", "header", "legends", "menu", "related", "remark", "replies", "rss", "shoutbox", "sidebar",
        "skyscraper", "social", "sponsor", "supplemental", "ad-break", "agegate", "pagination", "pager", "popup",
        "yom-remote",
    ]
    static let maybeCandidate = ["and", "article", "body", "column", "content", "main", "shadow"]
    static let positive = [
        "article", "body", "content", "entry", "hentry", "h-entry", "main", "page", "pagination", "post", "text",
        "blog", "story",
    ]
    static let negative = [
        "-ad-", "hidden", "banner", "combx", "comment", "com-", "contact", "foot", "footer", "footnote", "gdpr",
        "masthead", "media", "meta", "outbrain", "promo", "related", "scroll", "share", "shoutbox", "sidebar",
        "skyscraper", "sponsor", "shopping", "tags", "widget",
    ]
    static let byline = ["byline", "author", "dateline", "writtenby", "p-author"]
    static let videoHosts = [
        "//dailymotion.com", "//www.dailymotion.com", "//youtube.com", "//www.youtube.com", "//youtube-nocookie.com",
        "//www.youtube-nocookie.com", "//player.vimeo.com", "//www.player.vimeo.com", "//v.qq.com", "//www.v.qq.com",
        "//archive.org", "//www.archive.org", "//upload.wikimedia.org", "//www.upload.wikimedia.org",
        "//player.twitch.tv", "//www.player.twitch.tv",
    ]
    /// ARIA roles whose elements are never the article.
    static let unlikelyRoles: Set<String> = ["menu", "menubar", "complementary", "navigation", "alert", "alertdialog", "dialog"]
    /// Commas as used in Latin, Arabic, Chinese and other scripts.
    static let commas: Set<Unicode.Scalar> = ["\u{2C}", "\u{60C}", "\u{FE50}", "\u{FE10}", "\u{FE11}", "\u{2E41}", "\u{2E34}", "\u{2E32}", "\u{FF0C}"]

    static func matches(_ text: String, any words: [String]) -> Bool {
        let lower = text.lowercased()
        return words.contains { lower.contains($0) }
    }

    static func isUnlikely(_ matchString: String) -> Bool {
        matches(matchString, any: unlikelyCandidates) && !matches(matchString, any: maybeCandidate)
    }

    static func isPositive(_ label: String) -> Bool {
        matches(label, any: positive)
    }

    /// Readability's negative pattern, `hid` as a whole space-separated word included.
    static func isNegative(_ label: String) -> Bool {
        if matches(label, any: negative) { return true }
        let lower = label.lowercased()
        return lower == "hid" || lower.hasPrefix("hid ") || lower.hasSuffix(" hid") || lower.contains(" hid ")
    }

    static func isByline(_ matchString: String) -> Bool {
        matches(matchString, any: byline)
    }

    static func isVideo(_ value: String) -> Bool {
        matches(value, any: videoHosts)
    }

    /// `(\b|_)(share|sharedaddy)(\b|_)`: "share" as a word of a class or id.
    static func isShareElement(_ matchString: String) -> Bool {
        let scalars = Array(matchString.lowercased().unicodeScalars)
        let word = Array("share".unicodeScalars)
        func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar))
        }
        var index = 0
        while index + word.count <= scalars.count {
            if scalars[index..<index + word.count].elementsEqual(word), index == 0 || !isWordCharacter(scalars[index - 1]) {
                var end = index + word.count
                if scalars[end...].starts(with: "daddy".unicodeScalars) { end += 5 }
                if end == scalars.count || !isWordCharacter(scalars[end]) { return true }
                let plain = index + word.count
                if plain == scalars.count || !isWordCharacter(scalars[plain]) { return true }
            }
            index += 1
        }
        return false
    }

    /// Readability's class weight: ±25 for a negative or positive class, and again for the id.
    static func classWeight(class className: String?, id: String?) -> Int {
        var weight = 0
        for label in [className, id] {
            guard let label, !label.isEmpty else { continue }
            if isNegative(label) { weight -= 25 }
            if isPositive(label) { weight += 25 }
        }
        return weight
    }

    static let adWords: Set<String> = ["ad", "advertising", "advertisement", "pub", "publicité", "werb", "werbung", "广告", "реклама", "anuncio"]
    static let loadingWords = ["loading", "正在加载", "загрузка", "chargement", "cargando"]

    /// Whether a text says nothing but "Advertisement" or "Loading…" in one of the languages
    /// Readability knows.
    static func isAdOrLoadingText(_ text: String) -> Bool {
        let lower = text.lowercased()
        if adWords.contains(lower) { return true }
        return loadingWords.contains { lower == $0 || lower == $0 + "…" || lower == $0 + "..." }
    }
}
