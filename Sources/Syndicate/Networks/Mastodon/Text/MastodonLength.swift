import Foundation

/// How a Mastodon server counts the length of a status, the rule that accepts or rejects a post.
///
/// The count is the number of extended grapheme clusters of the content warning followed by the
/// body's *countable text*: in the body every URL with an `http://` or `https://` scheme counts
/// `urlLength` (23 upstream) whatever its own length, and a remote mention `@user@domain` counts
/// as `@user`. Everything else counts literally: hashtags, `:shortcodes:`, bare domains such as
/// `example.com`, e-mail addresses. A body that is only whitespace counts 0. URLs are found with
/// twitter-text's rules (no URL right after a letter or digit, trailing punctuation left out, none
/// longer than 4096); a mention whose domain is longer than 253 characters counts literally.
///
/// ```swift
/// MastodonLength.count("Hi @alice@example.social, see https://example.com/a/very/long/path")
/// // 38: "Hi @alice, see " counts 15, the URL 23
/// ```
public enum MastodonLength {
    /// The default maximum length of a status on upstream Mastodon; instances may change it.
    public static let defaultLimit = 500
    /// The default length every URL counts (`characters_reserved_per_url`).
    public static let defaultURLLength = 23
    /// The longest domain a mention may have and still be shortened (`Extractor::MAX_DOMAIN_LENGTH`).
    static let maxMentionDomainLength = 253

    /// The length Mastodon counts for a status with body `text` and content warning `spoilerText`.
    ///
    /// Compare the result with the instance's `configuration.statuses.max_characters`
    /// (``defaultLimit`` upstream): a status is rejected when the count is greater than the limit.
    ///
    /// - Parameters:
    ///   - text: The body of the status, as it will be sent.
    ///   - spoilerText: The content warning, counted literally; empty when there is none.
    ///   - urlLength: The instance's `characters_reserved_per_url` (23 upstream).
    /// - Returns: The number of grapheme clusters Mastodon counts.
    public static func count(_ text: String, spoilerText: String = "", urlLength: Int = 23) -> Int {
        (spoilerText + countableText(text, urlLength: urlLength)).count
    }

    /// The body as Mastodon counts it: URLs replaced by `urlLength` × `x`, remote mentions by `@user`.
    static func countableText(_ text: String, urlLength: Int = 23) -> String {
        guard !text.unicodeScalars.allSatisfy(\.properties.isWhitespace) else { return "" }
        let urls = TwitterText.urls(in: text, withoutProtocol: false).map {
            TwitterText.RawEntity(kind: .url, utf16Range: $0.utf16Range, value: $0.url)
        }
        let entities = TwitterText.removingOverlaps(urls + mentions(in: text))
        guard !entities.isEmpty else { return text }
        let nsText = NSString(string: text)
        let placeholder = String(repeating: "x", count: max(urlLength, 0))
        var result = ""
        var position = 0
        for entity in entities {
            let range = entity.utf16Range
            result += nsText.substring(with: NSRange(location: position, length: range.lowerBound - position))
            switch entity.kind {
            case .url: result += placeholder
            default: result += "@" + (entity.value.split(separator: "@", maxSplits: 1).first.map(String.init) ?? "")
            }
            position = range.upperBound
        }
        result += nsText.substring(from: position)
        return result
    }

    /// Mentions as Mastodon's `Account::MENTION_RE` finds them, value `user` or `user@domain`.
    ///
    /// `@` not after `=`, `/` or a word character; a username of `a–z 0–9 _` parts joined by `.`
    /// or `-`; optionally `@` and a domain of word characters joined by `.` or `-`. A match
    /// followed by another at sign, a Latin accented letter or `://` is dropped, and so is one
    /// whose domain is longer than 253 characters.
    static func mentions(in text: String) -> [TwitterText.RawEntity] {
        guard text.unicodeScalars.contains(where: { $0 == "@" || $0 == "\u{FF20}" }), let regex = mentionRegex else {
            return []
        }
        let nsText = NSString(string: text)
        let length = nsText.length
        return regex.allMatches(in: text).compactMap { match in
            let end = NSMaxRange(match.range)
            if end < length {
                let after = nsText.substring(from: end)
                if let first = after.unicodeScalars.first, first == "@" || first == "\u{FF20}" || isLatinAccent(first) {
                    return nil
                }
                if after.hasPrefix("://") { return nil }
            }
            let name = nsText.substring(with: match.range(at: 1))
            if let domain = name.split(separator: "@", maxSplits: 1).dropFirst().first,
                domain.count > maxMentionDomainLength
            {
                return nil
            }
            return TwitterText.RawEntity(kind: .mention, utf16Range: match.range.location..<end, value: name)
        }
    }

    static let mentionRegex = try? NSRegularExpression(
        pattern: "(?<![=/\\w])@([a-z0-9_]+(?:[.\\-]+[a-z0-9_]+)*(?:@\\w+(?:[.\\-]+\\w+)*)?)",
        options: [.caseInsensitive])

    private static func isLatinAccent(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0xC0...0xD6, 0xD8...0xF6, 0xF8...0xFF, 0x100...0x24F, 0x253, 0x254, 0x256, 0x257, 0x259, 0x25B, 0x263,
            0x268, 0x26F, 0x272, 0x289, 0x28B, 0x2BB, 0x300...0x36F, 0x1E00...0x1EFF:
            return true
        default:
            return false
        }
    }
}
