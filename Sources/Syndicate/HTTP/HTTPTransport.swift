import Foundation

/// Sends one HTTP request and returns its response: the seam every network client sends through.
///
/// Syndicate ships ``DryRunTransport`` (sends nothing, records everything) here, and the real
/// transports in products of their own, so that importing `Syndicate` loads no network stack:
/// `URLSessionTransport` (`SyndicateURLSession`: Foundation's URLSession, the usual choice on
/// Apple platforms), `CurlTransport` (`SyndicateCurl`: libcurl, loaded on first use, the usual
/// choice on Linux) and `AsyncHTTPClientTransport` (`SyndicateAsyncHTTPClient`, behind a package
/// trait). Implement your own to add a proxy, a cache or your company's HTTP stack:
///
/// ```swift
/// struct LoggingTransport: HTTPTransport {
///     var wrapped: any HTTPTransport
///     func send(_ request: HTTPRequest) async throws -> HTTPResponse {
///         print(request.method, request.url.host ?? "")   // never the headers: they hold secrets
///         return try await wrapped.send(request)
///     }
/// }
/// ```
///
/// The contract a conformer must meet (the loopback contract tests check it for the shipped
/// transports):
/// - every status is a response, not an error: a 401 or a 500 returns normally;
/// - the request's ``HTTPRequest/timeout`` bounds the whole exchange and ends it with
///   ``HTTPTransportError`` `.timedOut`;
/// - failures throw ``HTTPTransportError``, saying whether the request may have reached the
///   server (`.connectionFailed`: certainly not; `.connectionLost`, `.timedOut`: perhaps), because
///   that decides whether a retry is safe;
/// - headers and body are sent exactly as given, in order; the transport adds none that change
///   their meaning (a `User-Agent` or `Content-Length` is fine).
public protocol HTTPTransport: Sendable {
    /// Sends `request` and returns the response, whatever its status.
    ///
    /// - Throws: ``HTTPTransportError`` when no response arrives (other errors are treated as
    ///   ``HTTPTransportError/Kind-swift.struct/connectionLost``).
    func send(_ request: HTTPRequest) async throws -> HTTPResponse
}
