import Foundation

/// Chooses and cuts the sentences of a summary so that the whole text fits.
///
/// The caller gives a `fits` test that renders the full text around a candidate summary and
/// counts it with the network's rule, so every decision is made on the real count. The first
/// sentence always leads; further sentences join in order of informativeness while they fit,
/// and are printed in their original order. When even the first sentence is too long it is cut:
/// at a clause (`,` `;` `:` or a dash) when that keeps at least two thirds of what a cut at a
/// word would keep, else at a word, else (languages written without spaces — ja, zh, th, lo,
/// km, my — or a single long word) at any grapheme cluster. The cut ends with a counted `…`,
/// never falls inside a URL, hashtag, mention or cashtag, never separates a closing quotation
/// mark or bracket from what it closes, and closes a quotation it leaves open.
struct SummaryFitter {
    /// The result of fitting.
    struct Fit: Equatable {
        /// The summary text, possibly empty when nothing fits.
        var text: String
        /// Whether a sentence was cut inside.
        var cut: Bool
        /// How many sentences were left out for want of room (not counting those beyond the
        /// maximum number of sentences).
        var dropped: Int
    }

    /// Languages written without spaces between words: cut at any grapheme cluster.
    static let languagesWithoutSpaces: Set<String> = ["ja", "zh", "th", "lo", "km", "my"]
    /// The ellipsis that marks a cut.
    static let ellipsis = "…"

    /// The most sentences the summary may hold.
    var maximumSentences: Int
    /// The post's language (BCP 47), if known.
    var language: String?

    /// Whether the language is written without spaces.
    var writesWithoutSpaces: Bool {
        guard let language else { return false }
        let primary = language.split(separator: "-").first.map { $0.lowercased() } ?? ""
        return Self.languagesWithoutSpaces.contains(primary)
    }

    /// The longest summary built from `sentences` that `fits`.
    ///
    /// - Parameters:
    ///   - sentences: Candidate sentences, the lead first.
    ///   - scores: Their informativeness (``informativeness(_:)``), computed once per post.
    ///   - fitsSentences: A quick test for whole sentences by index (sums of measured pieces);
    ///     nil to render and measure each candidate with `fits`.
    ///   - fits: The exact test on a candidate summary, used for cuts.
    func fit(
        _ sentences: [String], scores: [Int]? = nil, fitsSentences: (([Int]) -> Bool)? = nil,
        fits: (String) -> Bool
    ) -> Fit {
        guard let first = sentences.first else { return Fit(text: "", cut: false, dropped: 0) }
        func test(_ indices: [Int]) -> Bool {
            if let fitsSentences { return fitsSentences(indices) }
            return fits(indices.map { sentences[$0] }.joined(separator: " "))
        }
        guard test([0]) else {
            let text = cut(first, fits: fits)
            return Fit(text: text, cut: true, dropped: min(sentences.count, maximumSentences) - 1)
        }
        var chosen: [Int] = [0]
        if maximumSentences > 1, sentences.count > 1 {
            let scores = scores ?? sentences.map(Self.informativeness)
            let ranked = sentences.indices.dropFirst().sorted {
                scores[$0] != scores[$1] ? scores[$0] > scores[$1] : $0 < $1
            }
            var attempts = 0
            for index in ranked where chosen.count < maximumSentences && attempts < maximumSentences + 4 {
                attempts += 1
                let candidate = (chosen + [index]).sorted()
                if test(candidate) { chosen = candidate }
            }
        }
        let text = chosen.map { sentences[$0] }.joined(separator: " ")
        return Fit(text: text, cut: false, dropped: min(sentences.count, maximumSentences) - chosen.count)
    }

