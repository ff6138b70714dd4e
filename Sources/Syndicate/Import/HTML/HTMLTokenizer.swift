import Foundation

/// Splits HTML into tags, text and comments the way a browser tolerates it, in one linear pass.
///
/// Accepts what real pages contain: uppercase names, attributes quoted with `"` or `'` or not
/// at all, attributes without values, `/>` on any element, comments, CDATA sections, doctypes
/// and processing instructions (skipped), stray `<` that starts no tag (kept as text), and the
/// raw text of `<script>`, `<style>` and friends, where tags are not recognised until the
/// matching end tag. Entities are decoded in text and attribute values with `HTMLEntities`.
///
/// Every scan moves forward, and a scan that finds no end (an unclosed comment, quote or
/// script) consumes the rest of the input or stops at the tag's `>`, so the work is linear.
struct HTMLTokenizer {
    /// One piece of the document.
    enum Token: Equatable {
        /// An opening tag; `selfClosing` when written `<x/>`.
        case startTag(name: String, attributes: [HTMLAttribute], selfClosing: Bool)
        /// A closing tag.
        case endTag(name: String)
        /// Character data, entities decoded unless it is the raw text of a script or style.
        case text(String)
    }

    /// Elements whose content is raw text: no tags and no entities inside (mirrored by the
    /// switch in `startTag()`).
    static let rawTextElements: Set<String> = [
        "script", "style", "xmp", "iframe", "noembed", "noframes", "noscript", "plaintext",
    ]
    /// Elements whose content is text with entities but no tags.
    static let escapableRawTextElements: Set<String> = ["title", "textarea"]

    private let bytes: [UInt8]
    private var position = 0
    /// The element whose end tag ends the current raw text, if inside one.
    private var rawTextEnd: (name: String, escapable: Bool)?

    /// Byte offset of the start of the token most recently returned.
    private(set) var tokenStart = 0
    /// Byte offset just past the token most recently returned.
    var tokenEnd: Int { position }

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// The next token, or nil at the end of the input.
    mutating func next() -> Token? {
        while position < bytes.count {
            tokenStart = position
            if let raw = rawTextEnd {
                rawTextEnd = nil
                let end = findEndTag(raw.name, from: position) ?? bytes.count
                let text = string(position, end)
                position = end
                if text.isEmpty { continue }
                return .text(raw.escapable ? HTMLEntities.decode(text) : text)
            }
            if bytes[position] != UInt8(ascii: "<") {
                let end = firstIndex(of: UInt8(ascii: "<"), from: position) ?? bytes.count
                let text = string(position, end)
                position = end
                return .text(HTMLEntities.decode(text))
            }
            if let token = markup() { return token }
        }
        return nil
    }

    /// Reads whatever starts at a `<`; returns nil when it yields no token (comment, doctype).
    private mutating func markup() -> Token? {
        let next = byte(at: position + 1)
        if let next, isASCIILetter(next) {
            return startTag()
        }
        if next == UInt8(ascii: "/") {
            if let after = byte(at: position + 2), isASCIILetter(after) {
                return endTag()
            }
            // `</>` is dropped; `</ 3>` and the like are bogus comments.
            skipPast(UInt8(ascii: ">"), from: position + 2)
            return nil
        }
        if next == UInt8(ascii: "!") {
            if hasPrefix("<!--", at: position) {
                skipComment()
                return nil
            }
            if hasPrefix("<![CDATA[", at: position) {
                let contentStart = position + 9
                let end = find("]]>", from: contentStart)
                let text = string(contentStart, end ?? bytes.count)
                position = end.map { $0 + 3 } ?? bytes.count
                return text.isEmpty ? nil : .text(text)
            }
            skipPast(UInt8(ascii: ">"), from: position + 2)  // doctype, bogus declaration
            return nil
        }
        if next == UInt8(ascii: "?") {
            skipPast(UInt8(ascii: ">"), from: position + 2)  // processing instruction
            return nil
        }
        position += 1
        return .text("<")
    }

