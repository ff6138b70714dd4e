import Foundation

/// Why the ledger cannot be used, naming the file and the fix.
///
/// A ledger that cannot be read is never repaired or replaced by Syndicate: its bytes stay as
/// they are until a person decides.
public struct LedgerError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The kinds of failure.
    public enum Kind: String, Sendable, Equatable, Codable {
        /// The file is not an SQLite database, or not a Syndicate ledger, or is damaged.
        case corrupt
        /// The file (or its folder) cannot be read or written.
        case unreadable
        /// The ledger was written by a newer Syndicate.
        case newerVersion
        /// Another process held the ledger longer than the wait allows.
        case busy
        /// Anything else SQLite reported.
        case failed
    }

    /// What kind of failure this is.
    public var kind: Kind
    /// The ledger's path (`memory` for ``InMemoryLedger``).
    public var path: String
    /// What happened.
    public var message: String
    /// What to do about it.
    public var fix: String

    /// Creates an error.
    public init(_ kind: Kind, path: String, message: String, fix: String) {
        self.kind = kind
        self.path = path
        self.message = message
        self.fix = fix
    }

    /// `ledger /path: <message>. Fix: <fix>`
    public var description: String { "ledger \(path): \(message). Fix: \(fix)" }
}
