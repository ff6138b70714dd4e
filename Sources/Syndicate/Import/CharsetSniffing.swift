import Foundation

/// Decides which charset a document's bytes are in, from what the bytes and the server say.
///
/// The order, first match wins: a byte-order mark (UTF-8, UTF-16, UTF-32); for XML, the
/// UTF-16/32 pattern of `<` without a mark (XML 1.0 appendix F); the server's `Content-Type`
/// charset (``ImportContext/declaredCharset``); the document's own declaration — the XML
/// declaration's `encoding`, or for HTML a `<meta charset>` or `http-equiv="Content-Type"` in
/// the first 1,024 bytes; else UTF-8. A declaration of UTF-16 or UTF-32 in a document whose
/// bytes are ASCII-compatible (it could be read, so it is not UTF-16) is ignored. Callers read a
/// document whose own declaration names a legacy charset as UTF-8 when its bytes are UTF-8 with
/// non-ASCII text (``isUTF8Text(_:)``): a file re-encoded as UTF-8 without its declaration
/// updated is far commoner than legacy text that happens to form valid UTF-8.
enum CharsetSniffing {
    /// What decided the charset.
    enum Origin: Equatable {
        case byteOrderMark, byteLayout, server, declaration, none
    }

    /// The charset to read a document in.
    struct Decision: Equatable {
        /// The charset label; nil for UTF-8.
        var label: String?
        /// Bytes to skip at the start (a byte-order mark).
        var skip: Int
        /// What decided it.
        var origin: Origin
    }

    /// The decision for an XML document (a feed) whose first bytes are `head`.
    static func xml(_ head: ArraySlice<UInt8>, server: String?) -> Decision {
        if let mark = byteOrderMark(head) { return mark }
        if let layout = wideLayout(head) { return Decision(label: layout, skip: 0, origin: .byteLayout) }
        if let server = usable(server) { return server }
        if let declared = xmlDeclaration(head), !isWide(declared) {
            return CharsetConverter.isUTF8(declared) ? Decision(label: nil, skip: 0, origin: .declaration)
                : Decision(label: declared, skip: 0, origin: .declaration)
        }
        return Decision(label: nil, skip: 0, origin: .none)
    }

    /// The decision for an HTML page, Markdown, text or JSON whose first bytes are `head`.
    static func document(_ head: ArraySlice<UInt8>, server: String?, format: ImportFormat?) -> Decision {
        if let mark = byteOrderMark(head) { return mark }
        if let server = usable(server) { return server }
        let declared = format == .html ? metaCharset(head) ?? xmlDeclaration(head) : xmlDeclaration(head)
        if let declared, !isWide(declared) {
            return CharsetConverter.isUTF8(declared) ? Decision(label: nil, skip: 0, origin: .declaration)
                : Decision(label: declared, skip: 0, origin: .declaration)
        }
        return Decision(label: nil, skip: 0, origin: .none)
    }

    /// True when the first 64 KiB of `bytes` hold non-ASCII text and are valid UTF-8 (a
    /// character cut at the end allowed).
    static func isUTF8Text(_ bytes: ArraySlice<UInt8>) -> Bool {
        let window = bytes.prefix(65_536)
        return window.contains { $0 >= 0x80 } && XMLPullParser.looksUTF8(window)
    }

    private static func usable(_ server: String?) -> Decision? {
        guard let server, !CharsetConverter.normalized(server).isEmpty else { return nil }
        return Decision(label: CharsetConverter.isUTF8(server) ? nil : server, skip: 0, origin: .server)
    }

    private static func isWide(_ label: String) -> Bool {
        let name = CharsetConverter.normalized(label)
        return name.hasPrefix("utf-16") || name.hasPrefix("utf-32") || name.hasPrefix("ucs-") || name == "utf16"
            || name == "utf32" || name == "unicode"
    }

