import Foundation

/// X (Twitter) text rules, as the twitter-text library defines them: weighted length and entities.
///
/// ```swift
/// let result = TwitterText.parse("Hello 👋 https://example.com/a/long/path")
/// result.weightedLength  // 32: "Hello " 6, the emoji 2, the space 1, the URL 23
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
        var source = text
        if let result = source.withUTF8({ weigh($0, originalLength: nil, configuration: configuration) }) {
            return result
        }
        var normalized = text.precomposedStringWithCanonicalMapping
        let originalLength = text.utf16.count
        return normalized.withUTF8 { weigh($0, originalLength: originalLength, configuration: configuration) }
            ?? ParseResult(weightedLength: 0, permillage: 0, isValid: false, displayRange: 0...0, validRange: 0...0)
    }

    /// twitter-text's `parseTweet` loop over the UTF-8 `bytes` of an NFC text.
    ///
    /// With `originalLength` nil the bytes are the caller's own text, and the function returns
    /// nil as soon as it meets a code point that NFC could change (the caller then normalises and
    /// weighs again);
    /// otherwise the bytes are already normalised and `originalLength` is the UTF-16 length of
    /// the text before normalisation, which the ranges refer to.
    private static func weigh(
        _ bytes: UnsafeBufferPointer<UInt8>, originalLength: Int?, configuration: Configuration
    ) -> ParseResult? {
        let count = bytes.count
        let checkNormalization = originalLength == nil
        let urls = urlSpans(in: bytes)
        let scale = max(configuration.scale, 1)
        let limit = configuration.maxWeightedTweetLength * scale
        let urlWeight = configuration.transformedURLLength * scale
        // An emoji sequence weighs the default once, as do code points past every range.
        let defaultWeight = configuration.defaultWeight
        let emojiEnabled = configuration.emojiParsingEnabled
        let ranges = configuration.ranges
        // ASCII weighs the first range's weight when that range covers it (v2, v3), else per code point.
        let asciiWeight = ranges.first.map { $0.start == 0 && $0.end >= 0x7F ? $0.weight : -1 } ?? -1
        // Code points past every range (CJK, most of the BMP and beyond) need no range lookup.
        let lastRangeEnd = ranges.reduce(0) { max($0, $1.end) }

        var weighted = 0
        var valid = true
        var validDisplayIndex = 0
        var offset = 0  // UTF-16 offset of `index`
        var nextURL = 0
        var nextURLStart = urls.first?.bytes.lowerBound ?? Int.max  // a byte index
        var index = 0
        while index < count {
            let byte = bytes[index]
            if index == nextURLStart {
                let url = urls[nextURL]
                weighted += urlWeight
                index = url.bytes.upperBound
                offset += url.utf16Count
                nextURL += 1
                // Skip URLs that started inside this one (none do; twitter-text's map has one per start).
                while nextURL < urls.count, urls[nextURL].bytes.lowerBound < index { nextURL += 1 }
                nextURLStart = nextURL < urls.count ? urls[nextURL].bytes.lowerBound : Int.max
            } else if byte < 0x80, asciiWeight >= 0, !(emojiEnabled && isKeycapBase(byte)) {
                // A run of ASCII up to the next URL, keycap base or other code point, in bulk.
                let end = Self.asciiRunEnd(
                    in: bytes, from: index + 1, limit: min(count, nextURLStart), stoppingAtKeycapBases: emojiEnabled)
                let length = end - index
                if valid {
                    // Each byte adds asciiWeight; the last one that keeps the sum within the limit counts.
                    let within =
                        weighted + length * asciiWeight <= limit
                        ? length
                        : asciiWeight == 0 ? 0 : max(0, min(length, (limit - weighted) / asciiWeight))
                    if within > 0 { validDisplayIndex = offset + within - 1 }
                }
                weighted += length * asciiWeight
                index = end
                offset += length
                continue
            } else if byte < 0x80 {
                if emojiEnabled, isKeycapBase(byte), let emoji = emojiSequenceEnd(in: bytes, at: index) {
                    weighted += defaultWeight
                    index = emoji.end
                    offset += emoji.utf16
                } else {
                    weighted += configuration.weight(of: UInt32(byte))
                    index += 1
                    offset += 1
                }
            } else {
                let scalar = decodeScalar(bytes, at: index)
                if emojiEnabled, isEmoji(scalar.value), let emoji = emojiSequenceEnd(in: bytes, at: index) {
                    weighted += defaultWeight
                    index = emoji.end
                    offset += emoji.utf16
                } else {
                    // Emoji sequences need no check: their code points never change under NFC.
                    if checkNormalization, !isNFCStable(scalar.value) { return nil }
                    weighted += scalar.value > lastRangeEnd ? defaultWeight : configuration.weight(of: scalar.value)
                    index += scalar.length
                    offset += scalar.value > 0xFFFF ? 2 : 1
                    if valid, scalar.value == 0xFFFE || scalar.value == 0xFEFF || scalar.value == 0xFFFF {
                        valid = false
                    }
                }
            }
            if index > nextURLStart {
                // A URL that starts inside an emoji sequence or a surrogate pair is not counted as one.
                while nextURL < urls.count, urls[nextURL].bytes.lowerBound < index { nextURL += 1 }
                nextURLStart = nextURL < urls.count ? urls[nextURL].bytes.lowerBound : Int.max
            }
            if valid, weighted <= limit { validDisplayIndex = offset - 1 }
        }

        let length = originalLength ?? offset
        let weightedLength = weighted / scale
        let maxLength = max(configuration.maxWeightedTweetLength, 1)
        let permillage = Int((Double(weightedLength) / Double(maxLength) * 1000).rounded(.down))
        let validEnd = max(0, validDisplayIndex + length - offset)
        return ParseResult(
            weightedLength: weightedLength,
            permillage: permillage,
            isValid: valid && weightedLength > 0 && weightedLength <= configuration.maxWeightedTweetLength,
            displayRange: 0...max(0, length - 1),
            validRange: 0...validEnd
        )
    }

    /// Where a URL is in the UTF-8 bytes of a text: its byte range and its length in UTF-16 units.
    struct URLSpan: Equatable {
        var bytes: Range<Int>
        var utf16Count: Int
    }

    /// The URLs in the UTF-8 `bytes`, as ``urls(in:withoutProtocol:)`` finds them, as byte ranges.
    ///
    /// A URL holds no space, and every match of the URL regex lies inside one run of text
    /// between ASCII white space (its preceding character may be the white space before the run),
    /// so only runs with a `.` followed by a letter or a non-ASCII byte (every TLD starts so) are
    /// scanned, each on its own, with the white space before it.
    static func urlSpans(in bytes: UnsafeBufferPointer<UInt8>) -> [URLSpan] {
        guard let base = bytes.baseAddress else { return [] }
        let count = bytes.count
        var result: [URLSpan] = []
        var found: [Range<Int>] = []
        var searchFrom = 0
        while searchFrom < count, let dotPointer = memchr(base + searchFrom, 0x2E, count - searchFrom) {
            let dot = base.distance(to: dotPointer.assumingMemoryBound(to: UInt8.self))
            var runStart = dot
            while runStart > 0, !isASCIISpace(bytes[runStart - 1]) { runStart -= 1 }
            var runEnd = dot + 1
            var mayHoldTLD = false
            while runEnd < count {
                let byte = bytes[runEnd]
                if isASCIISpace(byte) { break }
                if !mayHoldTLD, bytes[runEnd - 1] == 0x2E, byte >= 0x80 || (byte | 0x20) &- 0x61 < 26 { mayHoldTLD = true }
                runEnd += 1
            }
            searchFrom = runEnd
            guard mayHoldTLD else { continue }
            if result.capacity == 0 { result.reserveCapacity(4) }  // one allocation for most texts
            let unitsStart = max(runStart - 1, 0)
            let run = UnsafeBufferPointer(rebasing: bytes[unitsStart..<runEnd])
            // The run as UTF-16 in scratch space (on the stack when small): never more units than bytes.
            withUnsafeTemporaryAllocation(of: UInt16.self, capacity: run.count) { scratch in
                let units = UnsafeBufferPointer(rebasing: scratch[..<writeUTF16Units(of: run, to: scratch)])
                if units.count == run.count {
                    // An ASCII run: UTF-16 offsets are byte offsets.
                    forEachURL(in: units, withText: false) { url in
                        let range = url.utf16Range
                        result.append(
                            URLSpan(
                                bytes: (unitsStart + range.lowerBound)..<(unitsStart + range.upperBound),
                                utf16Count: range.count))
                    }
                    return
                }
                found.removeAll(keepingCapacity: true)
                forEachURL(in: units, withText: false) { found.append($0.utf16Range) }
                // Matches come in order, so one cursor turns their UTF-16 offsets into byte offsets.
                var cursor = ScalarCursor(bytes: run, index: 0)
                for range in found {
                    let start = unitsStart + cursor.advance(toUnit: range.lowerBound)
                    let end = unitsStart + cursor.advance(toUnit: range.upperBound)
                    result.append(URLSpan(bytes: start..<end, utf16Count: range.count))
                }
            }
        }
        return result
    }

    /// The index of the first byte from `start` (before `limit`) that is not ASCII or, with
    /// `stoppingAtKeycapBases`, is `#`, `*` or a digit; `limit` if there is none. Eight bytes are
    /// tested at a time.
    @inline(__always)
    static func asciiRunEnd(
        in bytes: UnsafeBufferPointer<UInt8>, from start: Int, limit: Int, stoppingAtKeycapBases: Bool
    ) -> Int {
        var end = start
        if let base = bytes.baseAddress {
            let ones: UInt64 = 0x0101_0101_0101_0101
            let highBits = ones &* 0x80
            while end + 8 <= limit {
                let word = UInt64(littleEndian: UnsafeRawPointer(base + end).loadUnaligned(as: UInt64.self))
                var stops = word & highBits
                if stoppingAtKeycapBases {
                    // Per byte, on its low seven bits (no carry crosses a byte; bytes with the
                    // high bit set stop anyway): at least "0", above "9", equal to "#", to "*".
                    let low = word & ~highBits
                    let digits = (low &+ ones &* 0x50) & ~(low &+ ones &* 0x46) & highBits
                    let hash = low ^ (ones &* 0x23)
                    let star = low ^ (ones &* 0x2A)
                    stops |= digits | ~((hash &+ ones &* 0x7F) | hash) & highBits | ~((star &+ ones &* 0x7F) | star) & highBits
                }
                if stops != 0 { return end + stops.trailingZeroBitCount / 8 }
                end += 8
            }
        }
        while end < limit {
            let byte = bytes[end]
            if byte >= 0x80 || (stoppingAtKeycapBases && isKeycapBase(byte)) { break }
            end += 1
        }
        return end
    }

    /// Whether `byte` is `#`, `*` or a digit, which start a keycap emoji.
    @inline(__always)
    private static func isKeycapBase(_ byte: UInt8) -> Bool {
        byte == 0x23 || byte == 0x2A || (byte >= 0x30 && byte <= 0x39)
    }

    /// Whether `byte` is ASCII white space as twitter-text's `spaces` has it (tab to carriage return, space).
    @inline(__always)
    private static func isASCIISpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
    }

    /// Writes the UTF-16 code units of well-formed UTF-8 `bytes` to the start of `units`, which
    /// holds at least `bytes.count` units (UTF-8 never has fewer bytes than UTF-16 has units), and
    /// returns how many it wrote.
    static func writeUTF16Units(of bytes: UnsafeBufferPointer<UInt8>, to units: UnsafeMutableBufferPointer<UInt16>) -> Int {
        precondition(units.count >= bytes.count, "the UTF-16 buffer is shorter than the UTF-8 bytes")
        var index = 0
        var written = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 {
                units[written] = UInt16(byte)
                written += 1
                index += 1
                continue
            }
            let scalar = decodeScalar(bytes, at: index)
            index += scalar.length
            if scalar.value > 0xFFFF {
                let value = scalar.value - 0x10000
                units[written] = UInt16(0xD800 + (value >> 10))
                units[written + 1] = UInt16(0xDC00 + (value & 0x3FF))
                written += 2
            } else {
                units[written] = UInt16(scalar.value)
                written += 1
            }
        }
        return written
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

    /// Whether a code point can neither change under NFC nor combine with its neighbours.
    static func isNFCStable(_ value: UInt32) -> Bool {
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
