import Foundation

/// Proposes hashtag phrases from a post's text: repeated proper nouns and acronyms.
///
/// Linear in the text: one pass collects evidence (which words appear in lower case, which are
/// capitalised away from the start of a sentence), a second builds runs of proper words and
/// counts them.
enum KeyPhrases {
    /// The longest run of proper words taken as one phrase; longer runs are title-case headings.
    static let maximumWords = 3

    /// Words never proposed and never part of a phrase, compared in lower case: function words
    /// (which start many capitalised runs), honorifics, days and months.
    static let stopWords: Set<String> = [
        "a", "an", "the", "and", "or", "but", "of", "in", "on", "at", "to", "for", "by", "with", "from",
        "as", "if", "so", "this", "that", "these", "those", "it", "its", "we", "our", "you", "your",
        "he", "she", "they", "his", "her", "their", "i", "my", "me", "us", "them", "is", "are", "was",
        "mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "st",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "january", "february", "march", "april", "may", "june", "july", "august", "september",
        "october", "november", "december", "ok", "am", "pm",
    ]

    /// One word of a sentence.
    struct Token {
        var word: String
        /// Whether only spaces separate it from the previous token of the same sentence.
        var joinsPrevious: Bool
        /// Whether it is the first token of its sentence.
        var isInitial: Bool
    }

    /// Key phrases of `post` (title, summary, body), most frequent first, ties in order of
    /// first appearance; only phrases seen at least twice.
    static func phrases(in post: Post) -> [String] {
        phrases(in: post, body: post.sentences)
    }

    /// ``phrases(in:)`` with the body's sentences (``Post/sentences``) given, when the caller
    /// has split them already.
    static func phrases(in post: Post, body: [String]) -> [String] {
        var sentences = [post.title]
        if let summary = post.summary { sentences += SentenceSplitter.sentences(in: summary) }
        sentences += body
        let tokenized = sentences.map(tokens(in:))

        var lowercase = Set<String>()
        var capitalisedInside = Set<String>()
        for sentence in tokenized {
            for token in sentence {
                let lowered = token.word.lowercased()
                if startsLowercase(token.word) {
                    lowercase.insert(lowered)
                } else if !token.isInitial {
                    capitalisedInside.insert(lowered)
                }
            }
        }
        func isProper(_ word: String) -> Bool {
            let lowered = word.lowercased()
            guard !stopWords.contains(lowered), !lowercase.contains(lowered) else { return false }
            return isAcronym(word) || (startsUppercase(word) && capitalisedInside.contains(lowered))
        }

        var counts: [String: (spelling: String, count: Int, first: Int)] = [:]
        var order = 0
        func record(_ run: [String]) {
            guard !run.isEmpty, run.count <= maximumWords else { return }
            let phrase = run.joined(separator: " ")
            let key = phrase.lowercased()
            if let existing = counts[key] {
                counts[key] = (existing.spelling, existing.count + 1, existing.first)
            } else {
                counts[key] = (phrase, 1, order)
                order += 1
            }
        }
        for sentence in tokenized {
            var run: [String] = []
            for token in sentence {
                if !token.joinsPrevious {
                    record(run)
                    run = []
                }
                if isProper(token.word) {
                    run.append(token.word)
                } else {
                    record(run)
                    run = []
                }
            }
            record(run)
        }
        return counts.values
            .filter { $0.count >= 2 }
            .sorted { ($0.count, -$0.first) > ($1.count, -$1.first) }
            .map(\.spelling)
    }

    /// The words of `sentence`: runs of letters and digits. Chunks that look like URLs, e-mail
    /// addresses, mentions or hashtags are skipped and break phrases.
    static func tokens(in sentence: String) -> [Token] {
        var result: [Token] = []
        var current = String.UnicodeScalarView()
        var gapIsSpaceOnly = false
        for chunk in sentence.split(whereSeparator: \.isWhitespace) {
            if containsSlashOrAt(chunk) || chunk.hasPrefix("#") || chunk.hasPrefix("www.") {
                gapIsSpaceOnly = false
                continue
            }
            var sawPunctuation = false
            func finish() {
                guard !current.isEmpty else { return }
                let word = String(current)
                current = String.UnicodeScalarView()
                if word.unicodeScalars.contains(where: { Hashtags.isLetter($0) && !Hashtags.isMark($0) }) {
                    result.append(Token(word: word, joinsPrevious: gapIsSpaceOnly && !result.isEmpty, isInitial: result.isEmpty))
                    gapIsSpaceOnly = true
                } else {
                    gapIsSpaceOnly = false
                }
            }
            for scalar in chunk.unicodeScalars {
                if Hashtags.isLetter(scalar) || Hashtags.isDigit(scalar) {
                    if sawPunctuation {
                        gapIsSpaceOnly = false
                        sawPunctuation = false
                    }
                    current.append(scalar)
                } else {
                    finish()
                    sawPunctuation = true
                }
            }
            finish()
            if sawPunctuation { gapIsSpaceOnly = false }
        }
        return result
    }

    /// Whether `chunk` contains `/` or `@` as Foundation's `contains` finds them, deciding
    /// from the bytes when they settle it: no such byte, or ASCII text (where no combining
    /// mark can attach to one). Foundation's search is far slower than a byte scan.
    static func containsSlashOrAt(_ chunk: Substring) -> Bool {
        var found = false
        var ascii = true
        for byte in chunk.utf8 {
            if byte == 0x2F || byte == 0x40 { found = true }
            if byte >= 0x80 { ascii = false }
        }
        guard found else { return false }
        return ascii || chunk.contains("/") || chunk.contains("@")
    }

    /// Whether every letter of `word` is upper case and it has at least two letters (`ASCL`, `KS2`).
    static func isAcronym(_ word: String) -> Bool {
        var letters = 0
        for scalar in word.unicodeScalars where Hashtags.isLetter(scalar) && !Hashtags.isMark(scalar) {
            guard scalar.properties.isUppercase else { return false }
            letters += 1
        }
        return letters >= 2 && startsUppercase(word)
    }

    /// Whether the first scalar of `word` is an upper-case letter.
    static func startsUppercase(_ word: String) -> Bool {
        word.unicodeScalars.first?.properties.isUppercase ?? false
    }

    /// Whether the first scalar of `word` is a lower-case letter.
    static func startsLowercase(_ word: String) -> Bool {
        word.unicodeScalars.first?.properties.isLowercase ?? false
    }
}
