import Foundation

/// One HTTP request as a network client builds it and a transport sends it.
///
/// A request is a plain value: dry-run output, golden files and the loopback tests compare
/// them field by field. ``timeout`` bounds the whole exchange.
public struct HTTPRequest: Sendable, Equatable, Hashable {
    /// An HTTP method.
    public struct Method: RawRepresentable, Sendable, Equatable, Hashable, Codable, CustomStringConvertible {
        /// The method's name, such as `POST`.
        public var rawValue: String
        /// Creates a method from its name.
        public init(rawValue: String) { self.rawValue = rawValue }
        /// `GET`.
        public static let get = Method(rawValue: "GET")
        /// `POST`.
        public static let post = Method(rawValue: "POST")
        /// `PUT`.
        public static let put = Method(rawValue: "PUT")
        /// `DELETE`.
        public static let delete = Method(rawValue: "DELETE")
        /// `PATCH`.
        public static let patch = Method(rawValue: "PATCH")
        /// ``rawValue``.
        public var description: String { rawValue }
    }

    /// The method.
    public var method: Method
    /// The absolute URL, query included.
    public var url: URL
    /// The header fields, in order.
    public var headers: HTTPHeaders
    /// The body; nil for none.
    public var body: Data?
    /// How long the whole exchange may take before the transport gives up with
    /// ``HTTPTransportError/Kind-swift.struct/timedOut``.
    public var timeout: Duration

    /// The timeout used when none is given: 30 seconds.
    public static let defaultTimeout: Duration = .seconds(30)

    /// Creates a request.
    public init(
        method: Method, url: URL, headers: HTTPHeaders = [:], body: Data? = nil,
        timeout: Duration = HTTPRequest.defaultTimeout
    ) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.timeout = timeout
    }

    /// A JSON `POST` of `value`, encoded with sorted keys (stable bytes for goldens and
    /// signatures), with `Content-Type: application/json` and `Accept: application/json`.
    public static func json(
        _ method: Method = .post, url: URL, headers: HTTPHeaders = [:], body value: some Encodable,
        timeout: Duration = HTTPRequest.defaultTimeout
    ) throws -> HTTPRequest {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var headers = headers
        headers["Content-Type"] = "application/json"
        if headers["Accept"] == nil { headers["Accept"] = "application/json" }
        return HTTPRequest(method: method, url: url, headers: headers, body: try encoder.encode(value), timeout: timeout)
    }

    /// A `POST` of `fields` as `application/x-www-form-urlencoded`, in the order given.
    public static func form(
        url: URL, headers: HTTPHeaders = [:], fields: [(name: String, value: String)], timeout: Duration = HTTPRequest.defaultTimeout
    ) -> HTTPRequest {
        var headers = headers
        headers["Content-Type"] = "application/x-www-form-urlencoded"
        if headers["Accept"] == nil { headers["Accept"] = "application/json" }
        let body = PercentEncoding.query(fields)
        return HTTPRequest(method: .post, url: url, headers: headers, body: Data(body.utf8), timeout: timeout)
    }
}
