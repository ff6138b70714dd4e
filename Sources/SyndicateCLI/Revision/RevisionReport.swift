import Foundation
import Syndicate

/// What `retract` and `update` print: per post, a line per account.
///
/// JSON: `{"command","ledger","dryRun","posts":[{"id","title","results":[{"network","account",
/// "status","remoteId","url","newRemoteId","newUrl","error","note","errorCategory","retryable",
/// "requests"}]}]}`; `status` is `retracted`, `edited`, `reposted`, `unchanged`,
/// `already-retracted`, `not-posted`, `unsupported`, `failed` or `ledger-error`.
struct RevisionReport: Encodable {
    /// One account's line.
    struct Line: Encodable {
        var network: SocialNetwork
        var account: String
        var status: String
        /// The copy acted on (for a repost, the one deleted).
        var remoteId: String?
        var url: URL?
        /// A repost's new copy.
        var newRemoteId: String?
        var newUrl: URL?
        var error: String?
        /// Why nothing was done, for `not-posted`.
        var note: String?
        var errorCategory: DeliveryError.Category?
        var retryable: Bool?
        /// A dry run's requests, redacted.
        var requests: [RedactedRequest]?

        /// The line of `result`.
        init(_ result: RevisionResult, requests: [RedactedRequest]?) {
            network = result.network
            account = result.account
            self.requests = requests
            switch result.outcome {
            case .retracted(let copy):
                status = "retracted"
                remoteId = copy.remoteID
                url = copy.url
            case .edited(let delivery):
                status = "edited"
                remoteId = delivery.remoteID
                url = delivery.url
            case .reposted(let delivery, let old):
                status = "reposted"
                remoteId = old.remoteID
                url = old.url
                newRemoteId = delivery.remoteID
                newUrl = delivery.url
            case .unchanged(let copy):
                status = "unchanged"
                remoteId = copy.remoteID
                url = copy.url
            case .noCopy(let entry):
                status = entry?.state == .retracted ? "already-retracted" : "not-posted"
                remoteId = entry?.remoteID
                url = entry?.url
                if entry?.state != .retracted {
                    let state = entry.map { "its entry is \($0.state.rawValue)" } ?? "it has no entry"
                    note = "\(result.network.displayName) account '\(result.account)': the ledger records no copy to act on (\(state)); nothing sent."
                }
            case .failed(let failure):
                status = failure.category == .unsupported ? "unsupported" : "failed"
                error = Self.commandLine(failure.description)
                errorCategory = failure.category
                retryable = failure.isRetryable
            case .ledgerFailed(let failure, let sent):
                status = "ledger-error"
                error = LedgerAdvice.translating(failure).description
                    + (sent ? " The network was changed; run again and it counts as done." : "")
                retryable = failure.kind == .busy
            }
        }

        /// `text` with the library's advice in the command line's terms.
        static func commandLine(_ text: String) -> String {
            text.replacingOccurrences(
                of: RevisionSupport.repostAdvice,
                with: "repost it instead: `syndicate update --repost` deletes the copy and posts the new version")
        }
    }

    /// One post's lines.
    struct Post: Encodable {
        var id: String
        var title: String?
        var results: [Line]
    }

    /// `retract` or `update`.
    var command: String
    var ledger: String
    var dryRun: Bool
    var posts: [Post]

    /// 0 when every account is done (or had nothing to do), 75 when only failures worth
    /// retrying later remain, 1 otherwise (an unsupported action included).
    var exitStatus: Int32 {
        let failures = posts.flatMap(\.results).filter { ["failed", "unsupported", "ledger-error"].contains($0.status) }
        if failures.isEmpty { return 0 }
        return failures.allSatisfy { $0.retryable == true } ? 75 : 1
    }

    /// The human form.
    var human: String {
        var output = ""
        for post in posts {
            output += "\(post.title ?? post.id)\n"
            if post.results.isEmpty { output += "  - the ledger records no copy on the accounts selected; nothing sent\n" }
            for line in post.results {
                let name = "\(line.network.displayName) (\(line.account))"
                let address = (line.url?.absoluteString ?? line.remoteId).map { " " + $0 } ?? ""
                let would = dryRun ? "dry run, would be " : ""
                switch line.status {
                case "retracted": output += "  ✓ \(name): \(would)retracted\(address)\n"
                case "edited": output += "  ✓ \(name): \(would)edited\(address)\n"
                case "reposted":
                    let new = (line.newUrl?.absoluteString ?? line.newRemoteId) ?? ""
                    output += "  ✓ \(name): \(would)reposted as \(new) (deleted\(address))\n"
                case "unchanged": output += "  = \(name): unchanged\(address)\n"
                case "already-retracted": output += "  = \(name): already retracted\(address)\n"
                case "not-posted": output += "  - \(name): \(line.note ?? "nothing recorded")\n"
                default: output += "  ✗ \(name): \(line.error ?? line.status)\n"
                }
                if let requests = line.requests, !requests.isEmpty {
                    output += "    \(requests.count) request(s), nothing sent:\n"
                    for request in requests {
                        output += request.text.split(separator: "\n", omittingEmptySubsequences: false)
                            .map { "      " + $0 }.joined(separator: "\n") + "\n\n"
                    }
                }
            }
            output += "\n"
        }
        return output
    }

    /// Prints the report as JSON or text.
    func print(json: Bool) throws {
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            Swift.print(String(decoding: try encoder.encode(self), as: UTF8.self))
        } else {
            Swift.print(human, terminator: "")
        }
    }
}
