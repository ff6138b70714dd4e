import Foundation

/// Imports posts in the ``Post`` model's own JSON form: one object or an array of them, as
/// `syndicate inspect --json` prints.
///
/// ```swift
/// let json = Data(#"{"id": "1", "title": "School leaders can join Ofsted"}"#.utf8)
/// let posts = try JSONPostImporter().posts(from: json, context: ImportContext(inputName: "post.json"))
/// ```
///
/// The posts are taken as they are: the JSON form is already clean, so no boilerplate rules run.
/// Errors name the input and the coding path of the bad value, such as
/// `posts[2].title: missing; every post needs a title.`; syntax errors name the line and column.
public struct JSONPostImporter: PostImporter {
    /// Always ``ImportFormat/json``.
    public let format = ImportFormat.json

    /// Creates the importer.
    public init() {}

    /// Imports every post in `data`, in order.
    ///
    /// - Parameters:
    ///   - data: A JSON object in the ``Post`` form, or an array of them.
    ///   - context: The input's name and limits.
    /// - Returns: The posts, at least one.
    /// - Throws: ``ImportError`` of kind `.empty`, `.notText` or `.tooLarge` from decoding;
    ///   `.malformed` for invalid JSON or a value of the wrong type; `.noContent` for an empty
    ///   array; `.missingField` for a post without an id or title.
    public func posts(from data: Data, context: ImportContext) throws(ImportError) -> [Post] {
        let decoded = try InputText.decode(data, format: format, context: context)
        let text = decoded.hasPrefix("\u{FEFF}") ? String(decoded.dropFirst()) : decoded
        let trimmed = text.drop { $0.isWhitespace }
        let isArray = trimmed.first == "["
        guard isArray || trimmed.first == "{" else {
            throw ImportError(
                .malformed, input: context.inputName, format: format,
                location: JSONSyntax.location(of: trimmed.startIndex, in: text),
                message: "the input is not a JSON object or array; give one post object or an array of posts.")
        }
        let bytes = Array(text.utf8)
        let scan = JSONSyntax.scan(bytes, maxDepth: context.limits.maxDepth)
        if let syntaxError = scan.failure {
            throw ImportError(
                .malformed, input: context.inputName, format: format, location: syntaxError.location,
                message: "the JSON is invalid: \(syntaxError.message); fix the syntax there.")
        }
        let json = Data(bytes)
        let posts: [Post]
        do {
            posts =
                isArray
                ? try JSONDecoder().decode([Post].self, from: json) : [try JSONDecoder().decode(Post.self, from: json)]
        } catch let error as DecodingError {
            throw importError(for: error, isArray: isArray, context: context) { index in
                index < scan.elementOffsets.count
                    ? JSONSyntax.lineLocation(ofByte: scan.elementOffsets[index], in: bytes) : nil
            }
        } catch {
            throw ImportError(
                .malformed, input: context.inputName, format: format,
                message:
                    "the JSON could not be read (\(error.localizedDescription)); check that it is a post or an array of posts."
            )
        }
        guard !posts.isEmpty else {
            throw ImportError(
                .noContent, input: context.inputName, format: format,
                message: "the array holds no posts; add at least one post object.")
        }
        for (index, post) in posts.enumerated() where Whitespace.collapse(post.title).isEmpty {
            let path = isArray ? "posts[\(index)].title" : "post.title"
            let line = isArray && index < scan.elementOffsets.count ? scan.elementOffsets[index] : nil
            throw ImportError(
                .missingField, input: context.inputName, format: format,
                location: line.map { JSONSyntax.lineLocation(ofByte: $0, in: bytes) },
                message: "\(path): empty; every post needs a title.")
        }
        var checked: [Post] = []
        checked.reserveCapacity(posts.count)
        for (index, post) in posts.enumerated() {
            checked.append(try FieldLengthLimit.checked(
                post, context: context, format: format, location: isArray ? "posts[\(index)]" : nil))
        }
        return checked
    }

    /// Turns a `DecodingError` into an error that names the coding path and what to do, located
    /// at the line where the failing post starts (`postLine` maps an array index to it).
    func importError(
        for error: DecodingError, isArray: Bool, context: ImportContext, postLine: (Int) -> String?
    ) -> ImportError {
        func path(_ codingPath: [any CodingKey], _ last: (any CodingKey)? = nil) -> String {
            var result = isArray ? "posts" : "post"
            var keys = codingPath
            if let last { keys.append(last) }
            for key in keys {
                if let index = key.intValue { result += "[\(index)]" } else { result += "." + key.stringValue }
            }
            return result
        }
        func fail(_ kind: ImportError.Kind, _ path: String, _ problem: String) -> ImportError {
            let index = isArray ? Self.codingPath(of: error).first?.intValue : nil
            return ImportError(
                kind, input: context.inputName, format: format, location: index.flatMap(postLine),
                message: "\(path): \(problem)")
        }
        switch error {
        case .keyNotFound(let key, let errorContext):
            let where_ = path(errorContext.codingPath, key)
            switch key.stringValue {
            case "title": return fail(.missingField, where_, "missing; every post needs a title.")
            case "id":
                return fail(
                    .missingField, where_, "missing; every post needs an id (a URL, guid or any unique string).")
            default: return fail(.missingField, where_, "missing; add the \(key.stringValue) field.")
            }
        case .valueNotFound(let type, let errorContext):
            let where_ = path(errorContext.codingPath)
            let field = errorContext.codingPath.last?.stringValue ?? "value"
            if field == "title" || field == "id" {
                return fail(.missingField, where_, "null; every post needs \(field == "id" ? "an id" : "a title").")
            }
            return fail(
                .malformed, where_, "null where \(Self.describe(type)) is expected; give a value or remove the key.")
        case .typeMismatch(let type, let errorContext):
            return fail(
                .malformed, path(errorContext.codingPath),
                "expected \(Self.describe(type)); \(errorContext.debugDescription.lowercasedFirst) Fix the value's type."
            )
        case .dataCorrupted(let errorContext):
            let where_ = path(errorContext.codingPath)
            return fail(.malformed, where_, "\(errorContext.debugDescription) Fix the value.")
        @unknown default:
            return ImportError(
                .malformed, input: context.inputName, format: format,
                message:
                    "the JSON could not be decoded as posts (\(error)); check it against the JSON that encoding a Post writes."
            )
        }
    }

    static func codingPath(of error: DecodingError) -> [any CodingKey] {
        switch error {
        case .keyNotFound(_, let context), .valueNotFound(_, let context), .typeMismatch(_, let context),
            .dataCorrupted(let context):
            return context.codingPath
        @unknown default:
            return []
        }
    }

    static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is [String].Type: "an array of strings"
        case is Int.Type, is Double.Type: "a number"
        case is Bool.Type: "true or false"
        case is URL.Type: "a URL string"
        default:
            String(describing: type).hasPrefix("Array") ? "an array" : "an object (\(String(describing: type)))"
        }
    }
}

extension String {
    /// The string with its first letter lower-cased ("Expected …" → "expected …").
    fileprivate var lowercasedFirst: String {
        guard let first else { return self }
        return first.lowercased() + dropFirst()
    }
}
