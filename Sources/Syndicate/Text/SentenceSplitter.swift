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
            guard terminators.contains(character) else {
                index = text.index(after: index)
                continue
            }
            // Absorb runs of terminators and closing marks: `?!`, `.”`, `.)`.
            var end = text.index(after: index)
            while end < text.endIndex, terminators.contains(text[end]) || closers.contains(text[end]) {
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

    private static func appendTrimmed(_ piece: Substring, to result: inout [String]) {
        let trimmed = piece.trimmingCharacters(in: .whitespacesAndNewlines)
        if !trimmed.isEmpty { result.append(trimmed) }
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
