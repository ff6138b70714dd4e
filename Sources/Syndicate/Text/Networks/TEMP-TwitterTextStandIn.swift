// TEMPORARY stand-in for part 1's twitter-text v3 and Mastodon length API, with the same
// signatures and naive bodies, so that network rules, the CLI and the benchmark build before
// part 1 is merged. Delete this whole file at merge; nothing else lives here.

import Foundation

/// Stand-in: twitter-text v3 weighted length (naive: no URL or emoji handling, no NFC).
public enum TwitterText {
    /// Stand-in: the v3 configuration.
    public struct Configuration: Sendable, Equatable {
        /// The longest valid weighted length.
        public var maxWeightedTweetLength: Int
        /// Stand-in: twitter-text's `config/v3.json`.
        public static let v3 = Configuration(maxWeightedTweetLength: 280)
    }

    /// Stand-in: the outcome of ``TwitterText/parse(_:configuration:)``.
    public struct ParseResult: Sendable, Equatable {
        public var weightedLength: Int
        public var permillage: Int
        public var isValid: Bool
        public var displayRange, validRange: ClosedRange<Int>
    }

    /// Stand-in: weighs each code point 1 or 2 by the v3 ranges.
    public static func parse(_ text: String, configuration: Configuration = .v3) -> ParseResult {
        var weighted = 0
        var units = 0
        var validEnd = -1
        for scalar in text.unicodeScalars {
            let value = scalar.value
            let light = value <= 4351 || (8192...8205).contains(value) || (8208...8223).contains(value)
                || (8242...8247).contains(value)
            weighted += light ? 100 : 200
            units += scalar.utf16.count
            if weighted <= configuration.maxWeightedTweetLength * 100 { validEnd = units - 1 }
        }
        let length = weighted / 100
        let isValid = length > 0 && length <= configuration.maxWeightedTweetLength
        return ParseResult(
            weightedLength: length,
            permillage: length * 1000 / max(configuration.maxWeightedTweetLength, 1),
            isValid: isValid,
            displayRange: 0...max(units - 1, 0),
            validRange: 0...max(validEnd, 0))
    }

    /// Stand-in: finds nothing.
    public static func entities(in text: String) -> [TextEntity] { [] }
}

/// Stand-in: an entity twitter-text extracts.
public struct TextEntity: Sendable, Equatable, Hashable {
    public enum Kind: Sendable { case url, hashtag, mention, cashtag }
    public var kind: Kind
    public var text: String
    public var value: String
    public var range: Range<String.Index>
    public var utf16Range: Range<Int>
    public var utf8Range: Range<Int>
    public var graphemeRange: Range<Int>
}

/// Stand-in: Mastodon status length (naive: graphemes of spoiler and text, URLs not shortened).
public enum MastodonLength {
    /// Stand-in: counts the grapheme clusters of `spoilerText + text`.
    public static func count(_ text: String, spoilerText: String = "", urlLength: Int = 23) -> Int {
        spoilerText.count + text.count
    }
}