    private mutating func startTag() -> Token {
        var index = position + 1
        let nameStart = index
        while index < bytes.count, !isNameEnd(bytes[index]) { index += 1 }
        let name = lowercased(nameStart, index)
        var attributes: [HTMLAttribute] = []
        var selfClosing = false
        while index < bytes.count {
            let byte = bytes[index]
            if isSpace(byte) {
                index += 1
            } else if byte == UInt8(ascii: ">") {
                index += 1
                break
            } else if byte == UInt8(ascii: "/") {
                index += 1
                if index < bytes.count, bytes[index] == UInt8(ascii: ">") {
                    selfClosing = true
                    index += 1
                    break
                }
            } else {
                let (attribute, next) = readAttribute(from: index)
                index = next
                if !attributes.contains(where: { $0.name == attribute.name }) { attributes.append(attribute) }
            }
        }
        position = index
        // Raw-text elements have names of three letters or more: `p`, `a`, `em` and `li` skip the switch.
        if !selfClosing, name.utf8.count >= 3 {
            switch name {  // a switch, not a set: this runs for every start tag
            case "script", "style", "xmp", "iframe", "noembed", "noframes", "noscript", "plaintext":
                rawTextEnd = (name, false)
            case "title", "textarea":
                rawTextEnd = (name, true)
            default:
                break
            }
        }
        return .startTag(name: name, attributes: attributes, selfClosing: selfClosing)
    }

