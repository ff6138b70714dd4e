import Foundation

/// Finds rich-text facets the way Bluesky's reference SDK does (`detectFacets` in
/// `@atproto/api`, `packages/api/src/rich-text/detection.ts` and `util.ts`).
///
/// The reference runs four regular expressions over the text; this walks the text's code
/// points once per kind instead, reproducing each expression's matches, including where a
/// match begins (after the text's start, whitespace or `(`), how far it runs, and where the
/// next search resumes. Every scan moves forward only, so the work is linear in the text.
///
/// * Mentions: `@` plus a run of `[a-zA-Z0-9.-]` cut back to a word boundary; kept when it ends
///   in a known TLD or `.test`.
/// * Links: `http(s)://` plus non-space, or a bare domain `letter[a-z0-9]*(\.[a-z0-9]+)+` plus
///   non-space whose domain ends in a known TLD (`https://` is then prepended); one trailing
///   `.,;:!?` is dropped, then a trailing `)` when the URI holds no `(`.
/// * Hashtags: `#` or `＃` after the start or whitespace, up to whitespace or a zero-width
///   character; at least one character that is not a digit or punctuation; not starting with
///   U+FE0F; trailing punctuation dropped; at most 64 graphemes.
/// * Cashtags: `$`, a letter and up to four letters or digits, followed by whitespace, the end
///   or one of `.,;:!?)"'’`; the tag is upper-cased and keeps its `$`.
///
/// The reference's quirks are kept, so that facets match what Bluesky's own apps produce: TLDs
/// are compared case-sensitively (`Example.COM` and `@Alice.Bsky.Social` are not detected), an
/// upper-case scheme (`HTTPS://…`) is not a link, and a bare domain starting with `http`
/// (`httpbin.org`) is taken as already having a scheme, so its URI gets no `https://`.
struct BlueskyFacetDetector {
    private let scalars: [Unicode.Scalar]
    /// `utf8Offsets[i]` is the UTF-8 offset of `scalars[i]`; the last entry is the byte length.
    private let utf8Offsets: [Int]

    init(_ text: String) {
        var scalars: [Unicode.Scalar] = []
        var offsets: [Int] = []
        scalars.reserveCapacity(text.utf8.count)
        offsets.reserveCapacity(text.utf8.count + 1)
        var offset = 0
        for scalar in text.unicodeScalars {
            scalars.append(scalar)
            offsets.append(offset)
            offset += UTF8.width(scalar)
        }
        offsets.append(offset)
        self.scalars = scalars
        self.utf8Offsets = offsets
    }

    /// All facets, ordered by start offset (mentions, links, then tags at equal offsets).
    func facets() -> [BlueskyFacet] {
        let all = mentions() + links() + hashtags() + cashtags()
        return all.enumerated()
            .sorted { ($0.element.index.byteStart, $0.offset) < ($1.element.index.byteStart, $1.offset) }
            .map(\.element)
    }

    // MARK: Kinds

    /// `(^|\s|\()(@)([a-zA-Z0-9.-]+)(\b)`, kept when the handle ends in a TLD or `.test`.
    private func mentions() -> [BlueskyFacet] {
        var facets: [BlueskyFacet] = []
        var resume = 0
        for at in scalars.indices where scalars[at] == "@" && startsToken(at, resume: resume, afterParenthesis: true) {
            var runEnd = at + 1
            while runEnd < scalars.count, Self.isHandleCharacter(scalars[runEnd]) { runEnd += 1 }
            // Backtrack from the greedy run to the first position that is a word boundary.
            var end = runEnd
            while end > at + 1, !isWordBoundary(end) { end -= 1 }
            guard end > at + 1 else { continue }
            resume = end
            let handle = string(at + 1..<end)
            guard Self.endsInKnownTLD(handle) || handle.hasSuffix(".test") else { continue }
            facets.append(facet(at..<end, .unresolvedMention(handle: handle)))
        }
        return facets
    }

