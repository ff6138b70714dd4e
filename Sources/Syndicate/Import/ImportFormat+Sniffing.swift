import Foundation

extension ImportFormat {
    /// Guesses the format of an input from its file name and its first bytes.
    ///
    /// The extension decides when it is specific (`.md`, `.html`, `.rss`, `.atom`, `.txt`);
    /// otherwise the content does: front matter (`---`) means Markdown; an `<rss>`/`<rdf:RDF>` or
    /// `<feed>` root — prefixed (`<atom:feed>`) or not, after an XML declaration, comments,
    /// processing instructions and a doctype with or without an internal subset — a feed (a
    /// `<CHANNEL>` root, the old Channel Definition Format, is read by the RSS importer);
    /// `<html>`, an HTML doctype or other markup a page; a JSON object with a jsonfeed.org
    /// `version` a JSON Feed, other JSON the ``Post`` form, and anything else plain text.
    /// UTF-16 and UTF-32 input is recognised by its byte-order mark or layout.
    ///
    /// - Parameters:
    ///   - data: The input, or at least its first few kilobytes.
    ///   - fileName: The file's name or URL path, if there is one.
    /// - Returns: The most likely format; never nil, plain text being the fallback.
    public static func sniff(_ data: Data, fileName: String? = nil) -> ImportFormat {
        if let fileName, let byName = fromExtension(of: fileName) { return byName }
        let head = headText(data.prefix(4096))
        let trimmed = head.drop { $0.isWhitespace || $0 == "\u{FEFF}" }
        let lower = trimmed.lowercased()
        if trimmed.hasPrefix("---") || trimmed.hasPrefix("+++") { return .markdown }
        if trimmed.hasPrefix("{") || trimmed.hasPrefix("[") {
            return lower.contains("jsonfeed.org/version") ? .jsonfeed : .json
        }
        if trimmed.hasPrefix("<") {
            let prolog = skippingXMLProlog(lower)
            if prolog.doctype == "html" { return .html }
            let root = prolog.rest.dropFirst().prefix { !$0.isWhitespace && $0 != ">" && $0 != "/" }
            let local = root.split(separator: ":").last.map(String.init) ?? ""
            if prolog.rest.hasPrefix("<"), local == "rss" || local == "rdf" || root == "channel" { return .rss }
            if prolog.rest.hasPrefix("<"), local == "feed" { return .atom }
            return .html
        }
        return .text
    }

    /// The first bytes as text: UTF-16 and UTF-32 (by byte-order mark or layout) converted,
    /// anything else read as UTF-8 with invalid bytes replaced (only markup is looked at).
    private static func headText(_ bytes: Data) -> String {
        let array = Array(bytes)
        let mark = CharsetSniffing.byteOrderMark(array[...])
        guard let label = mark?.label ?? CharsetSniffing.wideLayout(array[...]),
            let converter = CharsetConverter(label: label)
        else { return String(decoding: array.dropFirst(mark?.skip ?? 0), as: UTF8.self) }
        var output: [UInt8] = []
        do {
            try converter.convert(Array(array.dropFirst(mark?.skip ?? 0)), final: false, into: &output)
        } catch {
            // Keep what converted before the bad byte.
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// The format an extension names unambiguously, if any (`.xml` and `.json` are ambiguous).
    static func fromExtension(of fileName: String) -> ImportFormat? {
        let path = URL(string: fileName)?.path.isEmpty == false ? (URL(string: fileName)?.path ?? fileName) : fileName
        switch (path as NSString).pathExtension.lowercased() {
        case "md", "markdown", "mdown", "mkd": return .markdown
        case "html", "htm", "xhtml": return .html
        case "rss", "rdf": return .rss
        case "atom": return .atom
        case "txt", "text": return .text
        default: return nil
        }
    }

    /// Drops `<?xml …?>`, comments, processing instructions and a doctype (with an internal
    /// subset in brackets) before the root element; returns the rest and the doctype's root name.
    private static func skippingXMLProlog(_ text: String) -> (rest: Substring, doctype: String?) {
        var rest = Substring(text)
        var doctype: String?
        while true {
            rest = rest.drop { $0.isWhitespace }
            if rest.hasPrefix("<?"), let end = rest.range(of: "?>") {
                rest = rest[end.upperBound...]
            } else if rest.hasPrefix("<!--"), let end = rest.range(of: "-->") {
                rest = rest[end.upperBound...]
            } else if rest.hasPrefix("<!doctype") {
                doctype = String(rest.dropFirst(9).drop { $0.isWhitespace }.prefix { !$0.isWhitespace && $0 != ">" && $0 != "[" })
                guard let end = endOfDoctype(rest) else { return (rest, doctype) }
                rest = rest[end...]
            } else {
                return (rest, doctype)
            }
        }
    }

    /// The index after the `>` that closes the doctype at the start of `text` (quotes and an
    /// internal subset's brackets skipped); nil when it does not close within `text`.
    private static func endOfDoctype(_ text: Substring) -> Substring.Index? {
        var brackets = 0
        var quote: Character?
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            index = text.index(after: index)
            if let open = quote {
                if character == open { quote = nil }
                continue
            }
            switch character {
            case "\"", "'": quote = character
            case "[": brackets += 1
            case "]": brackets -= 1
            case ">" where brackets <= 0: return index
            default: break
            }
        }
        return nil
    }
}
