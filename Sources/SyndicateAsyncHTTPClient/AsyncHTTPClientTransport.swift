#if AsyncHTTPClientTransport
    import AsyncHTTPClient
    import Foundation
    import NIOCore
    import NIOPosix
    import Syndicate

    /// An ``HTTPTransport`` over swift-server/async-http-client, for servers already running on
    /// SwiftNIO. Built only with the package trait `AsyncHTTPClientTransport`
    /// (`swift build --traits AsyncHTTPClientTransport`, or `traits: ["AsyncHTTPClientTransport"]`
    /// on the package dependency).
    ///
    /// ```swift
    /// let transport = AsyncHTTPClientTransport()                              // HTTPClient.shared
    /// let custom = AsyncHTTPClientTransport(configuration: .init(client: myClient))
    /// let environment = DeliveryEnvironment(transport: transport)
    /// ```
    ///
    /// The request's ``HTTPRequest/timeout`` becomes AsyncHTTPClient's deadline for the response
    /// head, and what remains of it bounds reading the body. Errors become
    /// ``HTTPTransportError``: connection errors (refused, unreachable, TLS, connect timeouts) are
    /// `.connectionFailed`; `deadlineExceeded`, `readTimeout` and `writeTimeout` are `.timedOut`;
    /// a connection the server closed is `.connectionLost`.
    ///
    /// With AsyncHTTPClient's default `retryConnectionEstablishment`, a refused connection is
    /// retried until the deadline and then reported as `.connectionFailed` with the last connect
    /// error; give the transport a client with
    /// `configuration.connectionPool.retryConnectionEstablishment = false` to fail at once.
    public struct AsyncHTTPClientTransport: HTTPTransport {
        /// How the transport is set up.
        public struct Configuration: Sendable {
            /// The client requests go through; its lifetime is the caller's (the shared one
            /// needs no shutdown).
            public var client: HTTPClient
            /// The `User-Agent` sent unless a request sets its own.
            public var userAgent: String
            /// The largest response body read; a larger one ends the exchange with
            /// `.connectionLost`.
            public var maximumResponseBodySize: Int

            /// Creates a configuration; by default `HTTPClient.shared`.
            public init(
                client: HTTPClient = .shared, userAgent: String = "Syndicate/0.1 (+https://github.com/syndicate-swift/syndicate)",
                maximumResponseBodySize: Int = 16 * 1024 * 1024
            ) {
                self.client = client
                self.userAgent = userAgent
                self.maximumResponseBodySize = maximumResponseBodySize
            }
        }

        /// The configuration.
        public let configuration: Configuration

        /// Creates a transport.
        public init(configuration: Configuration = Configuration()) {
            self.configuration = configuration
        }

        /// Sends `request` through the client.
        ///
        /// - Throws: ``HTTPTransportError``.
        public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
            let host = request.url.host ?? "?"
            let start = ContinuousClock.now
            let deadline = NIODeadline.now() + .nanoseconds(Self.nanoseconds(request.timeout))
            let client = configuration.client
            let limit = configuration.maximumResponseBodySize
            let prepared = clientRequest(for: request)
            do {
                let response = try await client.execute(prepared, deadline: deadline)
                let remaining = request.timeout - (ContinuousClock.now - start)
                let body = try await Self.within(remaining, on: client.eventLoopGroup.any(), host: host, timeout: request.timeout) {
                    try await response.body.collect(upTo: limit)
                }
                var headers = HTTPHeaders()
                for field in response.headers { headers.add(name: field.name, value: field.value) }
                return HTTPResponse(status: Int(response.status.code), headers: headers, body: Data(body.readableBytesView))
            } catch let error as HTTPTransportError {
                throw error
            } catch {
                if Task.isCancelled { throw HTTPTransportError(.cancelled, "cancelled") }
                throw Self.transportError(error, host: host, timeout: request.timeout)
            }
        }

        /// The AsyncHTTPClient request: method, URL, headers in order (plus `User-Agent` unless
        /// set), body.
        func clientRequest(for request: HTTPRequest) -> HTTPClientRequest {
            var prepared = HTTPClientRequest(url: request.url.absoluteString)
            prepared.method = .init(rawValue: request.method.rawValue)
            for field in request.headers { prepared.headers.add(name: field.name, value: field.value) }
            if request.headers["User-Agent"] == nil { prepared.headers.add(name: "User-Agent", value: configuration.userAgent) }
            if let body = request.body { prepared.body = .bytes(ByteBuffer(bytes: body)) }
            return prepared
        }

        /// Runs `operation`, ending it with `.timedOut` when it outlasts `remaining`.
        ///
        /// The operation runs as a task of its own that a timer on `eventLoop` cancels; a SwiftNIO
        /// timer costs far less than a second task sleeping on Swift's global executor.
        static func within<T: Sendable>(
            _ remaining: Duration, on eventLoop: any EventLoop, host: String, timeout: Duration,
            _ operation: @escaping @Sendable () async throws -> T
        ) async throws -> T {
            guard remaining > .zero else { throw HTTPTransportError(.timedOut, "\(host) gave no complete answer within \(timeout)") }
            let running = Task { try await operation() }
            let timer = eventLoop.scheduleTask(in: .nanoseconds(nanoseconds(remaining))) { running.cancel() }
            defer { timer.cancel() }
            do {
                return try await withTaskCancellationHandler {
                    try await running.value
                } onCancel: {
                    running.cancel()
                }
            } catch {
                // Cancelled, and not by the caller: the timer fired.
                if running.isCancelled, !Task.isCancelled {
                    throw HTTPTransportError(.timedOut, "\(host) gave no complete answer within \(timeout)")
                }
                throw error
            }
        }

        /// The ``HTTPTransportError`` for an AsyncHTTPClient or SwiftNIO error.
        static func transportError(_ error: any Error, host: String, timeout: Duration) -> HTTPTransportError {
            if error is CancellationError { return HTTPTransportError(.cancelled, "cancelled") }
            if let error = error as? HTTPClientError {
                switch error {
                case .deadlineExceeded, .readTimeout, .writeTimeout:
                    return HTTPTransportError(.timedOut, "\(host) gave no complete answer within \(timeout) (\(error))")
                case .connectTimeout, .tlsHandshakeTimeout, .socksHandshakeTimeout, .httpProxyHandshakeTimeout,
                    .getConnectionFromPoolTimeout, .invalidURL, .emptyHost, .emptyScheme, .alreadyShutdown,
                    .proxyAuthenticationRequired, .invalidProxyResponse:
                    return HTTPTransportError(.connectionFailed, "\(host): \(error)")
                case .cancelled:
                    return HTTPTransportError(.cancelled, "cancelled")
                case .remoteConnectionClosed:
                    return HTTPTransportError(.connectionLost, "\(host) closed the connection before answering")
                default:
                    return HTTPTransportError(.connectionLost, "\(host): \(error)")
                }
            }
            if let error = error as? NIOConnectionError {
                return HTTPTransportError(.connectionFailed, "\(host): \(error)")
            }
            if let error = error as? IOError {
                let failed: Set<CInt> = [ECONNREFUSED, ENETUNREACH, EHOSTUNREACH, EADDRNOTAVAIL, ETIMEDOUT]
                return HTTPTransportError(failed.contains(error.errnoCode) ? .connectionFailed : .connectionLost, "\(host): \(error)")
            }
            if let error = error as? ChannelError {
                switch error {
                case .connectTimeout: return HTTPTransportError(.connectionFailed, "\(host): \(error)")
                default: return HTTPTransportError(.connectionLost, "\(host): \(error)")
                }
            }
            let type = String(reflecting: Swift.type(of: error))
            if type.contains("NIOSSL") || type.contains("Resolution") || type.contains("SocketAddressError") {
                return HTTPTransportError(.connectionFailed, "\(host): \(error)")
            }
            return HTTPTransportError(.connectionLost, "\(host): \(error)")
        }

        static func nanoseconds(_ duration: Duration) -> Int64 {
            let (seconds, attoseconds) = duration.components
            let (product, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
            return overflow ? .max : product &+ attoseconds / 1_000_000_000
        }
    }
#endif