    /// `(^|\s|\()((https?:\/\/[\S]+)|((?<domain>[a-z][a-z0-9]*(\.[a-z0-9]+)+)[\S]*))`, flags `gim`.
    private func links() -> [BlueskyFacet] {
        var facets: [BlueskyFacet] = []
        var resume = 0
        for start in scalars.indices {
            guard start >= resume, startsLink(start, resume: resume) else { continue }
            var domainEnd: Int?
            let end: Int
            if let schemeEnd = schemeEnd(start), schemeEnd < scalars.count, !Self.isSpace(scalars[schemeEnd]) {
                end = nonSpaceRunEnd(from: schemeEnd)
            } else if let bareDomainEnd = bareDomainEnd(start) {
                domainEnd = bareDomainEnd
                end = nonSpaceRunEnd(from: bareDomainEnd)
            } else {
                continue
            }
            resume = end
            var uri = string(start..<end)
            var facetEnd = end
            if !uri.hasPrefix("http") {
                guard let domainEnd, Self.endsInKnownTLD(string(start..<domainEnd)) else { continue }
                uri = "https://" + uri
            }
            if let last = uri.unicodeScalars.last, ".,;:!?".unicodeScalars.contains(last) {
                uri.unicodeScalars.removeLast()
                facetEnd -= 1
            }
            if uri.unicodeScalars.last == ")", !uri.unicodeScalars.contains("(") {
                uri.unicodeScalars.removeLast()
                facetEnd -= 1
            }
            facets.append(facet(start..<facetEnd, .link(uri: uri)))
        }
        return facets
    }

    /// `(^|\s)[#＃]((?!\ufe0f)[^\s ZW]*[^\d\s\p{P} ZW]+[^\s ZW]*)?`, flags `gu`, then trailing
    /// punctuation stripped and at most 64 graphemes.
    private func hashtags() -> [BlueskyFacet] {
        var facets: [BlueskyFacet] = []
        var resume = 0
        for hash in scalars.indices where (scalars[hash] == "#" || scalars[hash] == "＃")
            && startsToken(hash, resume: resume, afterParenthesis: false, lineStarts: false)
        {
            var runEnd = hash + 1
            var hasTagCharacter = false
            while runEnd < scalars.count, !Self.endsHashtag(scalars[runEnd]) {
                if !Self.isPunctuation(scalars[runEnd]), !Self.isASCIIDigit(scalars[runEnd]) { hasTagCharacter = true }
                runEnd += 1
            }
            guard runEnd > hash + 1, hasTagCharacter, scalars[hash + 1] != "\u{FE0F}" else {
                resume = hash + 1
                continue
            }
            resume = runEnd
            var tagEnd = runEnd
            while tagEnd > hash + 1, Self.isPunctuation(scalars[tagEnd - 1]) { tagEnd -= 1 }
            let tag = string(hash + 1..<tagEnd)
            guard !tag.isEmpty, tag.count <= 64 else { continue }
            facets.append(facet(hash..<tagEnd, .tag(tag)))
        }
        return facets
    }

    /// `(^|\s|\()\$([A-Za-z][A-Za-z0-9]{0,4})(?=\s|$|[.,;:!?)"'’])`; the tag is `$` plus the
    /// upper-cased ticker.
    private func cashtags() -> [BlueskyFacet] {
        var facets: [BlueskyFacet] = []
        var resume = 0
        for dollar in scalars.indices where scalars[dollar] == "$" && startsToken(dollar, resume: resume, afterParenthesis: true) {
            let first = dollar + 1
            guard first < scalars.count, Self.isASCIILetter(scalars[first]) else { continue }
            var end = first + 1
            while end < scalars.count, end < first + 5, Self.isASCIIAlphanumeric(scalars[end]) { end += 1 }
            guard end == scalars.count || Self.isSpace(scalars[end]) || ".,;:!?)\"'’".unicodeScalars.contains(scalars[end])
            else { continue }
            resume = end
            facets.append(facet(dollar..<end, .tag("$" + string(first..<end).uppercased())))
        }
        return facets
    }

    // MARK: Where matches begin and end

    /// Whether a token whose marker is at `index` may begin there: at the text's start, or after
    /// whitespace (or `(`) that a previous match has not consumed (`resume` is where the last
    /// match ended, the regex's `lastIndex`).
    private func startsToken(_ index: Int, resume: Int, afterParenthesis: Bool, lineStarts: Bool = false) -> Bool {
        if index == 0 { return true }
        let before = scalars[index - 1]
        if lineStarts, index >= resume, Self.isLineTerminator(before) { return true }
        guard index - 1 >= resume else { return false }
        return Self.isSpace(before) || (afterParenthesis && before == "(")
    }

