import Foundation
import Syndicate

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension LedgerOwner {
    /// This process, as a new run, with its start time (so that a later process given the
    /// same id is not taken for it).
    ///
    /// Pass it with ``isAlive(_:)`` to `LedgeredPoster` so that a pending entry left by a
    /// process of this host that died is recognised at once:
    ///
    /// ```swift
    /// let poster = LedgeredPoster(ledger: try SQLiteLedger(path: path), poster: crossPoster,
    ///                             owner: .current(), isAlive: LedgerOwner.isAlive)
    /// ```
    public static func current(run: String = UUID().uuidString, now: Date = Date()) -> LedgerOwner {
        let pid = ProcessInfo.processInfo.processIdentifier
        return LedgerOwner(
            host: ProcessInfo.processInfo.hostName, pid: pid, processStart: processStart(of: pid), run: run,
            claimedAt: now)
    }

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
