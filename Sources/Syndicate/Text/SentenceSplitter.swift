import Foundation

/// Splits plain text into sentences using punctuation, closing marks and a list of abbreviations.
///
/// Rules: a sentence ends after `.`, `!`, `?` or `…` (and `。！？`), together with any closing
/// quotation marks and brackets that follow, when whitespace or the end of text comes next (CJK
/// terminators need no whitespace). A period after a known abbreviation ("Mrs", "Dr", "e.g."),
/// a single capital initial, or between digits does not end a sentence.
public enum SentenceSplitter {
    /// Abbreviations (lower-cased, without the final period) after which a period does not end a sentence.
    public static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "prof", "st", "sr", "jr", "rev", "hon", "gen", "col", "lt", "sgt", "capt",
        "e.g", "i.e", "etc", "vs", "no", "nos", "vol", "fig", "approx", "inc", "ltd", "co", "corp", "dept",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "cf", "al",
        "u.s", "u.k", "a.m", "p.m",
    ]

    private static let terminators: Set<Character> = [".", "!", "?", "…", "。", "！", "？", "‼", "⁇", "⁈", "⁉"]
    private static let wideTerminators: Set<Character> = ["。", "！", "？"]
    private static let closers: Set<Character> = ["\"", "'", "”", "’", "»", "›", ")", "]", "}", "」", "』", "）", "】"]

    /// Returns the sentences of `text`, each trimmed, none empty.
    public static func sentences(in text: String) -> [String] {
        var result: [String] = []
        var start = text.startIndex
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            guard isTerminator(character) else {
                index = text.index(after: index)
                continue
            }
            // Absorb runs of terminators and closing marks: `?!`, `.”`, `.)`.
            var end = text.index(after: index)
            while end < text.endIndex, isTerminator(text[end]) || isCloser(text[end]) {
                end = text.index(after: end)
            }
            let atBoundary = end == text.endIndex || text[end].isWhitespace || wideTerminators.contains(character)
            if atBoundary, !(character == "." && isAbbreviation(before: index, in: text, next: end)) {
                appendTrimmed(text[start..<end], to: &result)
                start = end
            }
            index = end
        }
        appendTrimmed(text[start...], to: &result)
        return result
    }

    /// Whether `character` ends a sentence, deciding ASCII without hashing.
    private static func isTerminator(_ character: Character) -> Bool {
        if let ascii = character.asciiValue { return ascii == 0x2E || ascii == 0x21 || ascii == 0x3F }
        return terminators.contains(character)
    }

    /// Whether `character` is a closing quotation mark or bracket, deciding ASCII without hashing.
    private static func isCloser(_ character: Character) -> Bool {
        if let ascii = character.asciiValue {
            return ascii == 0x22 || ascii == 0x27 || ascii == 0x29 || ascii == 0x5D || ascii == 0x7D
        }
        return closers.contains(character)
    }

    /// Appends `piece` without leading and trailing white space and newlines (the scalars of
    /// `CharacterSet.whitespacesAndNewlines`, as `trimmingCharacters(in:)` trims), unless empty.
    private static func appendTrimmed(_ piece: Substring, to result: inout [String]) {
        let scalars = piece.unicodeScalars
        var lower = scalars.startIndex
        var upper = scalars.endIndex
        while lower < upper, isTrimmed(scalars[lower]) { lower = scalars.index(after: lower) }
        while lower < upper {
            let last = scalars.index(before: upper)
            guard isTrimmed(scalars[last]) else { break }
            upper = last
        }
        if lower < upper { result.append(String(scalars[lower..<upper])) }
    }

    /// Whether `scalar` is in `CharacterSet.whitespacesAndNewlines`, deciding ASCII directly.
    private static func isTrimmed(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 { return scalar.value == 0x20 || (0x09...0x0D).contains(scalar.value) }
        return CharacterSet.whitespacesAndNewlines.contains(scalar)
    }

    /// Whether the period at `period` belongs to an abbreviation or an initial, not a sentence end.
    private static func isAbbreviation(before period: String.Index, in text: String, next: String.Index) -> Bool {
        var wordStart = period
        while wordStart > text.startIndex {
            let previous = text.index(before: wordStart)
            let character = text[previous]
            guard character.isLetter || character == "." else { break }
            wordStart = previous
        }
        let word = text[wordStart..<period]
        guard !word.isEmpty else { return false }
        if abbreviations.contains(word.lowercased()) { return true }
        // A single capital initial ("J. K. Rowling"), unless the next word starts a new sentence
        // we cannot tell apart; initials are far more common mid-sentence.
        if word.count == 1, word.first?.isUppercase == true { return true }
        // A lower-case continuation ("approx. ten") means the period was not an ending.
        var after = next
        while after < text.endIndex, text[after].isWhitespace { after = text.index(after: after) }
        if after < text.endIndex, text[after].isLowercase { return true }
        return false
    }
}