    /// `sentence` cut as short as needed to fit, ending with an ellipsis; empty when nothing fits.
    func cut(_ sentence: String, fits: (String) -> Bool) -> String {
        let points = Self.cutPoints(in: sentence)
        let render = { (end: String.Index) in Self.ellipsized(sentence[..<end]) }
        let word = longest(points.words, render: render, fits: fits)
        if let clause = longest(points.clauses, render: render, fits: fits) {
            let clauseLength = sentence.distance(from: sentence.startIndex, to: clause.end)
            let wordLength = word.map { sentence.distance(from: sentence.startIndex, to: $0.end) } ?? 0
            if clauseLength * 3 >= wordLength * 2 { return clause.text }
        }
        if let word, !writesWithoutSpaces { return word.text }
        if let exact = longest(points.graphemes, render: render, fits: fits) {
            if let word, sentence.distance(from: word.end, to: exact.end) < 12 { return word.text }
            return exact.text
        }
        return word?.text ?? ""
    }

    /// Splits `text` into the longest leading piece that `fits` (cut at a word, or at a grapheme
    /// cluster when no word boundary fits) and the rest, without ellipsis: for thread parts.
    func split(_ text: String, fits: (String) -> Bool) -> (head: String, rest: String)? {
        let points = Self.cutPoints(in: text)
        let render = { (end: String.Index) in Self.trimmedEnd(text[..<end]) }
        let chosen =
            (writesWithoutSpaces ? nil : longest(points.words, render: render, fits: fits))
            ?? longest(points.graphemes, render: render, fits: fits)
        guard let chosen, !chosen.text.isEmpty else { return nil }
        let rest = text[chosen.end...].drop(while: { $0.isWhitespace })
        return (chosen.text, String(rest))
    }

    /// The longest candidate whose rendering fits, by binary search over `ends` (ascending).
    private func longest(
        _ ends: [String.Index], render: (String.Index) -> String, fits: (String) -> Bool
    ) -> (end: String.Index, text: String)? {
        var low = 0
        var high = ends.count - 1
        var best: (end: String.Index, text: String)?
        while low <= high {
            let middle = (low + high) / 2
            let text = render(ends[middle])
            if !text.isEmpty, text != Self.ellipsis, fits(text) {
                best = (ends[middle], text)
                low = middle + 1
            } else {
                high = middle - 1
            }
        }
        return best
    }

    // MARK: Cut points

    /// Where a sentence may be cut, ascending: after a clause, before a word, at a grapheme.
    struct CutPoints {
        var clauses: [String.Index] = []
        var words: [String.Index] = []
        var graphemes: [String.Index] = []
    }

    static let closers: Set<Character> = ["\"", "'", "”", "’", "»", "›", ")", "]", "}", "」", "』", "）", "】", "》", "〉"]
    static let clauseMarks: Set<Character> = [",", ";", ":", "、", "，", "；", "：", "—", "–"]

