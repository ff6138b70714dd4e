import ArgumentParser
import Foundation
import Logging
import Syndicate
import SyndicateLedger

/// `syndicate update`: brings every copy of a post the ledger records up to the file's version.
struct UpdateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update",
        abstract: "Edit every syndicated copy of a changed post, where the network allows it (or repost it with --repost).",
        discussion: """
            Reads the post again from the file (or URL) and, for each account the ledger records a \
            copy on, composes it as `post` does and compares it with the version posted: unchanged \
            copies are left alone. Mastodon, Facebook, LinkedIn, Telegram, Discord and Tumblr copies \
            are edited in place (their images kept). X, Bluesky and Threads cannot edit through \
            their APIs: they are reported, and --repost deletes the copy and posts the new version \
            instead (it also posts again a copy that was retracted). Slack's incoming webhooks and \
            generic webhooks can do neither. The ledger keeps the version now on each network. \
            Compose options (--no-tracking, --no-images) must match the ones the post was made \
            with, or every copy reads as changed. --dry-run prints the requests (redacted) and writes \
            nothing. Exit status: 0 when every copy is up to date, 75 when only failures worth \
            retrying later remain, 1 otherwise (a copy that cannot be edited without --repost \
            included), 65 for input that cannot be imported, 66 when the ledger records no copy.
            """
    )

    @OptionGroup var input: PostInputOptions

    @Option(help: "Only these networks or network:account, comma-separated (default: every account with a copy).")
    var to: String?

    @Flag(help: "Where a network cannot edit (X, Bluesky, Threads), delete the copy and post the new version.")
    var repost = false

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

    @Flag(name: .customLong("no-tracking"), help: "Compose with the canonical URL without UTM parameters (as posted with --no-tracking).")
    var noTracking = false

    @OptionGroup var images: ImageOptions

    @Option(help: "Attempts per copy, the first included.")
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
        let posts = try input.posts()
        let store = try await RevisionLedger.open(path, dryRun: dryRun)
        let targets = try to.map { try AccountTargets.entries($0) }
        let realTransport: (any HTTPTransport)? = dryRun ? nil : try transport.transport()
        var imagePipeline = ImageReading.pipeline(dryRun: dryRun, fetchInDryRun: false, transport: DryRunTransport())
        if let memory = store as? any MediaUploadMemory { imagePipeline.uploads = memory }
        let composer = Composer(
            configuration: ComposerConfiguration(linkTracking: noTracking ? .none : .default, images: images.policy))
        let crossPoster = CrossPoster(
            composer: composer, retryPolicy: RetryPolicy(maximumAttempts: attempts),
            environment: DeliveryEnvironment(
                transport: realTransport ?? DryRunTransport(), logger: logger, now: CommandClock.now, images: imagePipeline))
        let poster = LedgeredPoster(ledger: store, poster: crossPoster, owner: .current(), isAlive: LedgerOwner.isAlive)

        var report = RevisionReport(command: "update", ledger: path, dryRun: dryRun, posts: [])
        for post in posts {
            let entries = try await RevisionLedger.entries(of: post.id, in: store)
            let accounts = RevisionAccounts(
                entries: entries, targets: targets, config: configFile, dryRun: dryRun, transport: realTransport, logger: logger,
                images: imagePipeline, needsClient: { $0.copy != nil || (repost && $0.state == .retracted) })
            var lines: [RevisionReport.Line] = []
            for account in accounts.accounts {
                let result: RevisionResult
                if let client = account.client {
                    result = await poster.update(post, through: client, repost: repost)
                } else {
                    result = account.withoutClient(postID: post.id)
                }
                lines.append(RevisionReport.Line(result, requests: await account.dryRun?.takeRequests()))
            }
            report.posts.append(RevisionReport.Post(id: post.id, title: post.title, results: lines))
        }
        guard report.posts.contains(where: { !$0.results.isEmpty }) else {
            FileHandle.standardError.write(Data(
                "syndicate: the ledger (\(path)) records no copy of \(posts.map(\.id).joined(separator: ", ")). Fix: post it first (`syndicate post`), or pass the ledger it was recorded in with --ledger.\n".utf8))
            throw ExitCode(66)
        }
        try report.print(json: json)
        if report.exitStatus != 0 { throw ExitCode(report.exitStatus) }
    }
}
