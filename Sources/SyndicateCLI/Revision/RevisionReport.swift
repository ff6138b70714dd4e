import ArgumentParser
import Foundation
import Syndicate

/// What `retract` and `update` print: per post, a line per account.
///
/// JSON: `{"command","ledger","dryRun","posts":[{"id","title","results":[{"network","account",
/// "status","remoteId","url","newRemoteId","newUrl","error","note","errorCategory","retryable",
/// "requests"}]}]}`; `status` is `retracted`, `edited`, `reposted`, `unchanged`,
/// `already-retracted`, `not-posted`, `busy`, `repost-pending`, `check-by-hand`, `unsupported`,
/// `failed` or `ledger-error`.
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
        /// Why nothing was done (`not-posted`), or what to check by hand besides.
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
                remoteId = entry?.remoteID
                url = entry?.url
                let name = "\(result.network.displayName) account '\(result.account)'"
                switch entry?.state {
                case .retracted?:
                    status = "already-retracted"
                case .pending?:
                    status = "busy"
                    error = "\(name): another run is posting it now; nothing sent. Fix: run again when that run has finished."
                    retryable = true
                case .repostPending?:
                    status = "repost-pending"
                    error = "\(name): the old copy was deleted for a repost whose new version is not posted yet. Fix: run `syndicate update <file> --repost` to post it."
                    retryable = false
                case .uncertain?, .posted?, .alreadyPosted?:
                    status = "check-by-hand"
                    error = "\(name): the ledger does not know the id of the copy that may be there (its entry is \(entry?.state.rawValue ?? "")); nothing sent. Fix: look at the account and delete or edit the post by hand there."
                    retryable = false
                default:
                    status = "not-posted"
                    let state = entry.map { "its entry is \($0.state.rawValue)" } ?? "it has no entry"
                    note = "\(name): nothing was posted here (\(state)); nothing sent."
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
        let failures = posts.flatMap(\.results).filter { $0.error != nil }
        if failures.isEmpty { return 0 }
        return failures.allSatisfy { $0.retryable == true } ? 75 : 1
    }

    /// Exits 66 when no post has a line: the ledger records none of its accounts, or `--to`
    /// (`to`) selected none of them.
    func requireAccounts(ledger: String, to: String?) throws {
        guard !posts.contains(where: { !$0.results.isEmpty }) else { return }
        let ids = posts.map(\.id).joined(separator: ", ")
        let message = to.map { "--to \($0) selects none of the accounts the ledger (\(ledger)) records for \(ids). Fix: leave --to out, or name an account `syndicate ledger list` shows." }
            ?? "the ledger (\(ledger)) records no copy of \(ids). Fix: post it first (`syndicate post`), or pass the ledger it was recorded in with --ledger."
        FileHandle.standardError.write(Data("syndicate: \(message)\n".utf8))
        throw ExitCode(66)
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
                if let note = line.note, line.status != "not-posted" { output += "    ! \(note)\n" }
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