    /// A byte-order mark's charset and length.
    static func byteOrderMark(_ head: ArraySlice<UInt8>) -> Decision? {
        let bytes = Array(head.prefix(4))
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return Decision(label: nil, skip: 3, origin: .byteOrderMark) }
        if bytes.starts(with: [0xFF, 0xFE, 0x00, 0x00]) { return Decision(label: "UTF-32LE", skip: 4, origin: .byteOrderMark) }
        if bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF]) { return Decision(label: "UTF-32BE", skip: 4, origin: .byteOrderMark) }
        if bytes.starts(with: [0xFF, 0xFE]) { return Decision(label: "UTF-16LE", skip: 2, origin: .byteOrderMark) }
        if bytes.starts(with: [0xFE, 0xFF]) { return Decision(label: "UTF-16BE", skip: 2, origin: .byteOrderMark) }
        return nil
    }

    /// UTF-16 or UTF-32 without a mark, recognised by the zero bytes around a leading `<`.
    static func wideLayout(_ head: ArraySlice<UInt8>) -> String? {
        let bytes = Array(head.prefix(4))
        guard bytes.count == 4 else { return nil }
        switch (bytes[0], bytes[1], bytes[2], bytes[3]) {
        case (0, 0, 0, 0x3C): return "UTF-32BE"
        case (0x3C, 0, 0, 0): return "UTF-32LE"
        case (0, 0x3C, 0, let next) where next != 0: return "UTF-16BE"
        case (0x3C, 0, let next, 0) where next != 0: return "UTF-16LE"
        default: return nil
        }
    }

    /// The `encoding` of an XML declaration at the very start, if any.
    static func xmlDeclaration(_ head: ArraySlice<UInt8>) -> String? {
        let prefix = head.prefix(512)
        guard prefix.starts(with: Array("<?xml".utf8)), let end = prefix.firstIndex(of: UInt8(ascii: ">")) else { return nil }
        let declaration = String(decoding: prefix[prefix.startIndex..<end], as: UTF8.self)
        return attribute("encoding", in: declaration)
    }

    /// The charset of the first `<meta charset>` or `<meta http-equiv="Content-Type" content="…;
    /// charset=…">` in the first 1,024 bytes (the HTML standard's prescan window).
    static func metaCharset(_ head: ArraySlice<UInt8>) -> String? {
        let text = String(decoding: head.prefix(1024), as: UTF8.self).lowercased()
        var rest = Substring(text)
        while let open = rest.range(of: "<meta") {
            let tail = rest[open.upperBound...]
            let close = tail.firstIndex(of: ">") ?? tail.endIndex
            let tag = String(tail[..<close])
            if let charset = attribute("charset", in: tag) { return charset }
            if attribute("http-equiv", in: tag) == "content-type", let content = attribute("content", in: tag),
                let charset = contentTypeCharset(content)
            {
                return charset
            }
            rest = tail[close...]
        }
        return nil
    }

    /// The `charset` parameter of a `Content-Type` value: `text/html; charset="koi8-r"` gives `koi8-r`.
    static func contentTypeCharset(_ value: String) -> String? {
        for parameter in value.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == "charset" else { continue }
            let charset = CharsetConverter.normalized(String(pair[1]))
            return charset.isEmpty ? nil : charset
        }
        return nil
    }

    /// The value of `name="…"` (or `'…'`, or unquoted) in a tag's text.
    private static func attribute(_ name: String, in tag: String) -> String? {
        var search = tag[...]
        while let range = search.range(of: name) {
            let before = range.lowerBound == tag.startIndex ? " " : tag[tag.index(before: range.lowerBound)]
            var rest = tag[range.upperBound...].drop { $0 == " " }
            search = tag[range.upperBound...]
            guard before.isWhitespace || before == "<", rest.first == "=" else { continue }
            rest = rest.dropFirst().drop { $0 == " " }
            let value: Substring
            if let quote = rest.first, quote == "\"" || quote == "'" {
                value = rest.dropFirst().prefix { $0 != quote }
            } else {
                value = rest.prefix { !$0.isWhitespace && $0 != ">" && $0 != "/" && $0 != ";" }
            }
            let trimmed = value.trimmingCharacters(in: .whitespaces)
            return trimmed.isEmpty ? nil : trimmed
        }
        return nil
    }
}
