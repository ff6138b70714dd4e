import Foundation

extension TwitterText {
    /// What twitter-text's `parseTweet` reports for a text: its weighted length and whether it may be posted.
    ///
    /// Ranges are inclusive and counted in UTF-16 code units of the original (un-normalised) text,
    /// exactly as twitter-text reports them: ``displayRange`` covers the whole text (`0...0` when
    /// empty) and ``validRange`` the part that still fits the limit and holds no invalid character.
    public struct ParseResult: Sendable, Equatable {
        /// The weighted length: weights summed per code point, URLs at their fixed length, divided by the scale.
        public var weightedLength: Int
        /// The weighted length in thousandths of the limit, rounded down (1000 = exactly full).
        public var permillage: Int
        /// Whether the text may be posted: not empty, within the limit, no U+FFFE, U+FEFF or U+FFFF.
        public var isValid: Bool
        /// The whole text, as an inclusive range of UTF-16 offsets.
        public var displayRange: ClosedRange<Int>
        /// The leading part that fits, as an inclusive range of UTF-16 offsets.
        public var validRange: ClosedRange<Int>

        /// Creates a parse result.
        public init(
            weightedLength: Int, permillage: Int, isValid: Bool, displayRange: ClosedRange<Int>,
            validRange: ClosedRange<Int>
        ) {
            self.weightedLength = weightedLength
            self.permillage = permillage
            self.isValid = isValid
            self.displayRange = displayRange
            self.validRange = validRange
        }
    }
}