    /// The link pattern's lead-in: `^` (any line start, flag `m`), whitespace or `(`.
    private func startsLink(_ index: Int, resume: Int) -> Bool {
        guard index < scalars.count, Self.isASCIILetter(scalars[index]) else { return false }
        return startsToken(index, resume: resume, afterParenthesis: true, lineStarts: true)
    }

    /// The index past `http://` or `https://` (any case) at `index`, or nil.
    private func schemeEnd(_ index: Int) -> Int? {
        var cursor = index
        for letter in "http".unicodeScalars {
            guard cursor < scalars.count, Self.lowercased(scalars[cursor]) == letter else { return nil }
            cursor += 1
        }
        if cursor < scalars.count, Self.lowercased(scalars[cursor]) == "s" {
            // `s?` is greedy; when `://` does not follow, backtracking to no `s` cannot help.
            cursor += 1
        }
        for character in "://".unicodeScalars {
            guard cursor < scalars.count, scalars[cursor] == character else { return nil }
            cursor += 1
        }
        return cursor
    }

    /// The end of the greedy `[a-z][a-z0-9]*(\.[a-z0-9]+)+` (any case) at `index`, or nil.
    private func bareDomainEnd(_ index: Int) -> Int? {
        guard index < scalars.count, Self.isASCIILetter(scalars[index]) else { return nil }
        var cursor = index + 1
        while cursor < scalars.count, Self.isASCIIAlphanumeric(scalars[cursor]) { cursor += 1 }
        var labels = 0
        while cursor + 1 < scalars.count, scalars[cursor] == ".", Self.isASCIIAlphanumeric(scalars[cursor + 1]) {
            cursor += 2
            while cursor < scalars.count, Self.isASCIIAlphanumeric(scalars[cursor]) { cursor += 1 }
            labels += 1
        }
        return labels > 0 ? cursor : nil
    }

    private func nonSpaceRunEnd(from index: Int) -> Int {
        var cursor = index
        while cursor < scalars.count, !Self.isSpace(scalars[cursor]) { cursor += 1 }
        return cursor
    }

    /// JavaScript's `\b` without the `u` flag: word characters are `[A-Za-z0-9_]`.
    private func isWordBoundary(_ index: Int) -> Bool {
        let before = index > 0 && Self.isWordCharacter(scalars[index - 1])
        let after = index < scalars.count && Self.isWordCharacter(scalars[index])
        return before != after
    }

    private func string(_ range: Range<Int>) -> String {
        var string = String()
        string.unicodeScalars.append(contentsOf: scalars[range])
        return string
    }

    private func facet(_ range: Range<Int>, _ feature: BlueskyFacet.Feature) -> BlueskyFacet {
        BlueskyFacet(
            index: .init(byteStart: utf8Offsets[range.lowerBound], byteEnd: utf8Offsets[range.upperBound]),
            features: [feature])
    }

    // MARK: Character classes

    static func endsInKnownTLD(_ domain: String) -> Bool {
        guard let dot = domain.lastIndex(of: ".") else { return false }
        return topLevelDomains.contains(String(domain[domain.index(after: dot)...]))
    }

    /// JavaScript's `\s`: Unicode White_Space plus U+FEFF.
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF:
            true
        default:
            false
        }
    }

    static func isLineTerminator(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x0D, 0x2028, 0x2029: true
        default: false
        }
    }

    /// Whitespace or one of the zero-width characters the tag pattern stops at.
    static func endsHashtag(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00AD, 0x2060, 0x200A, 0x200B, 0x200C, 0x200D, 0x20E2: true
        default: isSpace(scalar)
        }
    }

    /// `\p{P}`: any Unicode punctuation category.
    static func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
            .finalPunctuation, .otherPunctuation:
            true
        default:
            false
        }
    }

    static func isHandleCharacter(_ scalar: Unicode.Scalar) -> Bool {
        isASCIIAlphanumeric(scalar) || scalar == "." || scalar == "-"
    }

    static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        isASCIIAlphanumeric(scalar) || scalar == "_"
    }

    static func isASCIILetter(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
    }

    static func isASCIIDigit(_ scalar: Unicode.Scalar) -> Bool {
        ("0"..."9").contains(scalar)
    }

    static func isASCIIAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        isASCIILetter(scalar) || isASCIIDigit(scalar)
    }

    static func lowercased(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        ("A"..."Z").contains(scalar) ? Unicode.Scalar(scalar.value + 32) ?? scalar : scalar
    }
}
