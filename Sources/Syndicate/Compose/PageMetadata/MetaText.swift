import Foundation

/// Shortens plain text for meta tags and share intents: whole sentences first, else a cut at a
/// word with "…".
enum MetaText {
    /// The ellipsis appended to a cut text; it counts toward the limit.
    static let ellipsis: Character = "…"

    /// `text`, whitespace collapsed, in at most `limit` grapheme clusters.
    ///
    /// When the whole text does not fit, as many leading sentences as fit are kept; when not
    /// even the first fits, the text is cut at the last space before the limit (exactly at the
    /// limit when the text has no space there, as in Chinese or Japanese), trailing
    /// punctuation is dropped and "…" appended, within the limit.
    static func truncated(_ text: String, limit: Int) -> String {
        let text = Whitespace.collapse(text)
        guard limit > 0 else { return "" }
        guard !fits(text, limit) else { return text }
        // Only the text near the limit can matter; sentences are searched in a bounded window.
        let window = String(text.prefix(limit + 1))
        var kept = ""
        for sentence in SentenceSplitter.sentences(in: window) {
            let candidate = kept.isEmpty ? sentence : kept + " " + sentence
            guard candidate.count <= limit, isCompleteSentence(candidate, in: text) else { break }
            kept = candidate
        }
        if !kept.isEmpty { return kept }
        return cutAtWord(text, limit: limit)
    }

    /// Whether `text` has at most `limit` grapheme clusters, without counting past the limit.
    static func fits(_ text: String, _ limit: Int) -> Bool {
        text.index(text.startIndex, offsetBy: limit, limitedBy: text.endIndex).map { $0 == text.endIndex } ?? true
    }

    /// Whether `prefix` of `text` ends at a sentence end: it is followed by a space or nothing,
    /// and ends with sentence punctuation (possibly followed by closing quotes or brackets).
    static func isCompleteSentence(_ prefix: String, in text: String) -> Bool {
        guard text.hasPrefix(prefix) else { return false }
        let rest = text.dropFirst(prefix.count)
        guard rest.isEmpty || rest.first == " " else { return false }
        let trimmed = prefix.reversed().drop { "\"'”’»)]」』".contains($0) }
        guard let last = trimmed.first else { return false }
        return ".!?…。！？".contains(last)
    }

    /// `text` cut at a word boundary so that it and "…" fit in `limit` grapheme clusters.
    static func cutAtWord(_ text: String, limit: Int) -> String {
        let budget = limit - 1
        guard budget > 0 else { return String(ellipsis) }
        let head = text.prefix(budget)
        var cut = head
        let next = text.dropFirst(budget).first
        if next != " ", let space = head.lastIndex(of: " ") {
            cut = head[..<space]
        }
        let trimmed = cut.reversed().drop { $0 == " " || ",;:.-–—(".contains($0) }
        return String(trimmed.reversed()) + String(ellipsis)
    }
}
