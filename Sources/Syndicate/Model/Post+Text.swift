import Foundation

extension Post {
    /// The body as one plain-text string, paragraphs separated by a blank line.
    public var text: String {
        paragraphs.joined(separator: "\n\n")
    }

    /// The body split into sentences, in order, across all paragraphs.
    ///
    /// A sentence ends at `.`, `!`, `?`, `…` or their CJK forms, followed by closing quotes
    /// or brackets, then whitespace or the end of the paragraph; abbreviations such as
    /// "Mrs" or "e.g." and decimal numbers do not end a sentence.
    public var sentences: [String] {
        paragraphs.flatMap { SentenceSplitter.sentences(in: $0) }
    }

    /// The first paragraph of the body, if any: the lead.
    public var lead: String? {
        paragraphs.first
    }
}
