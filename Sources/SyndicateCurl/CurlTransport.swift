import CSyndicateCurl
import Foundation
import Syndicate

/// An `HTTPTransport` straight over libcurl, loaded on first use.
///
/// ```swift
/// let environment = DeliveryEnvironment(transport: CurlTransport())
/// ```
///
/// libcurl is opened with `dlopen` when the first request is sent, not linked: a program that
/// imports Syndicate and never sends (a dry run, `syndicate preview`) does not make the dynamic
/// loader map libcurl and the thirty-odd libraries it needs (TLS, Kerberos, LDAP, RTMP…), which
/// on Linux is most of a short command's start-up. It is the `syndicate` command's transport on
/// Linux. Where libcurl is missing, ``send(_:)`` throws `.connectionFailed` saying how to install it.
///
/// Compared with `URLSessionTransport` (which on Linux is libcurl too, under FoundationNetworking):
/// header fields go out in the order given and come back in the order received, and every
/// request has a fresh connection, so a request is never re-sent by libcurl after a pooled
/// connection turned out dead, and a dropped connection is reported at once as `.connectionLost`
/// rather than at the timeout. The cost is a new TCP (and TLS) handshake per request, which a
/// cross-poster sending a few requests per network does not notice.
///
/// Each exchange runs on a thread of its own (libcurl's easy interface blocks), never on Swift's
/// cooperative pool. The request's `HTTPRequest.timeout` bounds the whole exchange; cancelling
/// the task stops it within libcurl's progress interval (well under a second).
public struct CurlTransport: HTTPTransport {
    /// How the transport is set up.
    public struct Configuration: Sendable {
        /// The `User-Agent` sent unless a request sets its own.
        public var userAgent: String
        /// The largest response body accepted; a longer one ends the exchange with `.connectionLost`.
        public var maximumResponseBodySize: Int

        /// Creates a configuration.
        public init(
            userAgent: String = "Syndicate/0.1 (+https://github.com/syndicate-swift/syndicate)",
            maximumResponseBodySize: Int = 16 * 1024 * 1024
        ) {
            self.userAgent = userAgent
            self.maximumResponseBodySize = maximumResponseBodySize
        }
    }

    /// The configuration.
    public let configuration: Configuration

    /// Creates a transport. Nothing is loaded until the first request.
    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
    }

    /// Whether libcurl can be loaded on this machine; when not, the reason and what to install.
    public static func availability() -> Result<Void, HTTPTransportError> {
        var message = [CChar](repeating: 0, count: 320)
        if syndicate_curl_load(&message, message.count) == 1 { return .success(()) }
        let reason = message.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        return .failure(HTTPTransportError(.connectionFailed, reason))
    }

    /// Sends `request` through libcurl.
    ///
    /// - Throws: `HTTPTransportError`.
    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        if Task.isCancelled { throw HTTPTransportError(.cancelled, "cancelled") }
        let exchange = CurlExchange(
            request: request,
            userAgent: request.headers["User-Agent"] == nil ? configuration.userAgent : nil,
            maximumBodySize: configuration.maximumResponseBodySize)
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<HTTPResponse, any Error>) in
                let thread = Thread {
                    continuation.resume(with: exchange.run())
                }
                thread.name = "syndicate-curl"
                thread.start()
            }
        } onCancel: {
            exchange.cancel()
        }
    }
}
