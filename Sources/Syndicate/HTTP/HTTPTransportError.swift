import Foundation

/// Why a transport returned no response.
public struct HTTPTransportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, as far as a retry decision needs to know.
    /// What went wrong, as far as a retry decision needs to know: an open set (the
    /// async-http-client error pattern), so a transport may report a kind of its own.
    public struct Kind: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
        /// The kind's name, such as `timedOut`.
        public let rawValue: String
        /// Creates a kind from its name.
        public init(rawValue: String) { self.rawValue = rawValue }
        /// The connection could not be made (refused, unknown host, TLS failure): the request
        /// never reached the server, so a retry is safe.
        public static let connectionFailed = Kind(rawValue: "connectionFailed")
        /// The connection broke after the request may have been sent: the server may have acted.
        public static let connectionLost = Kind(rawValue: "connectionLost")
        /// No complete response within the request's timeout: the server may have acted.
        public static let timedOut = Kind(rawValue: "timedOut")
        /// The task was cancelled.
        public static let cancelled = Kind(rawValue: "cancelled")
        /// ``rawValue``.
        public var description: String { rawValue }
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

    /// Whether the request may have reached the server (and so may have been acted on): every
    /// kind but ``Kind-swift.struct/connectionFailed`` and ``Kind-swift.struct/cancelled``, so a
    /// kind Syndicate does not know is taken as the cautious answer.
    public var mayHaveReachedServer: Bool { kind != .connectionFailed && kind != .cancelled }

    /// `"timed out: …"` and the like.
    public var description: String {
        switch kind {
        case .connectionFailed: "could not connect: \(message)"
        case .connectionLost: "connection lost: \(message)"
        case .timedOut: "timed out: \(message)"
        case .cancelled: "cancelled"
        default: "\(kind.rawValue): \(message)"
        }
    }
}
