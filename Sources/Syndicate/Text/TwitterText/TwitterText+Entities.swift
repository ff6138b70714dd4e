import Foundation

extension TwitterText {
    /// An entity before its offsets are converted: kind, UTF-16 range and value without sigil.
    struct RawEntity: Equatable {
        var kind: TextEntity.Kind
        var utf16Range: Range<Int>
        var value: String
    }

    /// twitter-text's `extractHashtagsWithIndices` without the URL-overlap pass: `#` or `＃`, not
    /// followed by U+FE0F or U+20E3, then letters, marks, digits and joiners with at least one
    /// letter or mark, after the start, U+FE0E/U+FE0F or a character that is none of those nor `&`;
    /// a tag followed by `#` or `://` is dropped.
    static func hashtags(in text: String) -> [RawEntity] {
        guard text.unicodeScalars.contains(where: { $0 == "#" || $0 == "\u{FF03}" }),
            let regex = TwitterTextPatterns.hashtagRegex
        else { return [] }
        let units = Array(text.utf16)
        let nsText = NSString(string: text)
        return regex.allMatches(in: text).compactMap { match in
            let end = NSMaxRange(match.range)
            if followedBy(["#", "\u{FF03}"], orScheme: true, in: units, at: end) { return nil }
            let tag = match.range(at: 3)
            return RawEntity(
                kind: .hashtag, utf16Range: (tag.location - 1)..<NSMaxRange(tag), value: nsText.substring(with: tag))
        }
    }

    /// twitter-text's `extractMentionsOrListsWithIndices`: `@` or `＠` after a non-word character
    /// (or `RT:`), 1–20 of `A–Z a–z 0–9 _`, an optional `/list`; dropped when followed by another
    /// at sign, a Latin accented letter or `://`. The value of a list mention is `user/list`.
    static func mentionsOrLists(in text: String) -> [RawEntity] {
        guard text.unicodeScalars.contains(where: { $0 == "@" || $0 == "\u{FF20}" }),
            let regex = TwitterTextPatterns.mentionRegex
        else { return [] }
        let units = Array(text.utf16)
        let nsText = NSString(string: text)
        return regex.allMatches(in: text).compactMap { match in
            let end = NSMaxRange(match.range)
            if followedBy(["@", "\u{FF20}"], orScheme: true, in: units, at: end) { return nil }
            if end < units.count, isLatinAccent(units[end]) { return nil }
            let name = match.range(at: 3), list = match.range(at: 4)
            var value = nsText.substring(with: name)
            var upper = NSMaxRange(name)
            if list.location != NSNotFound {
                value += nsText.substring(with: list)
                upper = NSMaxRange(list)
            }
            return RawEntity(kind: .mention, utf16Range: (name.location - 1)..<upper, value: value)
        }
    }

    /// twitter-text's `extractCashtagsWithIndices`: `$` at the start or after a space, 1–6 letters,
    /// an optional `.xx` or `_xx`, then the end, a space or punctuation.
    static func cashtags(in text: String) -> [RawEntity] {
        guard text.utf8.contains(UInt8(ascii: "$")), let regex = TwitterTextPatterns.cashtagRegex else { return [] }
        let nsText = NSString(string: text)
        return regex.allMatches(in: text).map { match in
            let symbol = match.range(at: 3)
            return RawEntity(
                kind: .cashtag, utf16Range: (symbol.location - 1)..<NSMaxRange(symbol),
                value: nsText.substring(with: symbol))
        }
    }

    /// twitter-text's `removeOverlappingEntities`: sorted by start, an entity that starts before
    /// the previous kept one ends is dropped.
    static func removingOverlaps(_ entities: [RawEntity]) -> [RawEntity] {
        let sorted = entities.enumerated().sorted {
            ($0.element.utf16Range.lowerBound, $0.offset) < ($1.element.utf16Range.lowerBound, $1.offset)
        }
        var kept: [RawEntity] = []
        for (_, entity) in sorted {
            if let last = kept.last, last.utf16Range.upperBound > entity.utf16Range.lowerBound { continue }
            kept.append(entity)
        }
        return kept
    }

    /// Whether the UTF-16 `units` at `offset` start with one of `characters` or, if asked, `://`.
    private static func followedBy(_ characters: [Unicode.Scalar], orScheme: Bool, in units: [UInt16], at offset: Int)
        -> Bool
    {
        guard offset < units.count else { return false }
        if characters.contains(where: { UInt32(units[offset]) == $0.value }) { return true }
        return orScheme && offset + 2 < units.count && units[offset] == 0x3A && units[offset + 1] == 0x2F
            && units[offset + 2] == 0x2F
    }

    /// Whether a UTF-16 unit is in twitter-text's `latinAccentChars`.
    private static func isLatinAccent(_ unit: UInt16) -> Bool {
        switch unit {
        case 0xC0...0xD6, 0xD8...0xF6, 0xF8...0xFF, 0x100...0x24F, 0x253, 0x254, 0x256, 0x257, 0x259, 0x25B, 0x263,
            0x268, 0x26F, 0x272, 0x289, 0x28B, 0x2BB, 0x300...0x36F, 0x1E00...0x1EFF:
            return true
        default:
            return false
        }
    }
}
