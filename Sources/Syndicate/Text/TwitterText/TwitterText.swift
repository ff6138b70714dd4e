import Foundation

/// X (Twitter) text rules, as the twitter-text library defines them: weighted length and entities.
///
/// ```swift
/// let result = TwitterText.parse("Hello 👋 https://example.com/a/long/path")
/// result.weightedLength  // 32: "Hello " 6, the emoji 2, the URL 23 … plus the space
/// result.isValid         // true
/// TwitterText.entities(in: "#swift by @jack").map(\.text)  // ["#swift", "@jack"]
/// ```
///
/// ``parse(_:configuration:)`` follows twitter-text v3's `parseTweet`: the text is NFC-normalised,
/// each code point weighs by the configuration's ranges (1 for Latin and the like, 2 otherwise),
/// each emoji sequence weighs 2, and each URL, with or without a scheme, counts 23.
public enum TwitterText {
    /// Weighs `text` by twitter-text's rules and says whether it may be posted.
    ///
    /// The text is NFC-normalised first. A URL (found as ``entities(in:)`` finds URLs) counts
    /// ``Configuration/transformedURLLength``; with ``Configuration/emojiParsingEnabled`` an
    /// emoji sequence weighs ``Configuration/defaultWeight`` once; any other code point weighs by
    /// the configuration's ranges. The text is valid when it is not empty, fits
    /// ``Configuration/maxWeightedTweetLength`` and holds none of U+FFFE, U+FEFF, U+FFFF
    /// (directional marks such as U+202A–U+202E are valid and count).
    ///
    /// - Parameters:
    ///   - text: The post text, as the user wrote it.
    ///   - configuration: The weighting rules; ``Configuration/v3`` (X today) by default.
    /// - Returns: The weighted length, permillage, verdict and ranges, as twitter-text reports them.
    public static func parse(_ text: String, configuration: Configuration = .v3) -> ParseResult {
        let originalLength = text.utf16.count
        let normalized = normalizedNFC(text)
        let urls = TwitterText.urls(in: normalized)
        let scale = max(configuration.scale, 1)
        let limit = configuration.maxWeightedTweetLength * scale
        let view = normalized.unicodeScalars

        var weighted = 0
        var valid = true
        var validDisplayIndex = 0
        var offset = 0  // UTF-16 offset of `index` in `normalized`
        var nextURL = 0
        var index = view.startIndex
        while index < view.endIndex {
            let scalar = view[index]
            let lastUnit: Int
            if nextURL < urls.count, urls[nextURL].utf16Range.lowerBound == offset {
                let end = urls[nextURL].utf16Range.upperBound
                weighted += configuration.transformedURLLength * scale
                while index < view.endIndex, offset < end {
                    offset += view[index].utf16.count
                    view.formIndex(after: &index)
                }
                nextURL += 1
                lastUnit = offset - 1
            } else if configuration.emojiParsingEnabled, scalar.value > 0x22,
                !(scalar.value >= 0x40 && scalar.value < 0xA9),
                let end = emojiSequenceEnd(in: view, at: index)
            {
                weighted += configuration.defaultWeight
                while index < end {
                    offset += view[index].utf16.count
                    view.formIndex(after: &index)
                }
                lastUnit = offset - 1
            } else {
                weighted += configuration.weight(of: scalar.value)
                let width = scalar.utf16.count
                offset += width
                view.formIndex(after: &index)
                lastUnit = offset - 1
                if valid, width == 1, scalar.value == 0xFFFE || scalar.value == 0xFEFF || scalar.value == 0xFFFF {
                    valid = false
                }
            }
            while nextURL < urls.count, urls[nextURL].utf16Range.lowerBound < offset { nextURL += 1 }
            if valid, weighted <= limit { validDisplayIndex = lastUnit }
        }

        let weightedLength = weighted / scale
        let maxLength = max(configuration.maxWeightedTweetLength, 1)
        let permillage = Int((Double(weightedLength) / Double(maxLength) * 1000).rounded(.down))
        let validEnd = max(0, validDisplayIndex + originalLength - offset)
        return ParseResult(
            weightedLength: weightedLength,
            permillage: permillage,
            isValid: valid && weightedLength > 0 && weightedLength <= configuration.maxWeightedTweetLength,
            displayRange: 0...max(0, originalLength - 1),
            validRange: 0...validEnd
        )
    }

    /// The URLs, hashtags, mentions and cashtags of `text`, in order and without overlaps.
    ///
    /// Extraction follows twitter-text: URLs with and without a scheme (see the URL rules in
    /// ``TextEntity/Kind/url``), `#hashtags` of letters, marks, digits and `_` (not only digits,
    /// preceded by a non-word character), `@mentions` of 1–20 `A–Z a–z 0–9 _` (with an optional
    /// `/list`), and `$CASHTAG`s of 1–6 letters with an optional `.xx` or `_xx` suffix. When two
    /// entities overlap, the one that starts first wins (a URL over the hashtag in its fragment).
    /// The text is not normalised, so positions refer to `text` as given.
    ///
    /// - Parameter text: The text to search.
    /// - Returns: The entities, sorted by position, each with its range in every unit.
    public static func entities(in text: String) -> [TextEntity] {
        var raw: [RawEntity] = urls(in: text).map {
            RawEntity(kind: .url, utf16Range: $0.utf16Range, value: $0.url)
        }
        raw += hashtags(in: text) + mentionsOrLists(in: text) + cashtags(in: text)
        return TextOffsets.entities(from: removingOverlaps(raw), in: text)
    }

    /// `text` in Unicode Normalization Form C, skipping the work when every code point is NFC-stable.
    static func normalizedNFC(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text }
        for scalar in text.unicodeScalars where !isNFCStable(scalar.value) {
            return text.precomposedStringWithCanonicalMapping
        }
        return text
    }

    /// Whether a code point can neither change under NFC nor combine with its neighbours.
    private static func isNFCStable(_ value: UInt32) -> Bool {
        switch value {
        case 0..<0x300, 0x0400...0x0482, 0x048A...0x04FF, 0x2002...0x206F, 0x2190...0x21FF, 0x2300...0x2328,
            0x232B...0x23FF, 0x2500...0x27BF, 0x3000...0x3029, 0x3030...0x3098, 0x309B...0x30FF,
            0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7A3, 0xFE00...0xFE0F, 0xFF00...0xFFEF,
            0x1F000...0x1FAFF, 0xE0020...0xE007F:
            return true
        default:
            return false
        }
    }
}
