import Foundation
import Syndicate

/// What `syndicate feed` prints: per item, a ``DeliveryReport`` whose lines may also say
/// `skipped`, `uncertain`, `busy` or `left`; then per account the counts.
struct FeedRunReport: Encodable {
    /// The counts of one account.
    struct Summary: Encodable, Equatable {
        var network: SocialNetwork
        var account: String
        var posted = 0
        var skipped = 0
        var failed = 0
        var uncertain = 0
        var left = 0
    }

    var feed: String
    var ledger: String?
    /// `not-started`, `marked-seen`, `unchanged`, `delivered` or `dry-run`.
    var status: String
    var itemCount: Int
    var markedSeen: Int
    /// The accounts new to a known feed in this run (`network:account`); absent when none.
    var newAccounts: [String]?
    var items: [DeliveryReport]
    var summary: [Summary]

    /// The word a result shows as: `posted`, `dry-run`, `already-posted`, `failed`, `skipped`
    /// (settled by an earlier run), `uncertain`, `busy` (another run holds it), `ledger-error`.
    static func status(of result: LedgeredResult, dryRun: Bool = false) -> String {
        switch result.outcome {
        case .delivered(let delivery):
            switch delivery.outcome {
            case .posted: return dryRun ? "dry-run" : "posted"
            case .alreadyPosted: return "already-posted"
            case .failed: return "failed"
            }
        case .settled: return "skipped"
        case .uncertain: return "uncertain"
        case .busy: return "busy"
        case .ledgerFailed: return "ledger-error"
        }
    }

    /// The report line of `result`; `requests` are a dry run's redacted requests.
    static func line(_ result: LedgeredResult, dryRun: Bool, requests: [RedactedRequest]?) -> DeliveryReport.Line {
        let delivery =
            result.delivery
            ?? DeliveryResult(network: result.network, account: result.account, outcome: .alreadyPosted(nil), attempts: 0, payload: nil)
        var line = DeliveryReport.Line(delivery, dryRun: dryRun, requests: requests)
        line.status = status(of: result, dryRun: dryRun)
        switch result.outcome {
        case .settled(let entry), .busy(let entry):
            line.remoteId = entry.remoteID
            line.url = entry.url
        case .uncertain(let entry, _):
            let error = entry.error.map { LedgerAdvice.translating($0, for: entry.key) }
            line.error = "\(entry.network.displayName) account '\(entry.account)': \(error ?? "it may or may not have been posted. Fix: " + LedgerAdvice.uncertainFix(entry.key))"
            line.retryable = false
        case .ledgerFailed(let error, _):
            line.error = LedgerAdvice.translating(error).description
            line.retryable = error.kind == .busy
        case .delivered:
            break
        }
        return line
    }

    /// The per-account counts of `items` for `accounts` (in `--to` order).
    static func summary(_ items: [DeliveryReport], accounts: [(SocialNetwork, String)]) -> [Summary] {
        var result = accounts.map { Summary(network: $0.0, account: $0.1) }
        for item in items {
            for line in item.deliveries {
                guard let index = result.firstIndex(where: { $0.network == line.network && $0.account == line.account }) else {
                    continue
                }
                switch line.status {
                case "posted", "dry-run": result[index].posted += 1
                case "failed", "ledger-error": result[index].failed += 1
                case "uncertain": result[index].uncertain += 1
                case "left": result[index].left += 1
                default: result[index].skipped += 1   // skipped, already-posted, busy
                }
            }
        }
        return result
    }

    /// The exit status: ``DeliveryReport/exitStatus(_:)`` over the deliveries.
    var exitStatus: Int32 { DeliveryReport.exitStatus(items) }

    /// The human form: each item where something happened, then the table.
    var human: String {
        var output = ""
        for item in items {
            let lines = item.deliveries.filter { $0.status != "skipped" }
            guard !lines.isEmpty else { continue }
            output += "\(item.title)\n"
            for line in lines {
                let name = "\(line.network.displayName) (\(line.account))"
                switch line.status {
                case "left": output += "  … \(name): left for the next run\n"
                default:
                    // As `syndicate post` shows them.
                    let shown = DeliveryReport.human([DeliveryReport(id: item.id, title: "", deliveries: [line])])
                    output += String(shown.dropFirst().dropLast())
                }
            }
        }
        if !output.isEmpty { output += "\n" }
        output += Self.table(summary)
        return output
    }

    /// The summary table, columns aligned.
    static func table(_ rows: [Summary]) -> String {
        let header = ["Account", "Posted", "Skipped", "Failed", "Uncertain", "Left"]
        let body = rows.map { row in
            ["\(row.network.rawValue):\(row.account)", "\(row.posted)", "\(row.skipped)", "\(row.failed)", "\(row.uncertain)", "\(row.left)"]
        }
        let all = [header] + body
        let widths = header.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
        return all.map { cells in
            cells.enumerated().map { index, cell in
                index == 0
                    ? cell.padding(toLength: widths[index], withPad: " ", startingAt: 0)
                    : String(repeating: " ", count: widths[index] - cell.count) + cell
            }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }
}
