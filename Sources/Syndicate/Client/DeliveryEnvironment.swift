import Foundation
import Logging

/// What the application chooses for delivery: the transport, the logger, the clock, the source
/// of OAuth nonces, the way to wait and the image pipeline. Clients and ``CrossPoster`` take it; none builds its own.
///
/// ```swift
/// var logger = Logger(label: "my-blog.syndicate")
/// logger.logLevel = .debug
/// let environment = DeliveryEnvironment(transport: CurlTransport(), logger: logger)
/// ```
public struct DeliveryEnvironment: Sendable {
    /// Sends the requests.
    public var transport: any HTTPTransport
    /// Receives every log line (requests redacted); a no-op logger by default.
    public var logger: Logger
    /// The current time (Bluesky `createdAt`, OAuth timestamps, rate-limit waits).
    public var now: @Sendable () -> Date
    /// A fresh OAuth 1.0a nonce.
    public var nonce: @Sendable () -> String
    /// Waits; tests pass one that records the wait and returns at once.
    public var sleep: @Sendable (Duration) async throws -> Void
    /// How images are read, fitted and remembered once uploaded.
    public var images: ImagePipeline

    /// Creates an environment; only the transport is required.
    public init(
        transport: any HTTPTransport,
        logger: Logger = Logger(label: "syndicate", factory: { _ in SwiftLogNoOpLogHandler() }),
        now: @escaping @Sendable () -> Date = { Date() },
        nonce: @escaping @Sendable () -> String = { UUID().uuidString.replacingOccurrences(of: "-", with: "") },
        sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) },
        images: ImagePipeline = ImagePipeline()
    ) {
        self.transport = transport
        self.logger = logger
        self.now = now
        self.nonce = nonce
        self.sleep = sleep
        self.images = images
    }
}
