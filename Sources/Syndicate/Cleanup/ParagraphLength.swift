/// A paragraph's length in grapheme clusters, counted at most once for all the rules that ask.
///
/// Each ``BoilerplateRule`` with a ``BoilerplateRule/maxLength`` asks whether the paragraph is
/// longer; a paragraph that begins with a character no literal prefix rules out (a curly quote)
/// is asked by every rule, and would be counted once per rule.
struct ParagraphLength {
    let text: String
    /// The clusters counted (capped), and whether that is all of them.
    private var counted: (count: Int, complete: Bool)?

    /// Counting goes at least this far, past every default rule's limit, so one count serves them all.
    static let minimumCount = 600

    init(_ text: String) {
        self.text = text
    }

    /// Whether the paragraph has more than `limit` clusters.
    mutating func exceeds(_ limit: Int) -> Bool {
        if text.utf8.count <= limit { return false }  // A cluster has at least one byte.
        if let counted, counted.complete || counted.count > limit { return counted.count > limit }
        let cap = max(limit, Self.minimumCount)
        let count = GraphemeCount.count(text, upTo: cap)
        counted = (count, count <= cap)
        return count > limit
    }
}
