import Foundation

/// Splits plain text into sentences using punctuation, closing marks and a list of abbreviations.
///
/// Rules: a sentence ends after `.`, `!`, `?` or `…` (and `。！？`), together with any closing
/// quotation marks and brackets that follow, when whitespace or the end of text comes next (CJK
/// terminators need no whitespace). A period after a known abbreviation ("Mrs", "Dr", "e.g."),
/// a single capital initial, or between digits does not end a sentence.
package enum SentenceSplitter {
    /// Abbreviations (lower-cased, without the final period) after which a period does not end a sentence.
    package static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "prof", "st", "sr", "jr", "rev", "hon", "gen", "col", "lt", "sgt", "capt",
        "e.g", "i.e", "etc", "vs", "no", "nos", "vol", "fig", "approx", "inc", "ltd", "co", "corp", "dept",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "cf", "al",
        "u.s", "u.k", "a.m", "p.m",
    ]

    fileprivate static let terminators: Set<Character> = [".", "!", "?", "…", "。", "！", "？", "‼", "⁇", "⁈", "⁉"]
    private static let wideTerminators: Set<Character> = ["。", "！", "？"]
    fileprivate static let closers: Set<Character> = ["\"", "'", "”", "’", "»", "›", ")", "]", "}", "」", "』", "）", "】"]

    /// Returns the sentences of `text`, each trimmed, none empty.
    package static func sentences(in text: String) -> [String] {
        var text = text
        if let result = text.withUTF8(SingleScalarText.sentences(in:)) { return result }
        return characterSentences(in: text)
    }

    /// ``sentences(in:)`` walking `Character`s: right for any text, and the reference the
    /// byte-level ``SingleScalarText`` reproduces for the texts it accepts.
    static func characterSentences(in text: String) -> [String] {
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
    fileprivate static func isTrimmed(_ scalar: Unicode.Scalar) -> Bool {
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

    /// The splitter over UTF-8 bytes, for text in which every Unicode scalar is a grapheme
    /// cluster of its own: ASCII without carriage returns (`\r\n` is one cluster), Latin-1 and
    /// Latin Extended letters, and General Punctuation without the joiners (curly quotes, dashes,
    /// `…`). There, walking scalars is walking `Character`s, and ASCII is decided without
    /// building a `Character`; the rules are those of ``characterSentences(in:)``, scalar for
    /// scalar. Other text (combining marks, emoji, CJK, `\r`) is left to that function.
    private struct SingleScalarText {
        let bytes: UnsafeBufferPointer<UInt8>

        /// The sentences of `bytes`, or nil when some scalar may not be a cluster of its own.
        static func sentences(in bytes: UnsafeBufferPointer<UInt8>) -> [String]? {
            let text = SingleScalarText(bytes: bytes)
            guard text.isEligible else { return nil }
            return text.sentences()
        }

        /// Whether every scalar of the text is one that always forms a cluster of its own.
        var isEligible: Bool {
            var index = 0
            while index < bytes.count {
                if bytes[index] < 0x80 {
                    if bytes[index] == 0x0D { return false }
                    index += 1
                    continue
                }
                let (scalar, width) = scalar(at: index)
                guard Self.standsAlone(scalar) else { return false }
                index += width
            }
            return true
        }

        /// Scalars whose grapheme-break property is Other or Control and never Extend, ZWJ,
        /// Prepend, SpacingMark, regional indicator or Hangul: each is a cluster of its own
        /// among the others (U+0080–U+024F, U+2000–U+200B, U+200E–U+206F, ASCII but CR).
        static func standsAlone(_ scalar: Unicode.Scalar) -> Bool {
            switch scalar.value {
            case 0x00...0x0C, 0x0E...0x24F, 0x2000...0x200B, 0x200E...0x206F: true
            default: false
            }
        }

        /// The scalar starting at byte `index` (a scalar boundary) and its width in bytes.
        func scalar(at index: Int) -> (Unicode.Scalar, Int) {
            let lead = bytes[index]
            if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
            let width = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
            var value = UInt32(lead) & (width == 2 ? 0x1F : width == 3 ? 0x0F : 0x07)
            for offset in 1..<width { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
            return (Unicode.Scalar(value) ?? "\u{FFFD}", width)
        }

        /// The byte index of the scalar before byte `index`.
        func scalarStart(before index: Int) -> Int {
            var start = index - 1
            while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
            return start
        }

        /// `bytes[range]` as a string.
        func string(_ range: Range<Int>) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        }

        func sentences() -> [String] {
            var result: [String] = []
            var start = 0
            var index = 0
            while index < bytes.count {
                let (character, width) = scalar(at: index)
                guard Self.isTerminator(character) else {
                    index += width
                    continue
                }
                // Absorb runs of terminators and closing marks: `?!`, `.”`, `.)`.
                var end = index + width
                while end < bytes.count {
                    let (next, nextWidth) = scalar(at: end)
                    guard Self.isTerminator(next) || Self.isCloser(next) else { break }
                    end += nextWidth
                }
                let atBoundary = end == bytes.count || Self.isWhitespace(scalar(at: end).0)
                if atBoundary, !(character == "." && isAbbreviation(before: index, next: end)) {
                    appendTrimmed(start..<end, to: &result)
                    start = end
                }
                index = end
            }
            appendTrimmed(start..<bytes.count, to: &result)
            return result
        }

        /// As ``SentenceSplitter/appendTrimmed(_:to:)``.
        private func appendTrimmed(_ range: Range<Int>, to result: inout [String]) {
            var lower = range.lowerBound
            var upper = range.upperBound
            while lower < upper {
                let (scalar, width) = scalar(at: lower)
                guard isTrimmed(scalar) else { break }
                lower += width
            }
            while lower < upper {
                let last = scalarStart(before: upper)
                guard isTrimmed(scalar(at: last).0) else { break }
                upper = last
            }
            if lower < upper { result.append(string(lower..<upper)) }
        }

        /// As ``SentenceSplitter/isAbbreviation(before:in:next:)``.
        private func isAbbreviation(before period: Int, next: Int) -> Bool {
            var wordStart = period
            while wordStart > 0 {
                let previous = scalarStart(before: wordStart)
                let character = scalar(at: previous).0
                guard character == "." || Self.isLetter(character) else { break }
                wordStart = previous
            }
            guard wordStart < period else { return false }
            let word = string(wordStart..<period)
            if abbreviations.contains(word.lowercased()) { return true }
            if word.unicodeScalars.count == 1, Self.isUppercase(scalar(at: wordStart).0) { return true }
            var after = next
            while after < bytes.count {
                let (scalar, width) = scalar(at: after)
                guard Self.isWhitespace(scalar) else { break }
                after += width
            }
            if after < bytes.count, Self.isLowercase(scalar(at: after).0) { return true }
            return false
        }

        // The `Character` properties of a scalar that is a cluster of its own: ASCII decided
        // directly, the rest asked of the `Character`.

        static func isTerminator(_ scalar: Unicode.Scalar) -> Bool {
            scalar.isASCII ? scalar == "." || scalar == "!" || scalar == "?" : terminators.contains(Character(scalar))
        }

        static func isCloser(_ scalar: Unicode.Scalar) -> Bool {
            scalar.isASCII
                ? scalar == "\"" || scalar == "'" || scalar == ")" || scalar == "]" || scalar == "}"
                : closers.contains(Character(scalar))
        }

        static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
            scalar.isASCII ? scalar == " " || (0x09...0x0D).contains(scalar.value) : Character(scalar).isWhitespace
        }

        static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
            scalar.isASCII ? (scalar.value | 0x20 >= 0x61 && scalar.value | 0x20 <= 0x7A) : Character(scalar).isLetter
        }

        static func isUppercase(_ scalar: Unicode.Scalar) -> Bool {
            scalar.isASCII ? (0x41...0x5A).contains(scalar.value) : Character(scalar).isUppercase
        }

        static func isLowercase(_ scalar: Unicode.Scalar) -> Bool {
            scalar.isASCII ? (0x61...0x7A).contains(scalar.value) : Character(scalar).isLowercase
        }
    }
}

extension SentenceSplitter {
    /// Whether `text` ends a sentence: its last character is `.`, `!` or `?`, possibly inside
    /// closing quotes or brackets (`…so.”`, `(really?)`).
    static func endsSentence(_ text: some StringProtocol) -> Bool {
        for character in text.reversed() {
            if character == "." || character == "!" || character == "?" { return true }
            if "\"'”’»)]".contains(character) { continue }
            return false
        }
        return false
    }
}
