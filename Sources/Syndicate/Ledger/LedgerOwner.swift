import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The run that claimed a ledger entry: which host, which process, which run.
///
/// A pending entry whose owner is gone was left by a run that died between sending and
/// recording; ``LedgerClaims`` decides what the next run does with it. On the same host a dead
/// owner is recognised at once (its process no longer exists, or the process id now belongs to
/// a process started at another time); an owner on another host is presumed alive until its
/// claim is older than the lease.
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

    /// This process, as a new run.
    public static func current(run: String = UUID().uuidString, now: Date = Date()) -> LedgerOwner {
        let pid = ProcessInfo.processInfo.processIdentifier
        return LedgerOwner(
            host: ProcessInfo.processInfo.hostName, pid: pid, processStart: processStart(of: pid), run: run,
            claimedAt: now)
    }

    /// Whether `other` is the same run (ignoring when each claim was made).
    public func isSameRun(as other: LedgerOwner) -> Bool {
        host == other.host && pid == other.pid && run == other.run
    }

    /// `pid 4242 on build-01`.
    public var description: String { "pid \(pid) on \(host)" }

    /// Whether `owner` may still be running: false only when it is on this host and its process
    /// is gone (or a zombie, or the pid now names a process started at another time).
    public static func isAlive(_ owner: LedgerOwner) -> Bool {
        guard owner.host == ProcessInfo.processInfo.hostName else { return true }
        if kill(owner.pid, 0) != 0 && errno == ESRCH { return false }
        #if os(Linux)
            if let stat = try? String(contentsOfFile: "/proc/\(owner.pid)/stat", encoding: .utf8),
                let close = stat.lastIndex(of: ")")
            {
                let fields = stat[stat.index(after: close)...].split(separator: " ")
                if let state = fields.first, state == "Z" || state == "X" { return false }
                if let recorded = owner.processStart, fields.count > 19, String(fields[19]) != recorded { return false }
            }
        #endif
        return true
    }

    /// When process `pid` started, from `/proc/<pid>/stat` on Linux; nil elsewhere.
    static func processStart(of pid: Int32) -> String? {
        #if os(Linux)
            guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
                let close = stat.lastIndex(of: ")")
            else { return nil }
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            // After the command come state (field 3) … starttime (field 22): index 19 here.
            return fields.count > 19 ? String(fields[19]) : nil
        #else
            return nil
        #endif
    }
}
