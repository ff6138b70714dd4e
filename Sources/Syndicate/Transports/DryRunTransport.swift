import Foundation

/// A transport that sends nothing: it records every request and answers each as the network
/// would on success, so that a whole delivery runs offline.
///
/// `syndicate post --dry-run` uses it to show the exact requests; use it in your own tests:
///
/// ```swift
/// let transport = DryRunTransport()
/// let client = try NetworkRegistry.builtIn.makeClient(settings: settings, environment: DeliveryEnvironment(transport: transport))
/// _ = try await client.deliver(payload, of: post)
/// let sent = await transport.requests          // [HTTPRequest], in order
/// ```
///
/// Answers are plausible, not real: ids count up from 1 (`dry-run-1`, …) so that output is
/// stable. Pass a `responder` to answer differently (return nil to fall back on the default).
public actor DryRunTransport: HTTPTransport {
    /// Answers a request; nil falls back on the default plausible answer.
    public typealias Responder = @Sendable (HTTPRequest) -> HTTPResponse?

    /// Every request received, in order.
    public private(set) var requests: [HTTPRequest] = []
    private var counter = 0
    private let responder: Responder?
    private let networks: NetworkRegistry

    /// Creates a transport.
    ///
    /// - Parameters:
    ///   - responder: Your own answers, tried first.
    ///   - networks: The networks whose dry-run answers are given; ``NetworkRegistry/builtIn`` by default.
    public init(responder: Responder? = nil, networks: NetworkRegistry = .builtIn) {
        self.responder = responder
        self.networks = networks
    }

    /// Records `request` and answers it without sending anything.
    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        requests.append(request)
        if let responder, let response = responder(request) { return response }
        counter += 1
        return DryRunResponses.response(to: request, number: counter, networks: networks)
    }

    /// The recorded requests, oldest first, forgotten as they are returned (the numbering goes on).
    public func takeRequests() -> [HTTPRequest] {
        defer { requests.removeAll() }
        return requests
    }

    /// Forgets the recorded requests (the numbering goes on).
    public func removeAllRequests() {
        requests.removeAll()
    }
}
