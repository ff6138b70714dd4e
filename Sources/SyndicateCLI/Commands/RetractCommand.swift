import ArgumentParser
import Foundation
import Logging
import Syndicate
import SyndicateLedger

/// `syndicate retract`: deletes every copy of a post the ledger records.
struct RetractCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retract",
        abstract: "Delete every syndicated copy of a post that the ledger records, and record it retracted.",
        discussion: """
            The post is named by its id (as `syndicate ledger list` shows it), its URL, the address \
            or id of one of its copies, or the file it was posted from. Every copy the ledger records \
            is deleted (every part of a thread), on every account unless --to narrows them; a copy \
            already deleted by hand counts as done. Slack's incoming webhooks and generic webhooks \
            cannot delete: they are reported, nothing is sent. A retracted post is never posted \
            again by `post` or `feed`; `syndicate update --repost` posts it again. Credentials come \
            from SYNDICATE_<NETWORK>_<SETTING> variables or --config, as for `post`. --dry-run \
            prints the requests (redacted) and writes nothing. Exit status: 0 when every copy is \
            gone, 75 when only failures worth retrying later remain, 1 otherwise (a network that \
            cannot delete included), 66 when the ledger records no such post.
            """
    )

    @Argument(help: "The post: its id, its URL, a copy's address or id, or the file it was posted from.")
    var post: String

    @Option(help: "Only these networks or network:account, comma-separated (default: every account with a copy).")
    var to: String?

    @Option(help: "The ledger file (default: 'ledger:' in --config, else ~/.syndicate/ledger.sqlite).")
    var ledger: String?

    @Flag(name: .customLong("dry-run"), help: "Send nothing and write no ledger; print the requests that would be sent.")
    var dryRun = false

    @Flag(help: "Print a JSON object instead of the human report.")
    var json = false

    @Option(help: "A YAML or JSON file of accounts (and 'ledger:').")
    var config: String?

    @Option(help: TransportChoice.help)
    var transport: TransportChoice = .standard

    @Option(help: "Attempts per copy, the first included (a delete is safe to repeat).")
    var attempts: Int = 4

    @Flag(name: .shortAndLong, help: "Log every request (redacted) to standard error.")
    var verbose = false

    func validate() throws {
        if let to { _ = try AccountTargets.entries(to) }
        guard (1...10).contains(attempts) else { throw ValidationError("--attempts must be between 1 and 10.") }
    }

    func run() async throws {
        let logger = CommandLogging.logger(verbose: verbose)
        let configFile = try LedgerLocation.config(config)
        let path = LedgerLocation.path(option: ledger, config: configFile)
        let store = try await RevisionLedger.open(path, dryRun: dryRun)
        let postIDs = try await RevisionLedger.postIDs(naming: post, in: store, path: path)
        let targets = try to.map { try AccountTargets.entries($0) }
        let realTransport: (any HTTPTransport)? = dryRun ? nil : try transport.transport()
        let images = ImageReading.pipeline(dryRun: dryRun, fetchInDryRun: false, transport: DryRunTransport())
        let crossPoster = CrossPoster(
            retryPolicy: RetryPolicy(maximumAttempts: attempts),
            environment: DeliveryEnvironment(transport: realTransport ?? DryRunTransport(), logger: logger, now: CommandClock.now, images: images))
        let poster = LedgeredPoster(ledger: store, poster: crossPoster, owner: .current(), isAlive: LedgerOwner.isAlive)

        var report = RevisionReport(command: "retract", ledger: path, dryRun: dryRun, posts: [])
        for postID in postIDs {
            let entries = try await RevisionLedger.entries(of: postID, in: store)
            let accounts = RevisionAccounts(
                entries: entries, targets: targets, config: configFile, dryRun: dryRun, transport: realTransport, logger: logger,
                images: images, needsClient: { $0.copy != nil })
            var lines: [RevisionReport.Line] = []
            for account in accounts.accounts {
                let result: RevisionResult
                if let client = account.client {
                    result = await poster.retract(postID: postID, through: client)
                } else {
                    result = account.withoutClient(postID: postID)
                }
                lines.append(RevisionReport.Line(result, requests: await account.dryRun?.takeRequests()))
            }
            report.posts.append(RevisionReport.Post(id: postID, title: entries.first?.title, results: lines))
        }
        try report.print(json: json)
        if report.exitStatus != 0 { throw ExitCode(report.exitStatus) }
    }
}
