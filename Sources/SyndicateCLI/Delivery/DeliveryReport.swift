import Foundation
import Syndicate

/// What `post --json` prints for one post: `{"id","title","deliveries":[…]}`.
struct DeliveryReport: Encodable {
    /// One account's line of the report.
    struct Line: Encodable {
        var network: SocialNetwork
        var account: String
        /// `posted`, `dry-run`, `already-posted` or `failed`.
        var status: String
        var remoteId: String?
        var url: URL?
        /// The error's full message (what happened and the fix), when it failed.
        var error: String?
        /// The error's stable category, when it failed.
        var errorCategory: DeliveryError.Category?
        /// Whether a later run may succeed, when it failed.
        var retryable: Bool?
        /// The request that creates the post (the last one that is not a GET: Threads reads its
        /// permalink after publishing), redacted.
        var request: RedactedRequest?
        /// Every request sent for this account, in order, redacted (a dry run shows them all).
        var requests: [RedactedRequest]?
        /// The network's ids of the images attached, when there were any.
        var mediaIds: [String] = []
        /// What the client changed or left out while delivering (an image it could not use).
        var warnings: [String] = []

        private enum CodingKeys: String, CodingKey {
            case network, account, status, remoteId, url, error, errorCategory, retryable, request, requests, mediaIds, warnings
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(network, forKey: .network)
            try container.encode(account, forKey: .account)
            try container.encode(status, forKey: .status)
            try container.encode(remoteId, forKey: .remoteId)
            try container.encode(url, forKey: .url)
            try container.encode(error, forKey: .error)
            try container.encodeIfPresent(errorCategory, forKey: .errorCategory)
            try container.encodeIfPresent(retryable, forKey: .retryable)
            try container.encode(request, forKey: .request)
            try container.encodeIfPresent(requests, forKey: .requests)
            if !mediaIds.isEmpty { try container.encode(mediaIds, forKey: .mediaIds) }
            if !warnings.isEmpty { try container.encode(warnings, forKey: .warnings) }
        }

        /// The line for `result`; `requests` are the redacted requests of a dry run.
        init(_ result: DeliveryResult, dryRun: Bool, requests: [RedactedRequest]?) {
            network = result.network
            account = result.account
            switch result.outcome {
            case .posted: status = dryRun ? "dry-run" : "posted"
            case .alreadyPosted: status = "already-posted"
            case .failed: status = "failed"
            }
            remoteId = result.delivery?.remoteID
            url = result.delivery?.url
            mediaIds = result.delivery?.mediaIDs ?? []
            warnings = result.delivery?.warnings ?? []
            if let failure = result.error {
                error = failure.description
                errorCategory = failure.category
                retryable = failure.isRetryable
            }
            self.requests = requests
            request = requests?.last(where: { $0.method != "GET" }) ?? requests?.last
        }
    }

    var id: String
    var title: String
    var deliveries: [Line]
}

extension DeliveryReport {
    /// The exit status for a run: 0 when nothing failed, 75 (`EX_TEMPFAIL`) when every failure
    /// may succeed on a later run, 1 otherwise; an uncertain entry, or a ledger failure that a
    /// later run cannot cure, is at least 1.
    static func exitStatus(_ reports: [DeliveryReport]) -> Int32 {
        let lines = reports.flatMap(\.deliveries)
        let failures = lines.filter { $0.status == "failed" || $0.status == "ledger-error" }
        var status: Int32 = failures.isEmpty ? 0 : failures.allSatisfy { $0.retryable == true } ? 75 : 1
        if lines.contains(where: { $0.status == "uncertain" }) { status = 1 }
        return status
    }

    /// The human form: per post, a line per account; for a dry run, each request as it would go out.
    static func human(_ reports: [DeliveryReport]) -> String {
        var output = ""
        for (number, report) in reports.enumerated() {
            if reports.count > 1 { output += "Post \(number + 1) of \(reports.count): " }
            output += "\(report.title)\n"
            for line in report.deliveries {
                let name = "\(line.network.displayName) (\(line.account))"
                switch line.status {
                case "failed":
                    output += "  ✗ \(name): \(line.error ?? "failed")\n"
                case "already-posted":
                    output += "  = \(name): already posted\(line.url.map { " — \($0.absoluteString)" } ?? "")\n"
                case "uncertain":
                    output += "  ? \(name): not sent. \(line.error ?? "")\n"
                case "busy":
                    output += "  ~ \(name): another run is posting it; skipped\n"
                case "ledger-error":
                    output += "  ✗ \(name): \(line.error ?? "ledger error")\n"
                case "retracted":
                    output += "  - \(name): retracted earlier; not posted again (`syndicate update --repost` posts it again)\n"
                case "skipped":
                    output += "  - \(name): recorded as seen in the ledger; not posted\n"
                case "dry-run":
                    output += "  ○ \(name): dry run, nothing sent. \(line.requests?.count ?? 0) request(s):\n"
                    for request in line.requests ?? [] {
                        output += request.text.split(separator: "\n", omittingEmptySubsequences: false)
                            .map { "      " + $0 }.joined(separator: "\n") + "\n\n"
                    }
                default:
                    let images = line.mediaIds.isEmpty ? "" : " with \(line.mediaIds.count == 1 ? "1 image" : "\(line.mediaIds.count) images")"
                    output += "  ✓ \(name): posted \(line.url?.absoluteString ?? line.remoteId ?? "")\(images)\n"
                }
                for warning in line.warnings { output += "    ! \(warning)\n" }
            }
            output += "\n"
        }
        return output
    }
}
