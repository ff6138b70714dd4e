import ArgumentParser
import Foundation
import Logging
import Syndicate
import SyndicateImport
import SyndicateLedger

/// `syndicate post`: delivers each post of a file to the accounts `--to` names.
struct PostCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "post",
        abstract: "Post each post of a file to every account --to names (or show the requests with --dry-run).",
        discussion: """
            Credentials come from SYNDICATE_<NETWORK>_<SETTING> variables (the 'default' account) or \
            from --config FILE (YAML or JSON; several accounts per network, values may be ${VARIABLE}). \
            --dry-run sends nothing and needs no credentials: it prints every request as it would go \
            out, with tokens, signatures, passwords and webhook paths shown as REDACTED. \
            What is posted is recorded in the ledger (--ledger PATH, 'ledger:' in the config file, \
            or ~/.syndicate/ledger.sqlite; --no-ledger to opt out), so that posting the same file \
            again reports already-posted instead of posting twice, and `syndicate retract` and \
            `syndicate update` can find the copies later; --dry-run reads the ledger, never writes it. \
            --json prints [{"id","title","deliveries":[{"network","account","status":\
            "posted|dry-run|already-posted|failed|retracted|uncertain|busy|ledger-error","remoteId","url","error","request":{"method","url",\
            "headers","body"}}]}]. Exit status: 0 when every delivery succeeded (or was already \
            posted), 75 when only failures worth retrying later remain (rate limits, timeouts, server \
            errors), 1 otherwise; 64 for bad arguments, 65 for input that cannot be imported.
            """
    )

    @OptionGroup var input: PostInputOptions

    @Option(help: "Networks or network:account, comma-separated, or all: \(AccountTargets.networkNames).")
    var to: String

    @Flag(name: .customLong("dry-run"), help: "Send nothing; print the requests that would be sent.")
    var dryRun = false

    @Flag(help: "Print a JSON array instead of the human report.")
    var json = false

    @Option(help: "A YAML or JSON file of accounts (keys as the SYNDICATE_<NETWORK>_<SETTING> names).")
    var config: String?

    @Option(help: "The ledger file (default: 'ledger:' in --config, else ~/.syndicate/ledger.sqlite).")
    var ledger: String?

    @Flag(name: .customLong("no-ledger"), help: "Record nothing: a second run posts again, and retract/update cannot find the copies.")
    var noLedger = false

    @Option(help: TransportChoice.help)
    var transport: TransportChoice = .standard

    @Flag(help: "Split long posts into numbered threads on X, Mastodon and Bluesky.")
    var thread = false

    @Flag(name: .customLong("no-tracking"), help: "Post the canonical URL without UTM parameters.")
    var noTracking = false

    @OptionGroup var images: ImageOptions

    @Flag(
        name: .customLong("fetch-images"),
        help: "With --dry-run, download remote images to show their real size and digest (only the image hosts are contacted).")
    var fetchImages = false

    @Option(help: "Posts delivered at once across accounts.")
    var concurrency: Int = 4

    @Option(help: "Attempts per delivery, the first included; retries wait with backoff or until the network's reset time.")
    var attempts: Int = 4

    @Flag(name: .shortAndLong, help: "Log every request (redacted) to standard error.")
    var verbose = false

    func validate() throws {
        _ = try AccountTargets.entries(to)
        guard (1...64).contains(concurrency) else { throw ValidationError("--concurrency must be between 1 and 64.") }
        guard (1...10).contains(attempts) else { throw ValidationError("--attempts must be between 1 and 10.") }
        if fetchImages, !dryRun { throw ValidationError("--fetch-images applies to --dry-run only (a real run always reads the images).") }
        if noLedger, ledger != nil { throw ValidationError("--ledger names the ledger and --no-ledger records nothing; use one.") }
    }

    func run() async throws {
        let logger = CommandLogging.logger(verbose: verbose)
        let configFile: ConfigFile?
        do {
            configFile = try config.map { path throws(ConfigFile.Problem) in try ConfigFile.load(path: path) }
        } catch {
            FileHandle.standardError.write(Data("syndicate: \(error)\n".utf8))
            throw ExitCode(78)   // EX_CONFIG
        }
        let accounts = try AccountTargets.settings(for: try AccountTargets.entries(to), config: configFile)
        let posts = try input.posts()
        let composer = Composer(
            configuration: ComposerConfiguration(
                linkTracking: noTracking ? .none : .default, threading: thread, images: images.policy))
        var store: (any DeliveryLedger)?
        if !noLedger {
            let path = LedgerLocation.path(option: ledger, config: configFile)
            do {
                store = dryRun ? try await LedgerLocation.dryRunCopy(of: path) : try SQLiteLedger(path: path)
            } catch {
                throw ExitCode(LedgerLocation.report(error))
            }
        }
        let realTransport: (any HTTPTransport)? = dryRun ? nil : try transport.transport()
        var imagePipeline = try ImageReading.pipeline(dryRun: dryRun, fetchInDryRun: fetchImages, transport: try transport.transport())
        // The ledger remembers uploaded images, so that a retry in a later run attaches them.
        if let memory = store as? any MediaUploadMemory { imagePipeline.uploads = memory }
        let crossPoster = CrossPoster(
            composer: composer, retryPolicy: RetryPolicy(maximumAttempts: attempts), maximumConcurrency: concurrency,
            environment: DeliveryEnvironment(
                transport: realTransport ?? DryRunTransport(), logger: logger, now: CommandClock.now, images: imagePipeline))
        let poster = Poster(
            crossPoster: crossPoster,
            ledgered: store.map { LedgeredPoster(ledger: $0, poster: crossPoster, owner: .current(), isAlive: LedgerOwner.isAlive) })

        var reports: [DeliveryReport] = []
        for post in posts {
            reports.append(
                await deliver(post, to: accounts, poster: poster, transport: realTransport, images: imagePipeline, logger: logger))
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(reports), as: UTF8.self))
        } else {
            print(DeliveryReport.human(reports), terminator: "")
        }
        let status = DeliveryReport.exitStatus(reports)
        if status != 0 { throw ExitCode(status) }
    }

    /// What delivers: the cross-poster, through the ledger unless `--no-ledger`.
    struct Poster {
        var crossPoster: CrossPoster
        var ledgered: LedgeredPoster?

        /// One report line per client, in order.
        func deliver(_ post: Post, to clients: [any NetworkClient], dryRun: Bool, requests: (Int) async -> [RedactedRequest]?) async -> [DeliveryReport.Line] {
            var lines: [DeliveryReport.Line] = []
            if let ledgered {
                for (index, result) in await ledgered.deliver(post, feed: nil, to: clients).enumerated() {
                    var line = FeedRunReport.line(result, dryRun: dryRun, requests: await requests(index))
                    if case .settled(let entry) = result.outcome {
                        switch entry.state {
                        case .posted, .alreadyPosted: line.status = "already-posted"
                        case .retracted: line.status = "retracted"
                        default: break
                        }
                    }
                    lines.append(line)
                }
            } else {
                for (index, result) in await crossPoster.deliver(post, to: clients).enumerated() {
                    lines.append(DeliveryReport.Line(result, dryRun: dryRun, requests: await requests(index)))
                }
            }
            return lines
        }
    }

    /// Delivers one post to every account; a dry run gives each account a ``DryRunClient``
    /// (placeholders for missing settings, its own recording transport).
    func deliver(
        _ post: Post, to accounts: [AccountSettings], poster: Poster, transport: (any HTTPTransport)?, images: ImagePipeline,
        logger: Logger
    ) async -> DeliveryReport {
        var clients: [any NetworkClient] = []
        var recorders: [Int: DryRunClient] = [:]
        var failures: [Int: DeliveryResult] = [:]
        for (index, account) in accounts.enumerated() {
            let environment = DeliveryEnvironment(
                transport: transport ?? DryRunTransport(), logger: logger, now: CommandClock.now, images: images)
            do {
                if dryRun {
                    let dryRunClient = try DryRunClient(settings: account, environment: environment)
                    recorders[clients.count] = dryRunClient
                    clients.append(dryRunClient.client)
                } else {
                    clients.append(try NetworkRegistry.builtIn.makeClient(settings: account, environment: environment))
                }
            } catch {
                failures[index] = DeliveryResult(
                    network: account.network, account: account.account, outcome: .failed(error), attempts: 0, payload: nil)
            }
        }
        let recorded = recorders
        let delivered = await poster.deliver(post, to: clients, dryRun: dryRun) { index in
            await recorded[index]?.takeRequests()
        }
        var lines: [DeliveryReport.Line] = []
        var next = 0
        for index in accounts.indices {
            if let failure = failures[index] {
                lines.append(DeliveryReport.Line(failure, dryRun: dryRun, requests: nil))
                continue
            }
            lines.append(delivered[next])
            next += 1
        }
        return DeliveryReport(id: post.id, title: post.title, deliveries: lines)
    }
}
