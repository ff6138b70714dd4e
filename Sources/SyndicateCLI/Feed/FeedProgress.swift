import Foundation
import Syndicate

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Shows a feed run's progress on standard error: a bar redrawn in place on a terminal, a
/// plain line per item otherwise (logs, cron mail, CI).
struct FeedProgress: Sendable {
    /// Whether standard error is a terminal.
    var isTerminal: Bool = isatty(STDERR_FILENO) == 1
    /// Whether the run sends nothing (results read `dry-run`).
    var dryRun = false

    func started(total: Int) {
        if !isTerminal { write("syndicate: \(total) item(s) to check\n") }
    }

    func item(_ item: FeedSyndicator.Item, index: Int, total: Int) {
        if isTerminal {
            let width = 30
            let filled = total == 0 ? width : width * index / total
            let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
            let title = item.title.count > 40 ? String(item.title.prefix(39)) + "…" : item.title
            write("\r\u{1B}[2K[\(bar)] \(index)/\(total) \(title)")
            if index == total { write("\n") }
        } else {
            let states = item.results.map { "\($0.network.rawValue):\($0.account) \(FeedRunReport.status(of: $0, dryRun: dryRun))" }
                + item.deferred.map { "\($0) left" }
            write("syndicate: [\(index)/\(total)] \(item.title): \(states.joined(separator: ", "))\n")
        }
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
