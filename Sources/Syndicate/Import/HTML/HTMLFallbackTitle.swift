import Foundation

/// The title of a page that states none (no `<title>`, heading or metadata) but has article
/// text, as Readability reads such pages with an empty title: the first sentence of the first
/// paragraph, or its first words up to ``maxLength`` characters followed by "…".
enum HTMLFallbackTitle {
    /// The longest title taken from text, in characters.
    static let maxLength = 100

    static func title(from paragraph: String) -> String {
        let text = Whitespace.collapse(paragraph)
        var end = text.startIndex
        var count = 0
        for index in text.indices {
            count += 1
            if count > maxLength { break }
            end = text.index(after: index)
            if ".!?".contains(text[index]), end == text.endIndex || text[end] == " " { return String(text[..<end]) }
        }
        guard end < text.endIndex else { return text }
        let cut = text[..<end]
        let words = cut.lastIndex(of: " ").map { cut[..<$0] } ?? cut
        return words.trimmingCharacters(in: .punctuationCharacters.union(.whitespaces)) + "…"
    }
}
