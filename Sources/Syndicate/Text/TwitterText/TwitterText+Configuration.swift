import Foundation

extension TwitterText {
    /// The weighting rules of one twitter-text configuration (`config/v1.json`, `v2.json`, `v3.json`).
    ///
    /// A code point inside one of ``ranges`` weighs that range's weight, every other code point
    /// ``defaultWeight``; the sum is divided by ``scale``. Every URL counts ``transformedURLLength``.
    /// With ``emojiParsingEnabled`` an emoji sequence (ZWJ sequences, flags, keycaps, skin tones)
    /// weighs ``defaultWeight`` once. The values of the three published configurations are
    /// embedded; nothing is read at run time.
    ///
    /// ```swift
    /// var premium = TwitterText.Configuration.v3
    /// premium.maxWeightedTweetLength = 25_000
    /// TwitterText.parse(longText, configuration: premium).isValid
    /// ```
    public struct Configuration: Sendable, Equatable {
        /// A range of code points, both ends inclusive, and the weight of each code point in it.
        public struct WeightRange: Sendable, Equatable {
            /// The first code point of the range.
            public var start: UInt32
            /// The last code point of the range (inclusive).
            public var end: UInt32
            /// The weight of each code point in the range, before dividing by ``Configuration/scale``.
            public var weight: Int

            /// Creates a weighted range of code points.
            public init(start: UInt32, end: UInt32, weight: Int) {
                self.start = start
                self.end = end
                self.weight = weight
            }
        }

        /// The configuration's version number (1, 2 or 3 for the published ones).
        public var version: Int
        /// The most weighted length a valid post may have (280 on X; more for accounts with longer posts).
        public var maxWeightedTweetLength: Int
        /// The divisor that turns summed weights into the weighted length.
        public var scale: Int
        /// The weight of a code point outside every range (and of one emoji sequence).
        public var defaultWeight: Int
        /// Whether an emoji sequence weighs ``defaultWeight`` once instead of per code point.
        public var emojiParsingEnabled: Bool
        /// The weighted length of every URL, whatever its own length (23 on X).
        public var transformedURLLength: Int
        /// Code point ranges with their own weight.
        public var ranges: [WeightRange]

        /// Creates a configuration.
        public init(
            version: Int, maxWeightedTweetLength: Int, scale: Int, defaultWeight: Int,
            emojiParsingEnabled: Bool, transformedURLLength: Int, ranges: [WeightRange]
        ) {
            self.version = version
            self.maxWeightedTweetLength = maxWeightedTweetLength
            self.scale = scale
            self.defaultWeight = defaultWeight
            self.emojiParsingEnabled = emojiParsingEnabled
            self.transformedURLLength = transformedURLLength
            self.ranges = ranges
        }

        /// The ranges of `config/v2.json` and `v3.json` that weigh 100 (half the default):
        /// Latin, Greek, Cyrillic, Hebrew, Arabic, Devanagari … up to U+10FF, and some punctuation.
        static let lightRanges: [WeightRange] = [
            WeightRange(start: 0, end: 4351, weight: 100),
            WeightRange(start: 8192, end: 8205, weight: 100),
            WeightRange(start: 8208, end: 8223, weight: 100),
            WeightRange(start: 8242, end: 8247, weight: 100),
        ]

        /// `config/v3.json`, the current X rules: 280, light ranges weigh 1, others 2, emoji 2, URLs 23.
        public static let v3 = Configuration(
            version: 3, maxWeightedTweetLength: 280, scale: 100, defaultWeight: 200,
            emojiParsingEnabled: true, transformedURLLength: 23, ranges: lightRanges
        )

        /// `config/v2.json`: as ``v3`` but every code point of an emoji sequence is weighed separately.
        public static let v2 = Configuration(
            version: 2, maxWeightedTweetLength: 280, scale: 100, defaultWeight: 200,
            emojiParsingEnabled: false, transformedURLLength: 23, ranges: lightRanges
        )

        /// `config/v1.json`, the legacy rules: 140 code points, every code point weighs 1, URLs 23.
        public static let v1 = Configuration(
            version: 1, maxWeightedTweetLength: 140, scale: 1, defaultWeight: 1,
            emojiParsingEnabled: false, transformedURLLength: 23, ranges: []
        )

        /// The weight of one code point, before dividing by ``scale``.
        func weight(of value: UInt32) -> Int {
            for range in ranges where value >= range.start && value <= range.end {
                return range.weight
            }
            return defaultWeight
        }
    }
}
