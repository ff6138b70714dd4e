import Foundation

/// Cuts the unfinished sentence that an excerpt marker ends, so that no post goes out ending
/// "…to the...".
///
/// Platforms shorten text by words, not sentences: WordPress's automatic excerpt is 55 words
/// followed by ` [&hellip;]`, news pages cut their `og:description` at a length and add `…`.
///
/// - A summary (an item's `description`, a page's description) first loses the platform furniture
///   the ``BoilerplateFilter`` knows (Yoast's "The post … appeared first on …" footer follows the
///   excerpt in the same field). Then, when it ends in a marker (`…`, `...`, `[…]`, `[...]`,
///   `[&hellip;]`, optionally followed by a "Continue reading"/"Read more" link), the unfinished
///   sentence is completed from the body when the body begins with the same text, and otherwise
///   dropped; a summary that was nothing but one cut sentence becomes nil, so the composer takes
///   the body's lead instead.
/// - A body paragraph that ends in a bracketed marker (`[…]`, `[...]`) loses its unfinished
///   sentence (the filter does this for every paragraph); one that was only that sentence is
///   dropped. A plain `…` in a body paragraph is left alone: authors trail off on purpose.
///
/// ```swift
/// ExcerptCleaner.summary(
///     "I envy people who aren’t interested in clothes. It must save [&hellip;] The post Sales appeared first on Die, Workwear!.",
///     body: [], filter: .default)
/// // "I envy people who aren’t interested in clothes."
/// ```
package enum ExcerptCleaner {
    /// The longest completion taken from the body, in characters past the summary's own text;
    /// a longer one is not the sentence the summary began.
    static let maximumCompletion = 400

    /// `summary` without platform furniture and without the unfinished sentence an excerpt
    /// marker ends.
    ///
    /// - Parameters:
    ///   - summary: The excerpt or description as imported (plain text).
    ///   - body: The post's cleaned paragraphs, to complete a cut sentence from.
    ///   - filter: The boilerplate rules to apply; with ``BoilerplateFilter/none`` the summary
    ///     is returned unchanged.
    /// - Returns: The cleaned summary, or nil when nothing of it is left.
    package static func summary(_ summary: String?, body: [String], filter: BoilerplateFilter) -> String? {
        guard let summary else { return nil }
        guard !filter.rules.isEmpty else { return summary }
        // A summary is the author's prose: furniture is cut from it sentence by sentence (the
        // rules of scope `.match`, such as Yoast's footer), and it is dropped whole only when it
        // is as short as the lines whole-paragraph rules remove ("Subscribe now", "Read more »").
        // Trying every rule on every item's summary would cost as much as a paragraph of body.
        let rules = Self.isShort(summary) ? filter : BoilerplateFilter(rules: filter.rules.filter { $0.scope == .match })
        let cleaned = rules.clean([summary], title: nil, links: [:], alreadyCollapsed: false, cuttingExcerpts: false)
        guard let text = cleaned.paragraphs.first, !text.isEmpty else { return nil }
        guard let marker = ExcerptMarker.find(in: text, bracketedOnly: false) else { return text }
        let stem = marker.stem
        if stem.isEmpty { return nil }
        if marker.endsAtSentenceBoundary { return stem }
        if let completed = completion(of: stem, from: body) { return completed }
        return droppingLastSentence(of: stem)
    }

    /// The most words a summary may have to be tried against every rule, not only those that cut
    /// a sentence out of it.
    static let shortSummaryWords = 12

    /// Whether `text` has at most ``shortSummaryWords`` words (runs between spaces).
    static func isShort(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var spaces = 0
            var rest = bytes[...]
            while let space = rest.firstIndex(of: UInt8(ascii: " ")) {
                spaces += 1
                if spaces >= shortSummaryWords { return false }
                rest = rest[(space + 1)...]
            }
            return true
        }
    }

    /// `paragraph` without the unfinished sentence before a bracketed excerpt marker; nil when
    /// nothing is left, `paragraph` itself when it has no such marker.
    static func paragraph(_ paragraph: String) -> String? {
        guard ExcerptMarker.mayEndInBracketedMarker(paragraph),
            let marker = ExcerptMarker.find(in: paragraph, bracketedOnly: true)
        else { return paragraph }
        if marker.stem.isEmpty { return nil }
        if marker.endsAtSentenceBoundary { return marker.stem }
        return droppingLastSentence(of: marker.stem)
    }

    /// The body's opening up to the end of the sentence in which `stem` stops, when the body
    /// begins with `stem`; nil otherwise.
    static func completion(of stem: String, from body: [String]) -> String? {
        guard let first = body.first, first.hasPrefix(stem.prefix(min(stem.count, 16))) else { return nil }
        // Lengths are counted piece by piece, so that a long summary costs linear time.
        let stemLength = stem.count
        var opening = ""
        var openingLength = 0
        for paragraph in body {
            opening += opening.isEmpty ? paragraph : " " + paragraph
            openingLength += paragraph.count + (openingLength == 0 ? 0 : 1)
            if openingLength > stemLength { break }
        }
        guard openingLength > stemLength, opening.hasPrefix(stem) else { return nil }
        var result = ""
        var resultLength = 0
        for sentence in SentenceSplitter.sentences(in: opening) {
            result += result.isEmpty ? sentence : " " + sentence
            resultLength += sentence.count + (resultLength == 0 ? 0 : 1)
            if resultLength >= stemLength { break }
        }
        // The completion ends a sentence: not at a heading the next paragraph begins with.
        guard resultLength > stemLength, resultLength - stemLength <= maximumCompletion, result.hasPrefix(stem),
            ExcerptMarker.endsSentence(Substring(result))
        else { return nil }
        return result
    }

    /// `text` without its last sentence; nil when that was the only one.
    static func droppingLastSentence(of text: String) -> String? {
        let sentences = SentenceSplitter.sentences(in: text)
        guard sentences.count > 1 else { return nil }
        return sentences.dropLast().joined(separator: " ")
    }
}
