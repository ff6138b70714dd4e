/// Counting user-perceived characters (extended grapheme clusters), as `String.count` does,
/// without its cost on text whose characters are all simple.
enum GraphemeCount {
    /// The number of grapheme clusters in `text`; equal to `text.count`.
    ///
    /// Text made only of ASCII and of the scalars ``isSimple(_:)`` lists (Latin, Greek, Cyrillic,
    /// general punctuation, CJK ideographs, kana, Hangul syllables, full-width forms) is counted
    /// from its UTF-8 bytes in one pass: each such scalar is a cluster of its own, except a
    /// carriage return followed by a line feed, which is one (Unicode's rule GB3). Text with any
    /// other scalar (combining marks, emoji, joiners, Indic scripts…) is counted by the standard
    /// library.
    static func of(_ text: String) -> Int {
        let fastCount = text.utf8.withContiguousStorageIfAvailable { bytes -> Int? in
            var count = 0
            var previous: UInt8 = 0
            var index = 0
            let end = bytes.count
            while index < end {
                let byte = bytes[index]
                if byte < 0x80 {
                    if !(byte == 0x0A && previous == 0x0D) { count += 1 }
                    previous = byte
                    index += 1
                    continue
                }
                // String's storage is valid UTF-8: decode the scalar by its length.
                let scalar: UInt32
                if byte < 0xE0 {
                    scalar = UInt32(byte & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
                    index += 2
                } else if byte < 0xF0 {
                    scalar = UInt32(byte & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6
                        | UInt32(bytes[index + 2] & 0x3F)
                    index += 3
                } else {
                    return nil
                }
                guard isSimple(scalar) else { return nil }
                count += 1
                previous = byte
            }
            return count
        }
        return (fastCount ?? nil) ?? text.count
    }

    /// Whether `scalar` (beyond ASCII) always forms a cluster of its own, whatever surrounds it
    /// (as long as every scalar around it is simple too): its Grapheme_Cluster_Break property is
    /// Other or Control, or it is a Hangul syllable, which joins only conjoining jamo (not simple).
    static func isSimple(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x80...0x2FF,  // C1 controls, Latin-1, Latin Extended-A/B, IPA, spacing modifiers
            0x370...0x3FF,  // Greek and Coptic
            0x400...0x482, 0x48A...0x4FF,  // Cyrillic, without its combining marks
            0x1E00...0x1FFF,  // Latin Extended Additional, Greek Extended
            0x2010...0x2027, 0x2030...0x205E,  // general punctuation, without joiners and format controls
            0x20A0...0x20BF,  // currency signs
            0x3000...0x3029,  // CJK symbols and punctuation, before the tone marks
            0x3041...0x3096, 0x309B...0x30FF,  // hiragana and katakana, without the combining sound marks
            0x3400...0x4DBF, 0x4E00...0x9FFF,  // CJK ideographs
            0xAC00...0xD7A3,  // Hangul syllables
            0xFF01...0xFF9D:  // full-width and half-width forms, before the half-width sound marks
            return true
        default:
            return false
        }
    }
}
