/// Counting user-perceived characters (extended grapheme clusters), as `String.count` does,
/// without its cost on text whose characters are all simple.
enum GraphemeCount {
    /// The number of grapheme clusters in `text`; equal to `text.count`.
    ///
    /// Runs of ASCII and of the scalars ``isSimple(_:)`` lists (Latin, Greek, Cyrillic, general
    /// punctuation, CJK ideographs, kana, Hangul syllables, full-width forms) are counted from
    /// their UTF-8 bytes: each such scalar is a cluster of its own, except a carriage return
    /// followed by a line feed, which is one (Unicode's rule GB3). At any other scalar (a combining
    /// mark, an emoji, a joiner, an Indic letter…) the standard library takes over, starting one
    /// cluster early, since a mark or a joiner attaches to the character before it, and hands
    /// back at the first cluster boundary followed by a simple scalar.
    static func of(_ text: String) -> Int {
        var total = 0
        var offset = 0
        let scalars = text.unicodeScalars
        while true {
            guard let prefix = simplePrefix(of: text, from: offset, stoppingAfter: Int.max) else { return text.count }
            total += prefix.count
            guard var index = prefix.rest else { return total }
            repeat {
                index = text.index(after: index)
                total += 1
                if index == text.endIndex { return total }
            } while !Self.isSimpleOrASCII(scalars[index].value)
            offset = text.utf8.distance(from: text.startIndex, to: index)
        }
    }

    /// The number of grapheme clusters in `text`, or `limit + 1` when there are more than
    /// `limit`: `min(text.count, limit + 1)`, counting no further than needed.
    static func count(_ text: String, upTo limit: Int) -> Int {
        guard limit >= 0 else { return limit + 1 }
        guard let prefix = simplePrefix(of: text, from: 0, stoppingAfter: limit) else { return min(text.count, limit + 1) }
        if prefix.count > limit { return limit + 1 }
        guard let rest = prefix.rest else { return prefix.count }
        return prefix.count + text[rest...].prefix(limit + 1 - prefix.count).count
    }

    /// Whether `text` has more than `limit` grapheme clusters (`text.count > limit`), counting
    /// no further than needed.
    static func exceeds(_ text: String, _ limit: Int) -> Bool {
        if text.utf8.count <= limit { return false }  // A cluster has at least one byte.
        guard limit >= 0 else { return true }
        guard let prefix = simplePrefix(of: text, from: 0, stoppingAfter: limit) else { return text.count > limit }
        if prefix.count > limit { return true }
        guard let rest = prefix.rest else { return false }
        return !text[rest...].dropFirst(limit - prefix.count).isEmpty
    }

    /// The clusters of the simple run of `text` from UTF-8 offset `start`, which must be a cluster
    /// boundary (up to its first scalar that is not ASCII or ``isSimple(_:)``, less the cluster
    /// that scalar may extend), and where the rest begins (nil when the whole text was counted);
    /// nil when the text has no contiguous UTF-8 storage. Stops early, with `rest` nil, once the
    /// count exceeds `limit`.
    private static func simplePrefix(
        of text: String, from start: Int, stoppingAfter limit: Int
    ) -> (count: Int, rest: String.Index?)? {
        let scan = text.utf8.withContiguousStorageIfAvailable { bytes -> (count: Int, restOffset: Int?) in
            var count = 0
            var previous: UInt8 = 0
            var clusterStart = start  // where the last counted cluster begins
            var index = start
            let end = bytes.count
            while index < end, count <= limit {
                // Eight ASCII bytes without a line feed are eight clusters (only a line feed can
                // join the byte before it): counted in one step while the limit is not near.
                if index + 8 <= end, count + 8 <= limit {
                    let word = UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self)
                    let lineFeeds = word ^ 0x0A0A_0A0A_0A0A_0A0A
                    if word & 0x8080_8080_8080_8080 == 0,
                        (lineFeeds &- 0x0101_0101_0101_0101) & ~lineFeeds & 0x8080_8080_8080_8080 == 0
                    {
                        count += 8
                        clusterStart = index + 7
                        previous = bytes[index + 7]
                        index += 8
                        continue
                    }
                }
                let byte = bytes[index]
                if byte < 0x80 {
                    if byte == 0x0A && previous == 0x0D {
                        // The line feed joins the carriage return's cluster.
                    } else {
                        count += 1
                        clusterStart = index
                    }
                    previous = byte
                    index += 1
                    continue
                }
                // String's storage is valid UTF-8: decode the scalar by its length.
                var scalar: UInt32 = 0
                var length = 4
                if byte < 0xE0 {
                    scalar = UInt32(byte & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
                    length = 2
                } else if byte < 0xF0 {
                    scalar = UInt32(byte & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6
                        | UInt32(bytes[index + 2] & 0x3F)
                    length = 3
                }
                guard length < 4, isSimple(scalar) else {
                    // Hand over from the start of the last cluster, which this scalar may extend.
                    return count == 0 ? (0, start) : (count - 1, clusterStart)
                }
                count += 1
                clusterStart = index
                previous = byte
                index += length
            }
            return (count, nil)
        }
        guard let scan else { return nil }
        return (scan.count, scan.restOffset.map { text.utf8.index(text.utf8.startIndex, offsetBy: $0) })
    }

    /// Whether `scalar` is ASCII or ``isSimple(_:)``.
    @inline(__always)
    static func isSimpleOrASCII(_ scalar: UInt32) -> Bool {
        scalar < 0x80 || isSimple(scalar)
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
