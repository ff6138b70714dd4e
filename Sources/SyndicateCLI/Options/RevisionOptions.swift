import ArgumentParser
import Foundation
import Logging
import Syndicate
import SyndicateLedger

/// What `retract` and `update` both take: the accounts, the ledger, a dry run, the output, the
/// config file, the transport, the attempts and logging.
struct RevisionOptions: ParsableArguments {
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

    @Option(help: "Attempts per copy, the first included (a delete, and an edit to the same text, are safe to repeat).")
    var attempts: Int = 4

    @Flag(name: .shortAndLong, help: "Log every request (redacted) to standard error.")
    var verbose = false

    func validate() throws {
        if let to { _ = try AccountTargets.entries(to) }
        guard (1...10).contains(attempts) else { throw ValidationError("--attempts must be between 1 and 10.") }
    }

    /// What a run works with, read from the options.
    struct Run {
        var logger: Logger
        var config: ConfigFile?
        var ledgerPath: String
        var ledger: any DeliveryLedger
        var targets: [AccountTargets.Entry]?
        /// The real transport; nil for a dry run.
        var transport: (any HTTPTransport)?
        var images: ImagePipeline
        var dryRun: Bool

        /// The accounts with entries among `entries`; clients only where `needsClient`.
        func accounts(_ entries: [LedgerEntry], needsClient: (LedgerEntry) -> Bool) -> RevisionAccounts {
            RevisionAccounts(
                entries: entries, targets: targets, config: config, dryRun: dryRun, transport: transport, logger: logger,
                images: images, needsClient: needsClient)
        }

        /// The report lines of `postID` on the accounts of `entries`: `act` on each account with
        /// a client (those `needsClient` picks), the reason for the others.
        func lines(
            _ entries: [LedgerEntry], postID: String, needsClient: (LedgerEntry) -> Bool,
            _ act: (any NetworkClient) async -> RevisionResult
        ) async -> [RevisionReport.Line] {
            var lines: [RevisionReport.Line] = []
            for account in accounts(entries, needsClient: needsClient).accounts {
                let result = if let client = account.client { await act(client) } else { account.withoutClient(postID: postID) }
                var line = RevisionReport.Line(result, requests: await account.dryRun?.takeRequests())
                if account.entry.copy != nil, account.entry.postedText == nil, account.entry.partIDs.isEmpty,
                    NetworkRegistry.builtIn.definition(for: account.network)?.supportsThreads == true
                {
                    line.note = "recorded before Syndicate kept a thread's parts (or by `ledger mark`): if it was posted as a thread, its later parts were not touched; delete or edit them by hand."
                }
                lines.append(line)
            }
            return lines
        }

        /// A ledgered poster composing with `composer`.
        func poster(composer: Composer = Composer(), attempts: Int) -> LedgeredPoster {
            let crossPoster = CrossPoster(
                composer: composer, retryPolicy: RetryPolicy(maximumAttempts: attempts),
                environment: DeliveryEnvironment(transport: transport ?? DryRunTransport(), logger: logger, now: CommandClock.now, images: images))
            return LedgeredPoster(ledger: ledger, poster: crossPoster, owner: .current(), isAlive: LedgerOwner.isAlive)
        }
    }

    /// Opens the config file and the ledger (exiting as ``RevisionLedger/open(_:dryRun:)`` says).
    func start() async throws -> Run {
        let logger = CommandLogging.logger(verbose: verbose)
        let configFile = try LedgerLocation.config(config)
        let path = LedgerLocation.path(option: ledger, config: configFile)
        let store = try await RevisionLedger.open(path, dryRun: dryRun)
        var images = ImageReading.pipeline(dryRun: dryRun, fetchInDryRun: false, transport: DryRunTransport())
        // The ledger remembers uploaded images, so that a repost retried later attaches them.
        if let memory = store as? any MediaUploadMemory { images.uploads = memory }
        return Run(
            logger: logger, config: configFile, ledgerPath: path, ledger: store, targets: try to.map { try AccountTargets.entries($0) },
            transport: dryRun ? nil : try transport.transport(), images: images, dryRun: dryRun)
    }
}
