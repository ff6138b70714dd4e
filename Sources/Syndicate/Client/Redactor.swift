import Foundation

/// Replaces every secret in requests, log lines and error text with `REDACTED`.
///
/// Three layers, so that a secret is hidden even when a client forgets to declare it:
/// - the value of `Authorization`, `Proxy-Authorization` and `Cookie` headers (the scheme word,
///   such as `Bearer` or `OAuth`, is kept: it tells the reader which auth was used);
/// - query, form and JSON fields whose *name* is secret (`access_token`, `appsecret_proof`,
///   `password`, `oauth_signature`, `accessJwt`, …);
/// - every occurrence of a declared secret (raw and percent-encoded); a secret that is a URL
///   (a webhook) keeps its scheme, host and port, so the reader sees where it goes:
///   `https://discord.com/REDACTED`, `http://127.0.0.1:8123/REDACTED`.
public struct Redactor: Sendable {
    /// The text that replaces a secret.
    public static let placeholder = "REDACTED"

    /// Field names whose values are always secret, compared without case.
    public static let secretFieldNames: Set<String> = [
        "access_token", "appsecret_proof", "password", "oauth_signature", "oauth_token", "accessjwt", "refreshjwt",
        "refresh_token", "client_secret", "token", "bot_token", "api_key", "secret", "apikey", "app_password",
    ]

    /// Headers whose values are always secret.
    public static let secretHeaders: Set<String> = ["authorization", "proxy-authorization", "cookie", "set-cookie"]

    /// The declared secrets, longest first.
    public let secrets: [String]

    /// Creates a redactor for `secrets` (empty strings and very short values are ignored: a
    /// one-character "secret" would blank out the whole text).
    public init(secrets: [String]) {
        self.secrets = Array(Set(secrets.filter { $0.count >= 4 })).sorted { $0.count > $1.count }
    }

