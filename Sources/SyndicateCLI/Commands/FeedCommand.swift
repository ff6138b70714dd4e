import ArgumentParser
import Foundation
import Logging
import Syndicate
import SyndicateLedger

/// `syndicate feed`: posts what is new in a feed to every account `--to` names, once.
struct FeedCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "feed",
        abstract: "Post each new item of a feed, oldest first, once to every account --to names.",
        discussion: """
            The ledger (--ledger PATH, 'ledger:' in the config file, or ~/.syndicate/ledger.sqlite) \
            records every item per account: an item is posted once, not again after a crash, a \
            timeout, a retry or a second run at the same time. The first run on a feed posts \
            nothing unless asked: --mark-seen records the current items as seen (start from now), \
            --since DATE posts the items published since DATE. An account added to a feed that is \
            already running starts from now too (what the other accounts already have is recorded \
            as seen for it) unless --backfill posts those items to it, or --since says where to start. A URL is fetched with If-None-Match \
            / If-Modified-Since. --dry-run reads the ledger but never writes it, needs no \
            credentials and prints the requests redacted. Exit status: 0 when nothing failed, 75 \
            when only failures worth retrying later remain, 1 otherwise (an uncertain entry \
            included: see `syndicate ledger list`); 65 for a feed that cannot be read as one, 78 \
            for an unusable config file.
            """
    )

    @Argument(help: "The feed: an http(s) URL or a file (RSS, Atom or JSON Feed).")
    var source: String

    @Option(help: "Networks or network:account, comma-separated: \(AccountTargets.networkNames).")
    var to: String

    @Option(help: "The ledger file (default: 'ledger:' in --config, else ~/.syndicate/ledger.sqlite).")
    var ledger: String?

    @Flag(name: .customLong("dry-run"), help: "Send nothing and write no ledger; print the requests that would be sent.")
    var dryRun = false

    @Flag(help: "Print a JSON object instead of the human report.")
    var json = false

    @Option(help: "Deliver at most this many items in this run (the rest wait for the next).")
    var limit: Int?

    @Option(help: "Post only items published on or after DATE (2026-01-31 or ISO 8601); older ones are recorded as seen.")
    var since: String?

    @Flag(name: .customLong("mark-seen"), help: "Record the feed's current items as seen and post nothing.")
    var markSeen = false

    @Flag(help: "Post the feed's current items to accounts new to this feed (by default a new account starts from now).")
    var backfill = false

    @Option(help: "A YAML or JSON file of accounts (and 'ledger:').")
    var config: String?

    @Option(help: TransportChoice.help)
    var transport: TransportChoice = .standard

    @Flag(name: .customLong("no-tracking"), help: "Post the canonical URL without UTM parameters.")
    var noTracking = false

    @OptionGroup var images: ImageOptions

    @Flag(
        name: .customLong("fetch-images"),
        help: "With --dry-run, download remote images to show their real size and digest (only the image hosts are contacted).")
    var fetchImages = false

    @Option(help: "The most attempts per delivery, the first included (retries only what is safe).")
    var attempts: Int = 4

    @Option(help: "Accounts delivered at once for each item.")
    var concurrency: Int = 4

    @Flag(name: .shortAndLong, help: "Log every request (redacted) to standard error.")
    var verbose = false

    func validate() throws {
        _ = try AccountTargets.entries(to)
        if let limit, limit < 1 { throw ValidationError("--limit must be at least 1.") }
        if fetchImages, !dryRun { throw ValidationError("--fetch-images applies to --dry-run only (a real run always reads the images).") }
        if let since, DateParsing.date(from: since) == nil {
            throw ValidationError("--since '\(since)' is not a date; write it as 2026-01-31 or 2026-01-31T09:00:00Z.")
        }
        if markSeen && since != nil {
            throw ValidationError("--mark-seen and --since both say where to start; use one.")
        }
        if backfill && markSeen {
            throw ValidationError("--backfill posts the current items and --mark-seen records them as seen; use one.")
        }
        guard (1...64).contains(concurrency) else { throw ValidationError("--concurrency must be between 1 and 64.") }
        guard (1...10).contains(attempts) else { throw ValidationError("--attempts must be between 1 and 10.") }
    }

    func run() async throws {
        let logger = CommandLogging.logger(verbose: verbose)
        let configFile = try LedgerLocation.config(config)
        let accounts = try AccountTargets.settings(for: try AccountTargets.entries(to), config: configFile)
        let ledgerPath = LedgerLocation.path(option: ledger, config: configFile)
        let feed = FeedSource(source)

        let store: any DeliveryLedger
        do {
            store = dryRun ? try await LedgerLocation.dryRunCopy(of: ledgerPath, feed: feed.id) : try SQLiteLedger(path: ledgerPath)
        } catch {
            throw ExitCode(LedgerLocation.report(error))
        }

        let fetchTransport = try transport.transport()
        let fetched: FeedSource.Fetched
        do {
            // Validators only when nothing of this feed waits for a retry: a 304 would hide it.
            let validators = dryRun ? nil : try await store.feedValidators(for: feed.id)
            fetched = try await feed.fetch(transport: fetchTransport, validators: validators)
        } catch let error as LedgerError {
            throw ExitCode(LedgerLocation.report(error))
        } catch let problem as FeedSource.Problem {
            FileHandle.standardError.write(Data("syndicate: \(problem)\n".utf8))
            throw ExitCode(problem.status)
        }
        guard case .posts(let posts, let warnings, let etag, let lastModified) = fetched else {
            try output(FeedRunReport(
                feed: feed.id, ledger: ledgerPath, status: "unchanged", itemCount: 0, markedSeen: 0, items: [],
                summary: FeedRunReport.summary([], accounts: accounts.map { ($0.network, $0.account) })),
                message: "The feed has not changed since the last complete run (HTTP 304); nothing to post.")
            return
        }

        // Clients; a dry run gives each account a DryRunClient (placeholders, its own recording transport).
        let realTransport: (any HTTPTransport)? = dryRun ? nil : fetchTransport
        var imagePipeline = ImageReading.pipeline(dryRun: dryRun, fetchInDryRun: fetchImages, transport: fetchTransport)
        // The ledger remembers uploaded images, so that a retry in a later run attaches them.
        if let memory = store as? any MediaUploadMemory { imagePipeline.uploads = memory }
        var clients: [any NetworkClient] = []
        var recorders: [String: DryRunClient] = [:]
        var problems: [String] = []
        for account in accounts {
            let environment = DeliveryEnvironment(transport: realTransport ?? DryRunTransport(), logger: logger, images: imagePipeline)
            do {
                if dryRun {
                    let dryRunClient = try DryRunClient(settings: account, environment: environment)
                    recorders[FeedSyndicator.name(dryRunClient.client)] = dryRunClient
                    clients.append(dryRunClient.client)
                } else {
                    clients.append(try NetworkRegistry.builtIn.makeClient(settings: account, environment: environment))
                }
            } catch {
                problems.append("syndicate: \(error)")
            }
        }
        guard problems.isEmpty else {
            FileHandle.standardError.write(Data((problems.joined(separator: "\n") + "\n").utf8))
            throw ExitCode(1)
        }

        let composer = Composer(configuration: ComposerConfiguration(linkTracking: noTracking ? .none : .default, images: images.policy))
        let crossPoster = CrossPoster(
            composer: composer, retryPolicy: RetryPolicy(maximumAttempts: attempts), maximumConcurrency: concurrency,
            environment: DeliveryEnvironment(transport: realTransport ?? DryRunTransport(), logger: logger, images: imagePipeline))
        let syndicator = FeedSyndicator(
            poster: LedgeredPoster(ledger: store, poster: crossPoster, owner: .current(), isAlive: LedgerOwner.isAlive))
        let options = FeedSyndicator.Options(
            markSeen: markSeen, since: since.flatMap(DateParsing.date(from:)), limit: limit, backfill: backfill)
        let collector = ReportCollector()
        let progress = FeedProgress(dryRun: dryRun)
        let dryRun = self.dryRun
        let recordersByName = recorders
        let report: FeedSyndicator.Report
        do {
            report = try await syndicator.run(posts, feed: feed.id, to: clients, options: options) { event in
                switch event {
                case .started(let total):
                    progress.started(total: total)
                case .item(let item, let index, let total):
                    var lines: [DeliveryReport.Line] = []
                    for result in item.results {
                        var requests: [RedactedRequest]?
                        if dryRun, let recorder = recordersByName["\(result.network.rawValue):\(result.account)"] {
                            requests = await recorder.takeRequests()
                        }
                        lines.append(FeedRunReport.line(result, dryRun: dryRun, requests: requests))
                    }
                    for name in item.deferred {
                        let parts = name.split(separator: ":", maxSplits: 1).map(String.init)
                        guard let network = SocialNetwork(rawValue: parts[0]) else { continue }
                        var line = DeliveryReport.Line(
                            DeliveryResult(network: network, account: parts[1], outcome: .alreadyPosted(nil), attempts: 0, payload: nil),
                            dryRun: dryRun, requests: nil)
                        line.status = "left"
                        lines.append(line)
                    }
                    await collector.append(DeliveryReport(id: item.postID, title: item.title, deliveries: lines))
                    progress.item(item, index: index, total: total)
                }
            }
        } catch {
            throw ExitCode(LedgerLocation.report(error))
        }

        let items = await collector.reports
        var printed = FeedRunReport(
            feed: feed.id, ledger: ledgerPath, status: dryRun ? "dry-run" : "delivered", itemCount: report.itemCount,
            markedSeen: report.markedSeen, items: items,
            summary: FeedRunReport.summary(items, accounts: accounts.map { ($0.network, $0.account) }))
        printed.newAccounts = report.newAccounts.isEmpty ? nil : report.newAccounts
        switch report.status {
        case .notStarted:
            printed.status = "not-started"
            try output(
                printed, message: Self.firstRunExplanation(feed: feed.id, items: report.itemCount, ledger: ledgerPath),
                warnings: warnings)
            return
        case .markedSeen:
            printed.status = "marked-seen"
            try output(printed, message: dryRun
                ? "Dry run: would record \(report.itemCount) item(s) as seen for \(accounts.count) account(s); nothing written."
                : "Recorded \(report.itemCount) item(s) as seen for \(accounts.count) account(s) (\(report.markedSeen) new entries). From now on only new items are posted.",
                warnings: warnings)
            return
        case .delivered:
            break
        }
        if !dryRun {
            do {
                try await store.keepFeedValidators(FeedFetcher.Validators(etag: etag, lastModified: lastModified), after: report)
            } catch {
                throw ExitCode(LedgerLocation.report(error))
            }
        }
        try output(printed, message: Self.newAccountsExplanation(report, backfill: backfill, since: since), warnings: warnings)
        let status = printed.exitStatus
        if status != 0 { throw ExitCode(status) }
    }

    /// What a run says about accounts new to the feed, or nil when there were none.
    static func newAccountsExplanation(_ report: FeedSyndicator.Report, backfill: Bool, since: String?) -> String? {
        guard !report.newAccounts.isEmpty else { return nil }
        let names = report.newAccounts.joined(separator: ", ")
        if backfill { return "New to this feed: \(names); --backfill posts its current items to them." }
        if let since { return "New to this feed: \(names); items published since \(since) are posted to them." }
        return "New to this feed: \(names); the items the other accounts already have were recorded as seen for them, and new items go to every account (use --backfill to post the earlier ones too)."
    }

    /// Prints `report` (JSON, or `message` and the human report) and the import's warnings
    /// (in the JSON's `warnings` list, or on standard error).
    private func output(_ report: FeedRunReport, message: String?, warnings: [ImportWarning] = []) throws {
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let object = JSONReport(report: report, message: message, warnings: warnings.map(ImportWarningJSON.init))
            print(String(decoding: try encoder.encode(object), as: UTF8.self))
        } else {
            if let message { print(message) }
            if message == nil || report.status == "unchanged" || report.status == "delivered" || report.status == "dry-run" {
                print(report.human, terminator: "")
            }
            ImportWarningJSON.report(warnings, json: false)
        }
    }

    /// The report with an optional `message` field and the import's `warnings`.
    private struct JSONReport: Encodable {
        var report: FeedRunReport
        var message: String?
        var warnings: [ImportWarningJSON]

        func encode(to encoder: any Encoder) throws {
            try report.encode(to: encoder)
            enum Keys: String, CodingKey { case message, warnings }
            var container = encoder.container(keyedBy: Keys.self)
            try container.encodeIfPresent(message, forKey: .message)
            try container.encode(warnings, forKey: .warnings)
        }
    }

    /// What a first run without --mark-seen or --since says.
    static func firstRunExplanation(feed: String, items: Int, ledger: String) -> String {
        """
        Nothing posted: the ledger (\(ledger)) has not seen \(feed) before, and posting its \(items) \
        current item(s) now would flood your followers with old articles. To start from now, run \
        again with --mark-seen: the current items are recorded as seen and only items published \
        later are posted. To announce recent articles too, run with --since DATE (for example \
        --since 2026-01-01): items published on or after DATE are posted, oldest first, and older \
        ones are recorded as seen.
        """
    }
}

/// Gathers the item reports a run's progress callback builds.
actor ReportCollector {
    private(set) var reports: [DeliveryReport] = []

    func append(_ report: DeliveryReport) {
        reports.append(report)
    }
}
