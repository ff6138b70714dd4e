extension TwitterText {
    /// Decodes the scalar starting at byte `index` of well-formed UTF-8: its value and byte length.
    @inline(__always)
    static func decodeScalar(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (value: UInt32, length: Int) {
        let lead = UInt32(bytes[index])
        if lead < 0x80 { return (lead, 1) }
        let count = bytes.count
        if lead < 0xE0, index + 1 < count {
            return (((lead & 0x1F) << 6) | (UInt32(bytes[index + 1]) & 0x3F), 2)
        }
        if lead < 0xF0, index + 2 < count {
            return (
                ((lead & 0x0F) << 12) | ((UInt32(bytes[index + 1]) & 0x3F) << 6) | (UInt32(bytes[index + 2]) & 0x3F), 3
            )
        }
        if index + 3 < count {
            return (
                ((lead & 0x07) << 18) | ((UInt32(bytes[index + 1]) & 0x3F) << 12)
                    | ((UInt32(bytes[index + 2]) & 0x3F) << 6)
                    | (UInt32(bytes[index + 3]) & 0x3F), 4
            )
        }
        return (0xFFFD, 1)
    }

    /// Whether a code point is an emoji by Unicode's `Emoji` property.
    ///
    /// The ranges that hold no emoji but `©`, `®` (below U+203C) and `〰`, `〽`, `㊗`, `㊙`
    /// (U+2B56 to U+1F003: CJK, Hangul and the rest of the BMP) are decided without looking the
    /// property up (Unicode 16's emoji-data; every other emoji is from U+203C to U+2B55 or from
    /// U+1F004 on).
    /// The two blocks that hold nearly all emoji are looked up in a bitmap built from the
    /// property once.
    @inline(__always)
    static func isEmoji(_ value: UInt32) -> Bool {
        if value >= 0x80, value < 0x203C { return value == 0xA9 || value == 0xAE }
        if value > 0x2B55, value < 0x1F004 {
            return value == 0x3030 || value == 0x303D || value == 0x3297 || value == 0x3299
        }
        return isEmojiLookedUp(value)
    }

    /// ``isEmoji(_:)`` for the code points its inlined part leaves: the two bitmaps, else the property.
    @inline(never)
    private static func isEmojiLookedUp(_ value: UInt32) -> Bool {
        if value >= 0x2000, value < 0x2C00 { return EmojiBitmap.symbols.contains(value) }
        if value >= 0x1F000, value < 0x1FB00 { return EmojiBitmap.pictographs.contains(value) }
        return Unicode.Scalar(value)?.properties.isEmoji ?? false
    }

    /// Unicode's `Emoji` property over a range of code points, one bit each.
    struct EmojiBitmap: Sendable {
        let start: UInt32
        let words: [UInt64]

        init(_ range: Range<UInt32>) {
            start = range.lowerBound
            var words = [UInt64](repeating: 0, count: (range.count + 63) / 64)
            for value in range where Unicode.Scalar(value)?.properties.isEmoji ?? false {
                let bit = Int(value - range.lowerBound)
                words[bit >> 6] |= 1 << UInt64(bit & 63)
            }
            self.words = words
        }

        /// Whether `value`, which must lie in the bitmap's range, is an emoji.
        @inline(__always)
        func contains(_ value: UInt32) -> Bool {
            let bit = Int(value - start)
            return words[bit >> 6] & (1 << UInt64(bit & 63)) != 0
        }

        /// General punctuation to miscellaneous symbols and arrows (U+2000–U+2BFF).
        static let symbols = EmojiBitmap(0x2000..<0x2C00)
        /// Mahjong tiles to symbols and pictographs extended-A (U+1F000–U+1FAFF).
        static let pictographs = EmojiBitmap(0x1F000..<0x1FB00)
    }

    /// The end (byte index, UTF-16 units consumed) of the emoji sequence starting at byte `start`,
    /// or nil if no emoji starts there.
    ///
    /// A sequence is what twitter-text's emoji regex (twemoji) treats as one emoji: a keycap
    /// (`1` `U+FE0F`? `U+20E3`), a flag (two regional indicators), an emoji with an optional
    /// `U+FE0F` or skin-tone modifier, tag characters (subdivision flags), and further emoji joined
    /// by `U+200D` (ZWJ families, professions). `©`, `®` and `™` count only with `U+FE0F`.
    static func emojiSequenceEnd(in bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> (end: Int, utf16: Int)? {
        var cursor = ScalarCursor(bytes: bytes, index: start)
        guard let first = cursor.peek() else { return nil }
        cursor.advance()

        switch first {
        case 0x23, 0x2A, 0x30...0x39:  // # * 0–9: only as keycaps
            if cursor.peek() == 0xFE0F { cursor.advance() }
            guard cursor.peek() == 0x20E3 else { return nil }
            cursor.advance()
            return (cursor.index, cursor.units)
        case 0x00...0x7F:
            return nil
        case 0x1F1E6...0x1F1FF:  // regional indicators: a pair is a flag
            if let next = cursor.peek(), (0x1F1E6...0x1F1FF).contains(next) { cursor.advance() }
            return (cursor.index, cursor.units)
        case 0xA9, 0xAE, 0x2122:
            guard cursor.peek() == 0xFE0F else { return nil }
        default:
            guard isEmoji(first) else { return nil }
        }

        cursor.consumeModifiers()
        while let next = cursor.peek(), (0xE0020...0xE007E).contains(next) { cursor.advance() }
        if cursor.peek() == 0xE007F { cursor.advance() }
        while cursor.peek() == 0x200D {
            let joiner = cursor
            cursor.advance()
            guard let next = cursor.peek(), next > 0x7F, isEmoji(next) else {
                cursor = joiner
                break
            }
            cursor.advance()
            cursor.consumeModifiers()
        }
        return (cursor.index, cursor.units)
    }
}
