import Foundation
import Syndicate

/// One request as the loopback server received it, byte for byte.
///
/// Header names keep the case and order they had on the wire, so a test can check that a
/// transport sent exactly what it was given.
public struct LoopbackRequest: Sendable, Equatable {
    /// The method, such as `POST`.
    public var method: String
    /// The path, still percent-encoded as sent (`/bot123:abc/sendMessage`).
    public var path: String
    /// The query without its `?`, or nil when the target had none.
    public var query: String?
    /// The header fields in the order received.
    public var headers: HTTPHeaders
    /// The body (empty when there was none).
    public var body: Data
    /// The route the request matched, or nil for a path no emulated API has.
    public var route: LoopbackRoute?

    /// Creates a request.
    public init(method: String, path: String, query: String? = nil, headers: HTTPHeaders = [:], body: Data = Data(), route: LoopbackRoute? = nil) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
        self.route = route
    }

    /// The query's fields, percent-decoded, in order.
    public var queryItems: [(name: String, value: String)] {
        Self.formFields(query ?? "")
    }

    /// The body as UTF-8 text (invalid bytes replaced).
    public var text: String { String(decoding: body, as: UTF8.self) }

    /// The body as a JSON object, when it is one.
    public var jsonObject: [String: Any]? {
        (try? JSONSerialization.jsonObject(with: body)) as? [String: Any]
    }

    /// The body's fields when it is `application/x-www-form-urlencoded`, in order.
    public var formFields: [(name: String, value: String)] {
        guard headers["Content-Type"]?.lowercased().hasPrefix("application/x-www-form-urlencoded") == true else { return [] }
        return Self.formFields(text)
    }

    /// The parts of a `multipart/form-data` body, in order; empty for any other body.
    public var multipartParts: [MultipartForm.Part] {
        guard let boundary = MultipartForm.boundary(inContentType: headers["Content-Type"]) else { return [] }
        return MultipartForm.parse(body, boundary: boundary) ?? []
    }

    /// The text fields of a `multipart/form-data` body (parts without a file name), in order.
    public var multipartFields: [(name: String, value: String)] {
        multipartParts.filter { $0.fileName == nil }.map { ($0.name, String(decoding: $0.data, as: UTF8.self)) }
    }

    /// A parameter by name from the query, the form body or the JSON body's top level (in that
    /// order), as text: how Graph-style APIs read `access_token` or `message` wherever it is.
    public func parameter(_ name: String) -> String? {
        parameters([name])[name]
    }

    /// The parameters of ``parameter(_:)`` for several names, reading the query and body once.
    public func parameters(_ names: [String]) -> [String: String] {
        var found: [String: String] = [:]
        var missing = Set(names)
        for (name, value) in queryItems + formFields + multipartFields where missing.contains(name) {
            found[name] = value
            missing.remove(name)
        }
        guard !missing.isEmpty, let object = jsonObject else { return found }
        for name in missing {
            switch object[name] {
            case let text as String: found[name] = text
            case let number as NSNumber: found[name] = number.stringValue
            case nil: break
            case let other?: found[name] = "\(other)"
            }
        }
        return found
    }

    /// The token of an `Authorization: Bearer …` header.
    public var bearerToken: String? {
        guard let value = headers["Authorization"], value.lowercased().hasPrefix("bearer ") else { return nil }
        let token = value.dropFirst("bearer ".count).trimmingCharacters(in: .whitespaces)
        return token.isEmpty ? nil : token
    }

    static func formFields(_ text: String) -> [(name: String, value: String)] {
        text.split(separator: "&", omittingEmptySubsequences: true).map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ part: Substring) -> String {
                let spaced = part.replacingOccurrences(of: "+", with: " ")
                return spaced.removingPercentEncoding ?? spaced
            }
            return (decode(parts[0]), parts.count > 1 ? decode(parts[1]) : "")
        }
    }
}
