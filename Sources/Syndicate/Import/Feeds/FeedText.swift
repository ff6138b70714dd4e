import Foundation

/// Text rules shared by the feed formats: plain text from possibly-HTML fields, author names.
enum FeedText {
    /// Plain text from a field that may hold HTML or (double-)escaped entities; nil when empty.
    ///
    /// `Fish &amp; Chips` (escaped twice in the XML) becomes `Fish & Chips`; `<b>Big</b> news`
    /// becomes `Big news`; whitespace is collapsed.
    static func plain(_ text: String?) -> String? {
        guard let text else { return nil }
        let result: String
        if text.utf8.contains(UInt8(ascii: "<")) {
            result = HTMLText.paragraphs(fromHTML: text).joined(separator: " ")
        } else {
            result = Whitespace.collapse(HTMLEntities.decode(text))
        }
        return result.isEmpty ? nil : result
    }

    /// The display name in an author field: `jo@example.com (Jo Bloggs)` and
    /// `Jo Bloggs <jo@example.com>` give `Jo Bloggs`; a bare name or address is kept.
    static func authorName(_ text: String?) -> String? {
        guard let value = plain(text) else { return nil }
        if value.hasSuffix(")"), let open = value.lastIndex(of: "(") {
            let name = Whitespace.collapse(String(value[value.index(after: open)..<value.index(before: value.endIndex)]))
            if !name.isEmpty { return name }
        }
        if value.hasSuffix(">"), let open = value.lastIndex(of: "<") {
            let name = Whitespace.collapse(String(value[..<open]))
            if !name.isEmpty { return name }
        }
        return value
    }

    /// Plain-text paragraphs: blank lines separate paragraphs, other whitespace collapses.
    static func paragraphs(fromText text: String) -> [String] {
        var paragraphs: [String] = []
        var current: [Substring] = []
        func flush() {
            let paragraph = Whitespace.collapse(current.joined(separator: " "))
            if !paragraph.isEmpty { paragraphs.append(paragraph) }
            current.removeAll()
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.allSatisfy(\.isWhitespace) {
                flush()
            } else {
                current.append(line)
            }
        }
        flush()
        return paragraphs
    }

    /// The integer in an attribute such as `width="640"`; nil when absent or not a positive number.
    static func dimension(_ text: String?) -> Int? {
        guard let text, let value = Int(text.trimmingCharacters(in: .whitespaces)), value > 0 else { return nil }
        return value
    }
}
