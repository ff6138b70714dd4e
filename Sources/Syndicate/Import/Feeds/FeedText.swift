import Foundation

/// Text rules shared by the feed formats: plain text from possibly-HTML fields, author names.
enum FeedText {
    /// Plain text from a field that may hold HTML or (double-)escaped entities; nil when empty.
    ///
    /// `Fish &amp; Chips` (escaped twice in the XML) becomes `Fish & Chips`; `<b>Big</b> news`
    /// becomes `Big news`; whitespace is collapsed.
    static func plain(_ text: String?) -> String? {
        guard let text else { return nil }
        let shape = Shape(of: text)
        let result: String
        if shape.hasMarkup {
            result = HTMLText.paragraphs(fromHTML: text).joined(separator: " ")
        } else if shape.hasReference {
            result = Whitespace.collapse(HTMLEntities.decode(text))
        } else if shape.isCollapsed {
            result = text
        } else {
            result = Whitespace.collapse(text)
        }
        return result.isEmpty ? nil : result
    }

    /// What one pass over a field's bytes tells about it, so that the common case — short
    /// ASCII text with single spaces and no markup — skips the general-purpose rules.
    struct Shape {
        /// The text contains `<`.
        var hasMarkup = false
        /// The text contains `&`.
        var hasReference = false
        /// The text is ASCII without leading, trailing, repeated or non-space whitespace, so
        /// `Whitespace.collapse` would return it unchanged.
        var isCollapsed = true

        init(of text: String) {
            var text = text
            self = text.withUTF8(Shape.init(bytes:))
        }

        /// The shape of UTF-8 `bytes`, read through a pointer (no index checks per byte).
        private init(bytes: UnsafeBufferPointer<UInt8>) {
            var previousWasSpace = true
            let count = bytes.count
            for byte in bytes {
                switch byte {
                case UInt8(ascii: "<"): hasMarkup = true
                case UInt8(ascii: "&"): hasReference = true
                case UInt8(ascii: " "):
                    if previousWasSpace { isCollapsed = false }
                    previousWasSpace = true
                    continue
                case 0x00...0x1F, 0x7F...0xFF: isCollapsed = false
                default: break
                }
                previousWasSpace = false
            }
            if previousWasSpace, count > 0 { isCollapsed = false }
        }
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
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
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
