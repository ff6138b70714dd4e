import Foundation

/// One HTTP response as a transport returns it.
public struct HTTPResponse: Sendable, Equatable, Hashable {
    /// The status code, such as 200 or 429.
    public var status: Int
    /// The header fields, in order.
    public var headers: HTTPHeaders
    /// The body (empty when there is none).
    public var body: Data

    /// Creates a response.
    public init(status: Int, headers: HTTPHeaders = [:], body: Data = Data()) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A response with `value` encoded as JSON (sorted keys) and `Content-Type: application/json`.
    public static func json(status: Int = 200, headers: HTTPHeaders = [:], _ value: some Encodable) -> HTTPResponse {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var headers = headers
        headers["Content-Type"] = "application/json"
        return HTTPResponse(status: status, headers: headers, body: (try? encoder.encode(value)) ?? Data())
    }

    /// Whether the status is 2xx.
    public var isSuccess: Bool { (200..<300).contains(status) }

    /// The body as UTF-8 text (invalid bytes replaced).
    public var text: String { String(decoding: body, as: UTF8.self) }
}
