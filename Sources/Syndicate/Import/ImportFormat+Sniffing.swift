import Foundation

extension ImportFormat {
    /// Guesses the format of an input from its file name and its first bytes.
    ///
    /// The extension decides when it is specific (`.md`, `.html`, `.rss`, `.atom`, `.txt`);
    /// otherwise the content does: front matter (`---`) means Markdown, an `<rss>`/`<rdf:RDF>` or
    /// `<feed>` root a feed, `<html>` or a doctype a page, a JSON object with a jsonfeed.org
    /// `version` a JSON Feed, other JSON the ``Post`` form, and anything else plain text.
    ///
    /// - Parameters:
    ///   - data: The input, or at least its first few kilobytes.
    ///   - fileName: The file's name or URL path, if there is one.
    /// - Returns: The most likely format; never nil, plain text being the fallback.
    public static func sniff(_ data: Data, fileName: String? = nil) -> ImportFormat {
        if let fileName, let byName = fromExtension(of: fileName) { return byName }
        let head = String(decoding: data.prefix(4096), as: UTF8.self)
        let trimmed = head.drop { $0.isWhitespace || $0 == "\u{FEFF}" }
        let lower = trimmed.prefix(2048).lowercased()
        if trimmed.hasPrefix("---") || trimmed.hasPrefix("+++") { return .markdown }
        if trimmed.hasPrefix("{") || trimmed.hasPrefix("[") {
            return lower.contains("jsonfeed.org/version") ? .jsonfeed : .json
        }
        if trimmed.hasPrefix("<") {
            let withoutProlog = skippingXMLProlog(lower)
            if withoutProlog.hasPrefix("<rss") || withoutProlog.hasPrefix("<rdf:rdf") { return .rss }
            if withoutProlog.hasPrefix("<feed") { return .atom }
            return .html
        }
        return .text
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

    /// Drops `<?xml …?>`, comments, processing instructions and doctypes before the root element.
    private static func skippingXMLProlog(_ text: String) -> Substring {
        var rest = Substring(text)
        while true {
            rest = rest.drop { $0.isWhitespace }
            if rest.hasPrefix("<?"), let end = rest.range(of: "?>") {
                rest = rest[end.upperBound...]
            } else if rest.hasPrefix("<!--"), let end = rest.range(of: "-->") {
                rest = rest[end.upperBound...]
            } else if rest.hasPrefix("<!doctype"), !rest.hasPrefix("<!doctype html"), let end = rest.range(of: ">") {
                rest = rest[end.upperBound...]
            } else {
                return rest
            }
        }
    }
}