    /// `text` with every declared secret replaced.
    public func redact(_ text: String) -> String {
        var text = text
        for secret in secrets {
            let replacement = Self.replacement(for: secret)
            text = text.replacingOccurrences(of: secret, with: replacement)
            let encoded = PercentEncoding.encode(secret)
            if encoded != secret { text = text.replacingOccurrences(of: encoded, with: replacement) }
            if let formEncoded = secret.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed),
                formEncoded != secret, formEncoded != encoded
            {
                text = text.replacingOccurrences(of: formEncoded, with: replacement)
            }
        }
        return text
    }

    /// What replaces `secret`: `scheme://host[:port]/REDACTED` for a URL (its path, query and
    /// any user info are the secret), else `REDACTED`.
    static func replacement(for secret: String) -> String {
        guard secret.contains("://"), let url = URLComponents(string: secret), let scheme = url.scheme,
            let host = url.percentEncodedHost, !host.isEmpty
        else { return placeholder }
        let authority = url.port.map { "\(host):\($0)" } ?? host
        return "\(scheme)://\(authority)/\(placeholder)"
    }

    /// `request` as it may be shown: URL, headers and body redacted.
    public func redact(_ request: HTTPRequest) -> RedactedRequest {
        var headers: [RedactedRequest.Header] = []
        for field in request.headers {
            let value: String
            if Self.secretHeaders.contains(field.name.lowercased()) {
                let scheme = field.value.split(separator: " ", maxSplits: 1).first.map(String.init)
                value = scheme.map { $0 != field.value ? "\($0) \(Self.placeholder)" : Self.placeholder } ?? Self.placeholder
            } else {
                value = redact(field.value)
            }
            headers.append(.init(name: field.name, value: value))
        }
        return RedactedRequest(
            method: request.method.rawValue, url: redact(url: request.url), headers: headers,
            body: request.body.map { redact(body: $0, contentType: request.headers["Content-Type"]) })
    }

    /// `url` with secret query fields and declared secrets replaced.
    public func redact(url: URL) -> String {
        guard var components = URLComponents(url: url, resolvingAgainstBaseURL: false) else { return redact(url.absoluteString) }
        if components.percentEncodedPassword != nil { components.percentEncodedPassword = Self.placeholder }
        if let query = components.percentEncodedQuery {
            components.percentEncodedQuery = redactForm(query)
        }
        return redact(components.string ?? url.absoluteString)
    }

    /// A body as text with secret fields and declared secrets replaced; binary bodies are
    /// summarised by their size.
    public func redact(body: Data, contentType: String?) -> String {
        let type = contentType?.lowercased() ?? ""
        if type.hasPrefix("image/") || type.hasPrefix("application/octet-stream") || type.hasPrefix("video/") {
            return binarySummary(body, contentType: contentType)
        }
        if let boundary = MultipartForm.boundary(inContentType: contentType), let parts = MultipartForm.parse(body, boundary: boundary) {
            return parts.map { part in
                let value: String
                if part.fileName != nil || !(part.contentType ?? "text/plain").lowercased().hasPrefix("text/") {
                    value = binarySummary(part.data, contentType: part.contentType)
                } else {
                    value = Self.secretFieldNames.contains(part.name.lowercased())
                        ? Self.placeholder : redact(String(decoding: part.data, as: UTF8.self))
                }
                let file = part.fileName.map { "; filename=\"\($0)\"" } ?? ""
                return "--\(part.name)\(file): \(value)"
            }.joined(separator: "\n")
        }
        guard let text = String(data: body, encoding: .utf8) else { return "<\(body.count) bytes>" }
        if type.contains("x-www-form-urlencoded") { return redact(redactForm(text)) }
        if type.contains("json"), let object = try? JSONSerialization.jsonObject(with: body, options: [.fragmentsAllowed]) {
            let cleaned = Self.redactJSON(object)
            if let data = try? JSONSerialization.data(
                withJSONObject: cleaned, options: [.sortedKeys, .withoutEscapingSlashes, .fragmentsAllowed])
            {
                return redact(String(decoding: data, as: UTF8.self))
            }
        }
        return redact(text)
    }

    /// Binary bytes as a dry run shows them: an image as
    /// `<image/jpeg 182,344 bytes, 1200×630, sha256 9f86d081884c7d65…>`, a dry run's note for an
    /// image it did not fetch as itself, anything else by its size and type.
    func binarySummary(_ data: Data, contentType: String?) -> String {
        if let header = ImageHeader(data) { return PreparedImage.summary(of: data, format: header.format) }
        if data.count < 512, data.first == UInt8(ascii: "<"), data.last == UInt8(ascii: ">"),
            let note = String(data: data, encoding: .utf8)
        {
            return redact(note)
        }
        return "<\(data.count) bytes of \(contentType ?? "binary data")>"
    }

    /// A `name=value&…` string with the values of secret names replaced (encoding kept).
    func redactForm(_ form: String) -> String {
        form.split(separator: "&", omittingEmptySubsequences: false).map { pair -> String in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = (parts[0].removingPercentEncoding ?? String(parts[0])).lowercased()
            guard parts.count == 2, Self.secretFieldNames.contains(name) else { return String(pair) }
            return "\(parts[0])=\(Self.placeholder)"
        }.joined(separator: "&")
    }

    /// A JSON value with the values of secret keys replaced, recursively.
    static func redactJSON(_ value: Any) -> Any {
        if let object = value as? [String: Any] {
            var result: [String: Any] = [:]
            for (key, item) in object {
                result[key] = secretFieldNames.contains(key.lowercased()) ? placeholder : redactJSON(item)
            }
            return result
        }
        if let array = value as? [Any] { return array.map(redactJSON) }
        return value
    }
}

/// A request as dry-run output, logs and goldens show it: every secret replaced.
public struct RedactedRequest: Sendable, Equatable, Encodable {
    /// One header field.
    public struct Header: Sendable, Equatable, Encodable {
        /// The field name.
        public var name: String
        /// The value, redacted.
        public var value: String
    }

    /// `GET`, `POST`…
    public var method: String
    /// The URL, redacted.
    public var url: String
    /// The headers in order, redacted.
    public var headers: [Header]
    /// The body as text, redacted; nil when there is none.
    public var body: String?

    private enum CodingKeys: String, CodingKey { case method, url, headers, body }

    /// Encodes as `{"method","url","headers":{name: value},"body"}`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(method, forKey: .method)
        try container.encode(url, forKey: .url)
        var fields: [String: String] = [:]
        for header in headers {
            fields[header.name] = fields[header.name].map { "\($0), \(header.value)" } ?? header.value
        }
        try container.encode(fields, forKey: .headers)
        try container.encode(body, forKey: .body)
    }

    /// `POST https://… ` then the headers, a blank line and the body: as an HTTP message reads.
    public var text: String {
        var lines = ["\(method) \(url)"]
        for header in headers { lines.append("\(header.name): \(header.value)") }
        if let body { lines.append(""); lines.append(body) }
        return lines.joined(separator: "\n")
    }
}
