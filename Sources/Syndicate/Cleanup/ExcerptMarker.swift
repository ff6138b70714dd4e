import Foundation

/// Where an excerpt marker (`…`, `...`, `[…]`, `[...]`, `[&hellip;]`, `(…)`) ends a text, and
/// what comes before it. A "Continue reading"/"Read more" link after the marker belongs to it.
struct ExcerptMarker: Equatable {
    /// The text before the marker, trimmed; empty when nothing with a letter or digit is left.
    let stem: String
    /// Whether the stem ends a sentence (`.`, `!`, `?`, possibly inside a closing quote or
    /// bracket), so that the marker cut nothing but later sentences.
    let endsAtSentenceBoundary: Bool

    /// What may stand between brackets as a marker (after trimming).
    static let bracketedForms: Set<String> = ["…", "...", "&hellip;", "&#8230;", ". . .", "…."]

    /// Links that follow a marker, compared case-insensitively at the start of the tail.
    static let readMoreLinks = ["continue reading", "read more", "keep reading", "read the rest"]

    /// The longest "Continue reading …" tail after a marker, in characters.
    static let maximumTail = 200

    /// The marker that ends `text`, if any.
    ///
    /// - Parameters:
    ///   - text: Whitespace-collapsed text.
    ///   - bracketedOnly: Whether only bracketed markers count (body paragraphs), or a bare `…`
    ///     and `...` as well (summaries).
    static func find(in text: String, bracketedOnly: Bool) -> ExcerptMarker? {
        var body = trimmedEnd(Substring(text))
        var start = markerStart(in: body, bracketedOnly: bracketedOnly)
        if start == nil, mayHaveMarkerNearEnd(text, bracketedOnly: bracketedOnly),
            let tailStart = readMoreTail(in: body, bracketedOnly: bracketedOnly)
        {
            body = trimmedEnd(body[..<tailStart])
            start = markerStart(in: body, bracketedOnly: bracketedOnly)
        }
        guard let start else { return nil }
        let stem = trimmedEnd(body[..<start])
        guard stem.contains(where: { $0.isLetter || $0.isNumber }) else {
            return ExcerptMarker(stem: "", endsAtSentenceBoundary: true)
        }
        return ExcerptMarker(stem: String(stem), endsAtSentenceBoundary: endsSentence(stem))
    }

    /// Whether `paragraph` can end in a bracketed marker, perhaps followed by a short link: a
    /// `]` among its last bytes, or a final `)`. A look at a few hundred bytes, for the filter's
    /// hot path.
    static func mayEndInBracketedMarker(_ paragraph: String) -> Bool {
        var paragraph = paragraph
        return paragraph.withUTF8 { bytes in
            guard let base = bytes.baseAddress, let last = bytes.last else { return false }
            if last == UInt8(ascii: ")") { return true }
            let window = min(bytes.count, maximumTail + 16)
            return memchr(base + (bytes.count - window), Int32(UInt8(ascii: "]")), window) != nil
        }
    }

    /// Whether a marker can stand among the last bytes of `text`, before a read-more link: a `]`,
    /// or (unless only bracketed markers count) a `…` or two dots in a row.
    private static func mayHaveMarkerNearEnd(_ text: String, bracketedOnly: Bool) -> Bool {
        if bracketedOnly { return mayEndInBracketedMarker(text) }
        var text = text
        return text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return false }
            let window = min(bytes.count, maximumTail + 16)
            var start = base + (bytes.count - window)
            let end = base + bytes.count
            if memchr(start, Int32(UInt8(ascii: "]")), window) != nil || memchr(start, 0xA6, window) != nil {
                return true  // 0xA6 ends "…" (E2 80 A6)
            }
            while start < end, let dot = memchr(start, Int32(UInt8(ascii: ".")), end - start) {
                let next = UnsafePointer(dot.assumingMemoryBound(to: UInt8.self)) + 1
                if next < end, next.pointee == UInt8(ascii: ".") { return true }
                start = next
            }
            return false
        }
    }

    /// Where a "Continue reading …" link that follows a marker starts, if `text` ends in one.
    private static func readMoreTail(in text: Substring, bracketedOnly: Bool) -> Substring.Index? {
        let window = text.suffix(maximumTail)
        let lowered = window.lowercased()
        for link in readMoreLinks {
            // Lower-casing can change lengths outside ASCII; find the link in `window` itself.
            guard lowered.contains(link), let range = window.range(of: link, options: [.caseInsensitive, .backwards])
            else { continue }
            if let next = window[range.upperBound...].first, next.isLetter { continue }
            let before = trimmedEnd(text[..<range.lowerBound])
            if markerStart(in: before, bracketedOnly: bracketedOnly) != nil { return range.lowerBound }
        }
        return nil
    }

    /// Where the marker that ends `text` begins.
    private static func markerStart(in text: Substring, bracketedOnly: Bool) -> Substring.Index? {
        guard let last = text.last else { return nil }
        if last == "]" || last == ")" {
            let opening: Character = last == "]" ? "[" : "("
            let closing = text.index(before: text.endIndex)
            guard let open = text[..<closing].lastIndex(of: opening), text.distance(from: open, to: closing) <= 12
            else { return nil }
            let inner = text[text.index(after: open)..<closing].trimmingCharacters(in: .whitespaces)
            return bracketedForms.contains(inner) ? open : nil
        }
        if bracketedOnly { return nil }
        if last == "…" { return text.index(before: text.endIndex) }
        guard last == "." else { return nil }
        var start = text.endIndex
        var dots = 0
        while start > text.startIndex, text[text.index(before: start)] == "." {
            start = text.index(before: start)
            dots += 1
        }
        return dots >= 3 ? start : nil
    }

    /// Whether `text` ends a sentence (``SentenceSplitter/endsSentence(_:)``).
    static func endsSentence(_ text: Substring) -> Bool {
        SentenceSplitter.endsSentence(text)
    }

    private static func trimmedEnd(_ text: Substring) -> Substring {
        var result = text
        while let last = result.last, last.isWhitespace { result = result.dropLast() }
        return result
    }
}
