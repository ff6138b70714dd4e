import Foundation

/// Proposes hashtag phrases from a post's text: repeated proper nouns and acronyms.
///
/// Linear in the text: one pass collects evidence (which words appear in lower case, which are
/// capitalised away from the start of a sentence of prose), a second builds runs of proper words
/// and counts them in the prose. Lower-case terms ("mental health") are never proposed, however
/// often repeated: without a capital, nothing shows that they name something rather than
/// describe it ("last week", "this season").
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
    /// first appearance; only phrases seen at least twice in running text.
    ///
    /// A phrase names something only when its text says so: a word is proper when it is
    /// capitalised inside a sentence of running text and never written in lower case, or an
    /// acronym. Title case is no evidence: a title or a line of the summary or body that reads
    /// like a heading (``isHeading(_:endsWithTerminator:)``) neither shows a word to be proper
    /// nor counts as an occurrence; a sentence-case title is running text. A title-cased title
    /// quoted in a sentence ("The post <title> appeared first on …") is passed over there, and
    /// a summary sentence that the body repeats counts once. So "The Best of This Season’s Sales" gives no `#Best #Season #Sales`, a
    /// "For Men" heading no `#Men`, while a name the text repeats (`Todd Snyder`) is kept.
    static func phrases(in post: Post) -> [String] {
        phrases(in: post, body: post.sentences)
    }

    /// ``phrases(in:)`` with the body's sentences (``Post/sentences``) given, when the caller
    /// has split them already.
    static func phrases(in post: Post, body: [String]) -> [String] {
        let title = Whitespace.collapse(post.title)
        var running = [title]
        if let summary = post.summary {
            // A summary that repeats the lead would count every name in it twice.
            let bodySentences = Set(body)
            running += SentenceSplitter.sentences(in: summary).filter { !bodySentences.contains($0) }
        }
        running += body
        let titleTokens = tokens(in: title)
        let titleIsHeading = isHeading(titleTokens, endsWithTerminator: endsWithTerminator(title))
        // A title-cased headline quoted in a sentence is still title case, not a mention.
        let quotedHeadline = titleIsHeading && title.utf8.count >= 12 && title.utf8.count <= 300 ? title : nil
        let tokenized = [titleTokens] + running.dropFirst().map { sentence in
            tokens(in: quotedHeadline.map { sentence.replacingTitle($0) } ?? sentence)
        }
        let prose = [!titleIsHeading] + running.indices.dropFirst().map {
            !isHeading(tokenized[$0], endsWithTerminator: endsWithTerminator(running[$0]))
        }

        var lowercase = Set<String>()
        var capitalisedInside = Set<String>()
        for (sentence, isProse) in zip(tokenized, prose) {
            for token in sentence {
                if startsLowercase(token.word) {
                    lowercase.insert(token.word.lowercased())
                } else if isProse, !token.isInitial {
                    capitalisedInside.insert(token.word.lowercased())
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
        for (sentence, isProse) in zip(tokenized, prose) where isProse {
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

    /// Whether a sentence reads like a heading rather than prose: every word after the first is
    /// capitalised, apart from function words (``stopWords``, ``headingLowercaseWords``), single
    /// letters ("Season’s" gives "s") and numbers; and there are two or more such words, or the
    /// sentence lacks a final `.`, `!` or `?` ("For Men", "Made in America", "The Best of This
    /// Season’s Sales"). A sentence with no such word is prose.
    static func isHeading(_ sentence: [Token], endsWithTerminator: Bool) -> Bool {
        var words = 0
        for token in sentence.dropFirst() {
            let lowered = token.word.lowercased()
            guard token.word.unicodeScalars.count > 1, !Hashtags.isDigit(token.word.unicodeScalars.first ?? "0"),
                !stopWords.contains(lowered), !headingLowercaseWords.contains(lowered)
            else { continue }
            guard startsUppercase(token.word) else { return false }
            words += 1
        }
        guard words > 0 else { return false }
        return words >= 2 || !endsWithTerminator
    }

    /// Prepositions and conjunctions that title case leaves in lower case, beyond ``stopWords``.
    static let headingLowercaseWords: Set<String> = [
        "about", "above", "across", "after", "against", "along", "among", "around", "before", "behind", "below",
        "beside", "between", "beyond", "during", "into", "near", "nor", "off", "onto", "out", "over", "past",
        "since", "than", "through", "toward", "towards", "under", "until", "up", "upon", "via", "vs", "within",
        "without", "yet",
    ]

    /// Whether `sentence` ends a sentence (``SentenceSplitter/endsSentence(_:)``).
    static func endsWithTerminator(_ sentence: String) -> Bool {
        SentenceSplitter.endsSentence(sentence)
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

extension String {
    /// The sentence with `title` quoted in it replaced by a separator, so that a headline quoted
    /// in a sentence ("The post <title> appeared first on …") is neither evidence nor count.
    fileprivate func replacingTitle(_ title: String) -> String {
        guard utf8.count >= title.utf8.count, let range = utf8.firstRange(of: title.utf8) else { return self }
        return String(self[..<range.lowerBound]) + " — " + String(self[range.upperBound...])
    }
}
