import Foundation

/// The run that claimed a ledger entry: which host, which process, which run.
///
/// A pending entry whose owner is gone was left by a run that died between sending and
/// recording; the next ``LedgeredPoster`` decides what to do with it. This is the owner as a
/// value, the same for every ``DeliveryLedger``; telling whether a process on this host still
/// runs (and reading its start time) belongs to the `SyndicateLedger` product
/// (`LedgerOwner.current()`, `LedgerOwner.isAlive(_:)`). Without that check an owner is
/// presumed alive until its claim is older than ``LedgeredPoster/remoteLease``.
public struct LedgerOwner: Sendable, Equatable, Hashable, Codable, CustomStringConvertible {
    /// The host name.
    public var host: String
    /// The process id.
    public var pid: Int32
    /// When the process started, as the system counts it (Linux: field 22 of
    /// `/proc/<pid>/stat`), so that a recycled process id is not taken for the owner; nil where
    /// unknown.
    public var processStart: String?
    /// A random id of the run, unique per ``FeedSyndicator`` or ``LedgeredPoster``.
    public var run: String
    /// When the claim was made.
    public var claimedAt: Date

    /// Creates an owner.
    public init(host: String, pid: Int32, processStart: String?, run: String, claimedAt: Date) {
        self.host = host
        self.pid = pid
        self.processStart = processStart
        self.run = run
        self.claimedAt = claimedAt
    }

    /// This process (host name and process id, no start time) as a new run.
    package static func newRun(now: Date = Date()) -> LedgerOwner {
        LedgerOwner(
            host: ProcessInfo.processInfo.hostName, pid: ProcessInfo.processInfo.processIdentifier, processStart: nil,
            run: UUID().uuidString, claimedAt: now)
    }

    /// Whether `other` is the same run (ignoring when each claim was made).
    public func isSameRun(as other: LedgerOwner) -> Bool {
        host == other.host && pid == other.pid && run == other.run
    }

    /// `pid 4242 on build-01`.
    public var description: String { "pid \(pid) on \(host)" }
}
