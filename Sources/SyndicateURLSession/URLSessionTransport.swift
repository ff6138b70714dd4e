import Foundation
import Syndicate

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// An `HTTPTransport` over Foundation's `URLSession` (over libcurl on Linux, through FoundationNetworking):
/// the usual choice on Apple platforms. In its own product so that importing `Syndicate` does not
/// load FoundationNetworking; on Linux, `CurlTransport` (product `SyndicateCurl`) is the lighter choice.
///
/// ```swift
/// let transport = URLSessionTransport()                                   // an ephemeral session
/// let custom = URLSessionTransport(configuration: .init(session: mySession, userAgent: "MyBlog/2"))
/// ```
///
/// The request's `HTTPRequest.timeout` bounds the whole exchange (URLSession's own
/// `timeoutInterval` only bounds idle time, so a slow drip would otherwise never end).
///
/// Known limits of `URLSession` on Linux: header fields go out in the order `URLRequest` keeps
/// them (a dictionary), not the order given, and response headers come back unordered; values
/// are exact. A connection the server closed while idle in the pool is noticed only at the
/// timeout, so that failure surfaces as `.timedOut` (the request is not sent twice).
public struct URLSessionTransport: HTTPTransport {
    /// How the transport is set up.
    public struct Configuration: Sendable {
        /// The session requests go through.
        public var session: URLSession
        /// The `User-Agent` sent unless a request sets its own.
        public var userAgent: String

        /// Creates a configuration: by default an ephemeral session (no cookies or cache kept
        /// between runs) allowing 16 connections per host.
        public init(session: URLSession? = nil, userAgent: String = "Syndicate/0.1 (+https://github.com/syndicate-swift/syndicate)") {
            if let session {
                self.session = session
            } else {
                let configuration = URLSessionConfiguration.ephemeral
                configuration.httpMaximumConnectionsPerHost = 16
                configuration.httpShouldSetCookies = false
                configuration.urlCache = nil
                self.session = URLSession(configuration: configuration)
            }
            self.userAgent = userAgent
        }
    }

    /// The configuration.
    public let configuration: Configuration

    /// Creates a transport.
    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
    }

    /// Sends `request` through the session.
    ///
    /// - Throws: `HTTPTransportError`.
    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let seconds = Double(request.timeout.components.seconds) + Double(request.timeout.components.attoseconds) / 1e18
        var urlRequest = URLRequest(url: request.url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: seconds)
        urlRequest.httpMethod = request.method.rawValue
        for field in request.headers { urlRequest.addValue(field.value, forHTTPHeaderField: field.name) }
        if request.headers["User-Agent"] == nil { urlRequest.setValue(configuration.userAgent, forHTTPHeaderField: "User-Agent") }
        urlRequest.httpBody = request.body
        let prepared = urlRequest
        let session = configuration.session
        let host = request.url.host ?? "?"
        return try await withThrowingTaskGroup(of: HTTPResponse.self) { group in
            group.addTask {
                let data: Data
                let response: URLResponse
                do {
                    (data, response) = try await session.data(for: prepared)
                } catch {
                    throw Self.transportError(error, host: host)
                }
                guard let http = response as? HTTPURLResponse else {
                    throw HTTPTransportError(.connectionLost, "\(host) answered without an HTTP response")
                }
                var headers = HTTPHeaders()
                for (name, value) in http.allHeaderFields {
                    headers.add(name: String(describing: name), value: String(describing: value))
                }
                return HTTPResponse(status: http.statusCode, headers: headers, body: data)
            }
            group.addTask {
                try await Task.sleep(for: request.timeout)
                throw HTTPTransportError(.timedOut, "\(host) gave no complete answer within \(request.timeout)")
            }
            defer { group.cancelAll() }
            do {
                guard let first = try await group.next() else {
                    throw HTTPTransportError(.connectionLost, "no answer from \(host)")
                }
                return first
            } catch is CancellationError {
                throw HTTPTransportError(.cancelled, "cancelled")
            }
        }
    }

    /// The `HTTPTransportError` for a URLSession error.
    static func transportError(_ error: any Error, host: String) -> any Error {
        if error is CancellationError { return HTTPTransportError(.cancelled, "cancelled") }
        guard let urlError = error as? URLError else {
            return HTTPTransportError(.connectionLost, "\(host): \(error.localizedDescription)")
        }
        switch urlError.code {
        case .timedOut:
            return HTTPTransportError(.timedOut, "\(host) did not answer in time")
        case .cannotConnectToHost, .cannotFindHost, .dnsLookupFailed, .notConnectedToInternet,
            .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate,
            .serverCertificateNotYetValid, .serverCertificateHasUnknownRoot, .clientCertificateRejected,
            .unsupportedURL, .badURL:
            return HTTPTransportError(.connectionFailed, "\(host): \(urlError.localizedDescription) (\(urlError.code.rawValue))")
        case .cancelled:
            return HTTPTransportError(.cancelled, "cancelled")
        default:
            return HTTPTransportError(.connectionLost, "\(host): \(urlError.localizedDescription) (\(urlError.code.rawValue))")
        }
    }
}