    private mutating func readAttribute(from start: Int) -> (HTMLAttribute, Int) {
        var index = start
        // The first character may be `=` (`<a =x>`); it is part of the name then.
        index += 1
        while index < bytes.count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: "="),
            bytes[index] != UInt8(ascii: ">"), bytes[index] != UInt8(ascii: "/")
        {
            index += 1
        }
        let name = lowercased(start, index)
        while index < bytes.count, isSpace(bytes[index]) { index += 1 }
        guard index < bytes.count, bytes[index] == UInt8(ascii: "=") else {
            return (HTMLAttribute(name: name, value: ""), index)
        }
        index += 1
        while index < bytes.count, isSpace(bytes[index]) { index += 1 }
        guard index < bytes.count else { return (HTMLAttribute(name: name, value: ""), index) }
        let quote = bytes[index]
        if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
            let valueStart = index + 1
            // A quote that is never closed cannot be opened again later (there is no further quote
            // character), so this scan runs off the end at most once per quote character.
            if let close = firstIndex(of: quote, from: valueStart) {
                return (HTMLAttribute(name: name, value: Self.decodeAttribute(string(valueStart, close))), close + 1)
            }
            // An unclosed quote: the value runs to the end of the tag rather than the document.
            let end = firstIndex(of: UInt8(ascii: ">"), from: valueStart) ?? bytes.count
            return (HTMLAttribute(name: name, value: Self.decodeAttribute(string(valueStart, end))), end)
        }
        let valueStart = index
        while index < bytes.count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: ">") { index += 1 }
        return (HTMLAttribute(name: name, value: Self.decodeAttribute(string(valueStart, index))), index)
    }

    private mutating func endTag() -> Token {
        var index = position + 2
        let nameStart = index
        while index < bytes.count, !isNameEnd(bytes[index]) { index += 1 }
        let name = lowercased(nameStart, index)
        position = index
        skipPast(UInt8(ascii: ">"), from: index)
        return .endTag(name: name)
    }

    private mutating func skipComment() {
        let contentStart = position + 4
        // `<!-->` and `<!--->` are complete (empty) comments.
        if hasPrefix(">", at: contentStart) {
            position = contentStart + 1
            return
        }
        if hasPrefix("->", at: contentStart) {
            position = contentStart + 2
            return
        }
        position = find("-->", from: contentStart).map { $0 + 3 } ?? bytes.count
    }

    // MARK: - Scanning

    /// The start of `</name` followed by a space, `/` or `>` at or after `start`, or nil.
    private func findEndTag(_ name: String, from start: Int) -> Int? {
        let nameBytes = Array(name.utf8)
        var index = start
        while let open = firstIndex(of: UInt8(ascii: "<"), from: index) {
            let nameStart = open + 2
            let after = nameStart + nameBytes.count
            if byte(at: open + 1) == UInt8(ascii: "/"), after <= bytes.count,
                zip(bytes[nameStart..<after], nameBytes).allSatisfy({ lowercasedByte($0) == $1 }),
                after == bytes.count || isNameEnd(bytes[after])
            {
                return open
            }
            index = open + 1
        }
        return nil
    }

    private mutating func skipPast(_ target: UInt8, from start: Int) {
        position = firstIndex(of: target, from: start).map { $0 + 1 } ?? bytes.count
    }

    private func firstIndex(of target: UInt8, from start: Int) -> Int? {
        var index = start
        while index < bytes.count {
            if bytes[index] == target { return index }
            index += 1
        }
        return nil
    }

    private func find(_ needle: String, from start: Int) -> Int? {
        let needleBytes = Array(needle.utf8)
        guard let first = needleBytes.first else { return nil }
        var index = start
        while let candidate = firstIndex(of: first, from: index) {
            if candidate + needleBytes.count > bytes.count { return nil }
            if bytes[candidate..<(candidate + needleBytes.count)].elementsEqual(needleBytes) { return candidate }
            index = candidate + 1
        }
        return nil
    }

    private func hasPrefix(_ prefix: String, at start: Int) -> Bool {
        let prefixBytes = Array(prefix.utf8)
        guard start + prefixBytes.count <= bytes.count else { return false }
        return zip(bytes[start..<(start + prefixBytes.count)], prefixBytes).allSatisfy { lowercasedByte($0) == lowercasedByte($1) }
    }

    private func byte(at index: Int) -> UInt8? {
        index < bytes.count ? bytes[index] : nil
    }

    private func string(_ start: Int, _ end: Int) -> String {
        guard start < end else { return "" }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    private func lowercased(_ start: Int, _ end: Int) -> String {
        guard start < end else { return "" }
        var index = start
        while index < end, !(bytes[index] >= UInt8(ascii: "A") && bytes[index] <= UInt8(ascii: "Z")) { index += 1 }
        if index == end { return String(decoding: bytes[start..<end], as: UTF8.self) }  // already lowercase
        return String(decoding: bytes[start..<end].map(lowercasedByte), as: UTF8.self)
    }

    private func lowercasedByte(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
    }

    private func isASCIILetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
    }

    private func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D
    }

    private func isNameEnd(_ byte: UInt8) -> Bool {
        isSpace(byte) || byte == UInt8(ascii: "/") || byte == UInt8(ascii: ">")
    }

    // MARK: - Attribute values

    /// Decodes entities in an attribute value as a browser does: a named reference without its
    /// semicolon stays literal when `=` or more letters follow (`?a=1&copy=2` keeps `&copy`).
    static func decodeAttribute(_ value: String) -> String {
        var bytes = value
        // `memchr` on the bytes: `utf8.contains` walks the view one index at a time.
        let hasReference = bytes.withUTF8 { buffer in
            guard let base = buffer.baseAddress else { return false }
            return memchr(base, 0x26, buffer.count) != nil
        }
        guard hasReference else { return value }
        var protected = String()
        protected.reserveCapacity(value.utf8.count + 16)
        let scalars = value.unicodeScalars
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index]
            index = scalars.index(after: index)
            guard scalar == "&" else {
                protected.unicodeScalars.append(scalar)
                continue
            }
            var end = index
            while end < scalars.endIndex, isASCIIAlphanumeric(scalars[end]) {
                end = scalars.index(after: end)
            }
            let name = String(scalars[index..<end])
            let next = end < scalars.endIndex ? scalars[end] : nil
            let literal = !name.isEmpty && next != ";" && (next == "=" || !HTMLEntities.legacyNames.contains(name))
            protected += literal ? "&amp;" : "&"
        }
        return HTMLEntities.decode(protected)
    }

    private static func isASCIIAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return true
        default: return false
        }
    }
}

/// One attribute of an HTML element: its lowercased name and its decoded value.
struct HTMLAttribute: Equatable {
    /// The name, lowercased.
    var name: String
    /// The value, entities decoded; empty for an attribute written without a value.
    var value: String
}
