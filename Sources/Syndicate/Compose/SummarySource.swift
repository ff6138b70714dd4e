import Foundation

/// Where a summary's sentences come from, and how repetition is recognised.
enum SummarySource {
    /// The most sentences considered; a summary never needs more (LinkedIn, the longest
    /// default, takes 4, from the first dozen).
    static let maximumSentences = 12

    /// The candidate sentences of `post` in priority order: the author's summary first, else
    /// the lead; then the body's sentences that do not repeat what is already said.
    static func sentences(of post: Post) -> [String] {
        sentences(of: post, body: post.paragraphs.lazy.flatMap { SentenceSplitter.sentences(in: $0) })
    }

    /// ``sentences(of:)`` with the body's sentences (``Post/sentences``) given, when the caller
    /// has split them already.
    static func sentences(of post: Post, body: some Sequence<String>) -> [String] {
        var result: [String] = []
        var said = Set<String>()
        // Paragraphs are whitespace-normalised by every importer; the summary may not be.
        func add(_ sentence: String, unlessRepeating: Bool) {
            guard !sentence.isEmpty, result.count < maximumSentences else { return }
            let words = contentWords(sentence)
            if unlessRepeating, !words.isEmpty {
                let shared = words.filter { said.contains($0) }.count
                if shared * 2 >= words.count { return }
            }
            said.formUnion(words)
            result.append(sentence)
        }
        if let summary = post.summary {
            for sentence in SentenceSplitter.sentences(in: Whitespace.collapse(summary)) {
                add(sentence, unlessRepeating: false)
            }
        }
        let hasSummary = !result.isEmpty
        for sentence in body {
            guard result.count < maximumSentences else { break }
            add(sentence, unlessRepeating: hasSummary)
        }
        return result
    }

    /// Lower-cased words of four letters or more: what two sentences must share to repeat.
    static func contentWords(_ text: String) -> Set<String> {
        Set(words(text).filter { $0.count >= 4 })
    }

    /// Lower-cased runs of letters and digits.
    static func words(_ text: String) -> [String] {
        if let words = asciiWords(text) { return words }
        return text.lowercased().split(whereSeparator: { !isWordCharacter($0) }).map(String.init)
    }

    /// ``words(_:)`` of an ASCII text, byte by byte; nil when `text` is not ASCII.
    static func asciiWords(_ text: String) -> [String]? {
        var result: [String] = []
        var current: [UInt8] = []
        for byte in text.utf8 {
            guard byte < 0x80 else { return nil }
            if isASCIIWordByte(byte) {
                current.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
            } else if !current.isEmpty {
                result.append(String(decoding: current, as: UTF8.self))
                current.removeAll(keepingCapacity: true)
            }
        }
        if !current.isEmpty { result.append(String(decoding: current, as: UTF8.self)) }
        return result
    }

    /// Whether an ASCII byte is a letter or a digit.
    static func isASCIIWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
    }

    /// Whether `character` is a letter or a digit, deciding ASCII without Unicode tables.
    static func isWordCharacter(_ character: Character) -> Bool {
        if let ascii = character.asciiValue {
            return (ascii >= 0x30 && ascii <= 0x39) || (ascii | 0x20 >= 0x61 && ascii | 0x20 <= 0x7A)
        }
        return character.isLetter || character.isNumber
    }

    /// Whether `lead` repeats `title`: the title's words open the lead, or the lead's words
    /// open the title, or they share nearly all their words.
    static func repeats(title: String, lead: String) -> Bool {
        let titleWords = words(title)
        let leadWords = words(lead)
        guard !titleWords.isEmpty, !leadWords.isEmpty else { return false }
        if leadWords.starts(with: titleWords) || titleWords.starts(with: leadWords) { return true }
        let titleSet = Set(titleWords)
        let shared = titleSet.intersection(leadWords).count
        return shared * 10 >= titleSet.count * 8
    }

    /// The first whole-word occurrence of `word` in `text`, ignoring case, not already tagged.
    static func wordRange(of word: String, in text: String) -> Range<String.Index>? {
        var searchStart = text.startIndex
        while let range = text.range(of: word, options: [.caseInsensitive], range: searchStart..<text.endIndex) {
            let before = range.lowerBound > text.startIndex ? text[text.index(before: range.lowerBound)] : nil
            let after = range.upperBound < text.endIndex ? text[range.upperBound] : nil
            let boundaryBefore = before.map { !($0.isLetter || $0.isNumber || $0 == "#" || $0 == "_" || $0 == "@") } ?? true
            let boundaryAfter = after.map { !($0.isLetter || $0.isNumber || $0 == "_") } ?? true
            if boundaryBefore, boundaryAfter { return range }
            searchStart = range.upperBound
        }
        return nil
    }
}
