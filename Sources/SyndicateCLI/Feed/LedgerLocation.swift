import ArgumentParser
import Foundation
import Syndicate
import SyndicateLedger

/// Where the ledger is: `--ledger PATH`, else `ledger:` in the config file, else
/// `~/.syndicate/ledger.sqlite`.
enum LedgerLocation {
    /// The default path, before tilde expansion.
    static let defaultPath = "~/.syndicate/ledger.sqlite"

    /// The path to use, tilde expanded.
    static func path(option: String?, config: ConfigFile?) -> String {
        SQLiteLedger.expandingTilde(option ?? config?.ledgerPath ?? defaultPath)
    }

    /// Prints `error` to standard error and returns the exit status for it: 75 when another
    /// process held the ledger too long (run again later), 1 otherwise.
    static func report(_ error: LedgerError) -> Int32 {
        FileHandle.standardError.write(Data("syndicate: \(LedgerAdvice.translating(error))\n".utf8))
        return error.kind == .busy ? 75 : 1
    }

    /// A dry run's ledger: an in-memory copy of what the file at `path` holds (nothing when
    /// there is no file; only `feed`'s record when given), so that the run never writes the file.
    static func dryRunCopy(of path: String, feed: String? = nil) async throws(LedgerError) -> InMemoryLedger {
        guard let file = try SQLiteLedger.existing(path: path) else { return InMemoryLedger() }
        let entries = try await file.entries()
        var feeds: [LedgerFeed] = []
        if let feed, let record = try await file.feed(feed) { feeds.append(record) }
        return InMemoryLedger(entries: entries, feeds: feeds)
    }

    /// Loads the config file named by `--config`, printing the problem and exiting with 78
    /// (`EX_CONFIG`) when it cannot be used.
    static func config(_ path: String?) throws -> ConfigFile? {
        do {
            return try path.map { path throws(ConfigFile.Problem) in try ConfigFile.load(path: path) }
        } catch {
            FileHandle.standardError.write(Data("syndicate: \(error)\n".utf8))
            throw ExitCode(78)
        }
    }
}

