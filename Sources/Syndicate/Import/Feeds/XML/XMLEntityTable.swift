import Foundation

/// The general entities a document declares in its internal DTD subset
/// (`<!DOCTYPE rss [ <!ENTITY copy "© Example"> ]>`), expanded where the text references them.
///
/// Expansion is bounded so that an entity bomb ("billion laughs") cannot run away: entities
/// nest at most ``maxDepth`` deep, one text expands at most ``maxReferences`` references, and
/// its expansion may not exceed the tokenizer's largest token. Parameter entities (`%name;`) and
/// external entities (`SYSTEM`, `PUBLIC`) are ignored: nothing is fetched.
struct XMLEntityTable {
    /// The deepest nesting of entities within entities.
    static let maxDepth = 8
    /// The most entity references expanded in one text run or attribute value.
    static let maxReferences = 10_000

    private var values: [String: String] = [:]

    /// True when the document declared no entity.
    var isEmpty: Bool { values.isEmpty }

    /// Why an expansion stopped.
    enum Failure: Error {
        /// The expansion went past a bound; the message names the entity.
        case tooLarge(String)
    }

    /// Reads the `<!ENTITY name "value">` declarations of a doctype's text; the first
    /// declaration of a name wins, as XML says.
    mutating func declare(from doctype: [UInt8]) {
        let text = String(decoding: doctype, as: UTF8.self)
        var rest = Substring(text)
        while let start = rest.range(of: "<!ENTITY") {
            rest = rest[start.upperBound...].drop(while: \.isWhitespace)
            guard rest.first != "%" else { continue }
            let name = rest.prefix { !$0.isWhitespace && $0 != "\"" && $0 != "'" && $0 != ">" }
            rest = rest[name.endIndex...].drop(while: \.isWhitespace)
            guard !name.isEmpty, let quote = rest.first, quote == "\"" || quote == "'" else { continue }
            let value = rest.dropFirst().prefix { $0 != quote }
            rest = rest[value.endIndex...]
            if values[String(name)] == nil { values[String(name)] = String(value) }
        }
    }

    /// `text` with the declared entities it references expanded (others left as written).
    ///
    /// - Throws: ``Failure`` when the expansion is nested too deep, references too many
    ///   entities or grows beyond `maxBytes`.
    func expand(_ text: String, maxBytes: Int) throws(Failure) -> String {
        var output = ""
        var references = 0
        try append(text, to: &output, depth: 0, references: &references, maxBytes: maxBytes)
        return output
    }

    private func append(
        _ text: String, to output: inout String, depth: Int, references: inout Int, maxBytes: Int
    ) throws(Failure) {
        var rest = Substring(text)
        while let ampersand = rest.firstIndex(of: "&") {
            output += rest[..<ampersand]
            let afterAmpersand = rest.index(after: ampersand)
            let name = rest[afterAmpersand...].prefix { $0 != ";" && $0 != "&" && !$0.isWhitespace && $0 != "<" }
            guard name.endIndex < rest.endIndex, rest[name.endIndex] == ";", let value = values[String(name)] else {
                output += "&"
                rest = rest[afterAmpersand...]
                continue
            }
            references += 1
            guard depth < Self.maxDepth, references <= Self.maxReferences else {
                throw .tooLarge(
                    "the entity &\(name); nests more than \(Self.maxDepth) deep or the text references more than \(Self.maxReferences) entities; the document looks like an entity bomb.")
            }
            try append(value, to: &output, depth: depth + 1, references: &references, maxBytes: maxBytes)
            rest = rest[rest.index(after: name.endIndex)...]
            guard output.utf8.count <= maxBytes else {
                throw .tooLarge(
                    "expanding the entity &\(name); makes a text over \(InputText.byteCount(maxBytes)); the document looks like an entity bomb.")
            }
        }
        output += rest
        guard output.utf8.count <= maxBytes else {
            throw .tooLarge("expanded entities make a text over \(InputText.byteCount(maxBytes)).")
        }
    }
}
