import Foundation
import Syndicate
import Yams

/// The YAML front matter of a Markdown file and the body after it.
///
/// Splitting is line-based: the file must open with a `---` line and the front matter ends at the
/// next `---` (or `...`) line. A file that does not open with `---` has no front matter.
struct FrontMatter {
    /// The fields in document order (keys as written).
    var fields: [(key: String, value: Node)]
    /// The Markdown after the closing delimiter (or the whole file when there is none).
    var body: String
    /// The 1-based line of the file on which `body` starts.
    var bodyLine: Int

    /// Splits `text` into front matter and body, parsing the YAML.
    ///
    /// - Throws: ``ImportError`` `.malformed` for unterminated front matter, TOML front matter,
    ///   invalid YAML (naming the file's line and column) or front matter that is not a mapping.
    static func split(_ text: String, context: ImportContext) throws(ImportError) -> FrontMatter {
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        guard let first = lines.first else { return FrontMatter(fields: [], body: text, bodyLine: 1) }
        let opening = first.trimmingCharacters(in: .whitespaces)
        if opening == "+++" {
            throw ImportError(
                .malformed, input: context.inputName, format: .markdown, location: "line 1",
                message:
                    "the front matter is TOML (+++); Syndicate reads YAML front matter, so convert it to YAML between --- lines."
            )
        }
        guard opening == "---" else { return FrontMatter(fields: [], body: lines.joined(separator: "\n"), bodyLine: 1) }
        guard
            let closing = lines.indices.dropFirst().first(where: { index in
                let line = lines[index].trimmingCharacters(in: .whitespaces)
                return line == "---" || line == "..."
            })
        else {
            throw ImportError(
                .malformed, input: context.inputName, format: .markdown, location: "line 1",
                message: "the front matter opened on line 1 is never closed; add a line with --- after the last field.")
        }
        let yaml = lines[1..<closing].joined(separator: "\n")
        let body = lines[(closing + 1)...].joined(separator: "\n")
        let fields = try parse(yaml, context: context)
        return FrontMatter(fields: fields, body: body, bodyLine: closing + 2)
    }

    /// Parses the YAML between the delimiters (which starts on line 2 of the file).
    static func parse(_ yaml: String, context: ImportContext) throws(ImportError) -> [(key: String, value: Node)] {
        guard !yaml.allSatisfy(\.isWhitespace) else { return [] }
        let root: Node?
        do {
            // The basic resolver tags every plain scalar as a string: the importer reads each
            // field's text itself, and Yams' default resolver would compile seven regular
            // expressions (a large share of a one-post CLI run) to tell ints and bools apart.
            root = try Yams.compose(yaml: yaml, .basic)
        } catch let error as YamlError {
            throw yamlError(error, context: context)
        } catch {
            throw ImportError(
                .malformed, input: context.inputName, format: .markdown,
                message: "the front matter is not valid YAML (\(error)); fix it or remove it.")
        }
        guard let root else { return [] }
        guard let mapping = root.mapping else {
            throw ImportError(
                .malformed, input: context.inputName, format: .markdown, location: "line 2",
                message: "the front matter is not a list of key: value fields; write it as 'title: …' lines.")
        }
        return mapping.compactMap { key, value in key.string.map { (key: $0.lowercased(), value: value) } }
    }

    /// A Yams error as an ``ImportError`` whose location is the line in the file.
    static func yamlError(_ error: YamlError, context: ImportContext) -> ImportError {
        func located(_ problem: String, _ mark: Mark, _ yamlContext: YamlError.Context?) -> ImportError {
            // libyaml reports where it noticed the problem; the context says where the construct
            // it was reading began ("while parsing a flow sequence" on the line with the open '[').
            let started = yamlContext.map { " (\($0.text) that starts on line \($0.mark.line + 1))" } ?? ""
            return ImportError(
                .malformed, input: context.inputName, format: .markdown,
                location: "line \(mark.line + 1), column \(mark.column)",
                message:
                    "the front matter is not valid YAML: \(problem)\(started); fix it (quote values that contain ': ' or start with a special character)."
            )
        }
        switch error {
        case .scanner(let yamlContext, let problem, let mark, _), .parser(let yamlContext, let problem, let mark, _),
            .composer(let yamlContext, let problem, let mark, _):
            return located(problem, mark, yamlContext)
        case .duplicatedKeysInMapping(let duplicates, let yamlContext):
            return ImportError(
                .malformed, input: context.inputName, format: .markdown,
                location: "line \(yamlContext.mark.line + 1)",
                message: "the front matter repeats the key(s) \(duplicates.joined(separator: ", ")); keep one of each.")
        default:
            return ImportError(
                .malformed, input: context.inputName, format: .markdown,
                message: "the front matter is not valid YAML (\(error)); fix it or remove it.")
        }
    }

    /// The first field named any of `keys` (lower-cased), in the order of `keys`.
    func value(_ keys: String...) -> Node? {
        for key in keys {
            if let field = fields.first(where: { $0.key == key }) { return field.value }
        }
        return nil
    }
}
