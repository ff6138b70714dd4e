import Crypto
import Foundation

/// A `multipart/form-data` body (RFC 7578): text fields and files, in order.
///
/// ```swift
/// var form = MultipartForm()
/// form.add("description", "Pupils reading in the library")
/// form.add("file", fileName: image.fileName, contentType: image.format.mimeType, data: image.data)
/// let request = form.request(url: uploadURL, headers: ["Authorization": "Bearer …"])
/// ```
///
/// The boundary is derived from the parts' contents, so the same form gives the same bytes
/// (dry runs and goldens stay stable) and no part can contain it by accident.
public struct MultipartForm: Sendable, Equatable {
    /// One part.
    public struct Part: Sendable, Equatable {
        /// The field name.
        public var name: String
        /// The file name, for a file part.
        public var fileName: String?
        /// The part's content type, for a file part.
        public var contentType: String?
        /// The part's bytes.
        public var data: Data
    }

    /// The parts in order.
    public private(set) var parts: [Part] = []

    /// Creates an empty form.
    public init() {}

    /// Adds a text field.
    public mutating func add(_ name: String, _ value: String) {
        parts.append(Part(name: name, fileName: nil, contentType: nil, data: Data(value.utf8)))
    }

    /// Adds a file.
    public mutating func add(_ name: String, fileName: String, contentType: String, data: Data) {
        parts.append(Part(name: name, fileName: fileName, contentType: contentType, data: data))
    }

    /// The boundary: `syndicate-` and 24 hex digits of a digest of the parts.
    public var boundary: String {
        var hasher = SHA256()
        for part in parts {
            hasher.update(data: Data(part.name.utf8))
            hasher.update(data: part.data.prefix(4096))
            hasher.update(data: Data(String(part.data.count).utf8))
        }
        let digest = hasher.finalize().prefix(8).map { String(format: "%02x", $0) }.joined()
        var candidate = "syndicate-" + digest + String(format: "%08x", parts.count)
        // A part that holds the boundary (astronomically unlikely) gets another one.
        while parts.contains(where: { $0.data.range(of: Data(candidate.utf8)) != nil }) { candidate += "x" }
        return candidate
    }

    /// The `Content-Type` header value: `multipart/form-data; boundary=…`.
    public var contentType: String { "multipart/form-data; boundary=\(boundary)" }

    /// The encoded body.
    public var body: Data { encoded(boundary: boundary) }

    /// The body with `boundary`, worked out once by the caller (finding one reads every part).
    private func encoded(boundary: String) -> Data {
        var data = Data()
        for part in parts {
            data.append(Data("--\(boundary)\r\n".utf8))
            var disposition = "Content-Disposition: form-data; name=\"\(Self.quoted(part.name))\""
            if let fileName = part.fileName { disposition += "; filename=\"\(Self.quoted(fileName))\"" }
            data.append(Data("\(disposition)\r\n".utf8))
            if let contentType = part.contentType { data.append(Data("Content-Type: \(contentType)\r\n".utf8)) }
            data.append(Data("\r\n".utf8))
            data.append(part.data)
            data.append(Data("\r\n".utf8))
        }
        data.append(Data("--\(boundary)--\r\n".utf8))
        return data
    }

    /// A request of `method` (POST by default) to `url` carrying the form.
    public func request(
        _ method: HTTPRequest.Method = .post, url: URL, headers: HTTPHeaders = [:], timeout: Duration = .seconds(120)
    ) -> HTTPRequest {
        let boundary = self.boundary
        var headers = headers
        headers["Content-Type"] = "multipart/form-data; boundary=\(boundary)"
        if headers["Accept"] == nil { headers["Accept"] = "application/json" }
        return HTTPRequest(method: method, url: url, headers: headers, body: encoded(boundary: boundary), timeout: timeout)
    }

    /// Reads a `multipart/form-data` body back into its parts (for dry-run summaries and the
    /// loopback server); nil when `body` is not one with `boundary`.
    public static func parse(_ body: Data, boundary: String) -> [Part]? {
        let delimiter = Data("--\(boundary)".utf8)
        var parts: [Part] = []
        var cursor = body.startIndex
        guard let first = body.range(of: delimiter, in: cursor..<body.endIndex) else { return nil }
        cursor = first.upperBound
        while true {
            // After a delimiter: "--" ends the body, else CRLF then headers.
            if body[cursor...].starts(with: Data("--".utf8)) { return parts }
            guard body[cursor...].starts(with: Data("\r\n".utf8)) else { return nil }
            cursor += 2
            guard let headerEnd = body.range(of: Data("\r\n\r\n".utf8), in: cursor..<body.endIndex) else { return nil }
            let headerText = String(decoding: body[cursor..<headerEnd.lowerBound], as: UTF8.self)
            let contentStart = headerEnd.upperBound
            guard let next = body.range(of: Data("\r\n".utf8) + delimiter, in: contentStart..<body.endIndex) else { return nil }
            var name = "", fileName: String?, contentType: String?
            for line in headerText.components(separatedBy: "\r\n") {
                let lower = line.lowercased()
                if lower.hasPrefix("content-disposition:") {
                    name = Self.parameter("name", in: line) ?? ""
                    fileName = Self.parameter("filename", in: line)
                } else if lower.hasPrefix("content-type:") {
                    contentType = line.dropFirst("content-type:".count).trimmingCharacters(in: .whitespaces)
                }
            }
            parts.append(Part(name: name, fileName: fileName, contentType: contentType, data: Data(body[contentStart..<next.lowerBound])))
            cursor = next.upperBound
            if parts.count > 1_000 { return nil }
        }
    }

    /// The boundary named in a `multipart/form-data` content type, if it is one.
    public static func boundary(inContentType contentType: String?) -> String? {
        guard let contentType, contentType.lowercased().hasPrefix("multipart/form-data") else { return nil }
        return parameter("boundary", in: contentType)
    }

    private static func parameter(_ name: String, in header: String) -> String? {
        // `;` inside a quoted string is part of the value (RFC 7578 §4.2 quotes names and file names).
        var pieces: [String] = [], current = "", quoted = false, escaped = false
        for character in header {
            if escaped { current.append(character); escaped = false; continue }
            if quoted, character == "\\" { current.append(character); escaped = true; continue }
            if character == "\"" { quoted.toggle() }
            if character == ";", !quoted { pieces.append(current); current = "" } else { current.append(character) }
        }
        pieces.append(current)
        for piece in pieces.dropFirst() {
            let pair = piece.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == name else { continue }
            var value = pair[1].trimmingCharacters(in: .whitespaces)
            guard value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 else { return value }
            value = String(value.dropFirst().dropLast())
            var unescaped = "", pending = false
            for character in value {
                if pending || character != "\\" { unescaped.append(character); pending = false } else { pending = true }
            }
            return unescaped
        }
        return nil
    }

    private static func quoted(_ value: String) -> String {
        value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " ")
    }
}
