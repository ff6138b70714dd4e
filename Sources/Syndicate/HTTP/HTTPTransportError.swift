import Foundation

/// Why a transport returned no response.
public struct HTTPTransportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, as far as a retry decision needs to know.
    public enum Kind: String, Sendable, Equatable, Codable {
        /// The connection could not be made (refused, unknown host, TLS failure): the request
        /// never reached the server, so a retry is safe.
        case connectionFailed
        /// The connection broke after the request may have been sent: the server may have acted.
        case connectionLost
        /// No complete response within the request's timeout: the server may have acted.
        case timedOut
        /// The task was cancelled.
        case cancelled
    }

    /// What went wrong.
    public var kind: Kind
    /// The underlying system's words (no URLs with secrets: transports pass only the host).
    public var message: String

    /// Creates an error.
    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// Whether the request may have reached the server (and so may have been acted on).
    public var mayHaveReachedServer: Bool { kind == .connectionLost || kind == .timedOut }

    /// `"timed out: …"` and the like.
    public var description: String {
        switch kind {
        case .connectionFailed: "could not connect: \(message)"
        case .connectionLost: "connection lost: \(message)"
        case .timedOut: "timed out: \(message)"
        case .cancelled: "cancelled"
        }
    }
}