    /// The cut points of `text`, none inside a URL, hashtag, mention or cashtag, none right
    /// before a closing mark.
    static func cutPoints(in text: String) -> CutPoints {
        let protected = TwitterText.entities(in: text).map(\.range)
        var points = CutPoints()
        var entity = 0
        var previous: Character?
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            while entity < protected.count, protected[entity].upperBound <= index { entity += 1 }
            let inside = entity < protected.count && protected[entity].lowerBound < index
            if index > text.startIndex, !inside, !closers.contains(character), let previous {
                points.graphemes.append(index)
                if character.isWhitespace, !previous.isWhitespace {
                    points.words.append(index)
                    if clauseMarks.contains(previous) { points.clauses.append(index) }
                } else if (character == "—" || character == "–"), previous.isWhitespace {
                    points.clauses.append(index)
                }
            }
            previous = character
            index = text.index(after: index)
        }
        return points
    }

    /// `prefix` without trailing spaces and clause marks, with `…`, closing an open quotation.
    static func ellipsized(_ prefix: Substring) -> String {
        var text = Substring(trimmedEnd(prefix))
        while let last = text.last, clauseMarks.contains(last) || last == "-" || last.isWhitespace {
            text = text.dropLast()
        }
        guard !text.isEmpty else { return "" }
        var result = String(text) + ellipsis
        let quotes = quotationMarks(in: text)
        if quotes.curlyOpened > 0 { result += "”" }
        if quotes.straight % 2 == 1 { result += "\"" }
        return result
    }

    /// How many more `“` than `”`, and how many `"`, `text` holds as whole characters.
    ///
    /// Text without the bytes of these marks (`"`, or the lead byte of U+201C and U+201D)
    /// holds none; otherwise a character is such a mark when it is that one scalar alone
    /// (none of the three has another canonically equivalent spelling).
    static func quotationMarks(in text: Substring) -> (curlyOpened: Int, straight: Int) {
        guard text.utf8.contains(where: { $0 == 0x22 || $0 == 0xE2 }) else { return (0, 0) }
        var curlyOpened = 0
        var straight = 0
        for character in text {
            let scalars = character.unicodeScalars
            guard let scalar = scalars.first, scalars.index(after: scalars.startIndex) == scalars.endIndex else {
                continue
            }
            switch scalar {
            case "\u{201C}": curlyOpened += 1
            case "\u{201D}": curlyOpened -= 1
            case "\"": straight += 1
            default: break
            }
        }
        return (curlyOpened, straight)
    }

    /// `prefix` without trailing whitespace.
    static func trimmedEnd(_ prefix: Substring) -> String {
        var text = prefix
        while let last = text.last, last.isWhitespace { text = text.dropLast() }
        return String(text)
    }

    // MARK: Informativeness

    private static let stopWords: Set<String> = [
        "the", "and", "that", "this", "with", "from", "have", "will", "they", "their", "there", "what", "which",
        "were", "been", "said", "says", "also", "about", "into", "more", "some", "than", "them", "then", "when",
        "would", "could", "should", "your", "just", "very", "like", "does",
    ]

    /// A sentence's informativeness: content words, plus names and figures, less for questions.
    static func informativeness(_ sentence: String) -> Int {
        if let score = asciiInformativeness(sentence) { return score }
        var score = 0
        var first = true
        for word in sentence.split(whereSeparator: { $0 == " " || $0.isWhitespace }) {
            let letters = word.filter(SummarySource.isWordCharacter)
            defer { first = false }
            guard let initial = letters.first else { continue }
            if letters.count >= 4, !stopWords.contains(letters.lowercased()) { score += 1 }
            if !first, initial.asciiValue.map({ $0 >= 0x41 && $0 <= 0x5A }) ?? initial.isUppercase { score += 1 }
            if letters.contains(where: { $0.asciiValue.map { $0 >= 0x30 && $0 <= 0x39 } ?? $0.isNumber }) { score += 1 }
        }
        if sentence.hasSuffix("?") { score /= 2 }
        return score
    }

    /// ``informativeness(_:)`` of an ASCII sentence, byte by byte; nil when it is not ASCII.
    static func asciiInformativeness(_ sentence: String) -> Int? {
        var score = 0
        var first = true
        var inWord = false
        var letters: [UInt8] = []
        letters.reserveCapacity(32)
        func finishWord() {
            defer {
                first = false
                inWord = false
                letters.removeAll(keepingCapacity: true)
            }
            guard let initial = letters.first else { return }
            if letters.count >= 4 {
                let lowered = String(decoding: letters.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
                if !stopWords.contains(lowered) { score += 1 }
            }
            if !first, initial >= 0x41, initial <= 0x5A { score += 1 }
            if letters.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) { score += 1 }
        }
        for byte in sentence.utf8 {
            guard byte < 0x80 else { return nil }
            if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
                if inWord { finishWord() }
            } else {
                inWord = true
                if SummarySource.isASCIIWordByte(byte) { letters.append(byte) }
            }
        }
        if inWord { finishWord() }
        if sentence.hasSuffix("?") { score /= 2 }
        return score
    }
}
