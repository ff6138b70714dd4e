import ArgumentParser
import Foundation
import Syndicate
import SyndicateLedger

/// `syndicate ledger`: shows and repairs the record of what was posted where.
struct LedgerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ledger",
        abstract: "See and repair the ledger of what was posted where.",
        discussion: """
            Each entry is one post on one account: pending (a run is sending it, or died doing so), \
            posted, already-posted, failed (retried by the next run), uncertain (may or may not have \
            been posted: check the account, then forget it to post again) or seen (recorded without \
            posting by --mark-seen or --since). `mark` records a post that is already on an account \
            (posted by hand, or by another tool) so that no run posts it again.
            """,
        subcommands: [List.self, Mark.self, Forget.self, Export.self]
    )

    /// `--ledger` and `--config`, shared by the subcommands.
    struct Location: ParsableArguments {
        @Option(help: "The ledger file (default: 'ledger:' in --config, else ~/.syndicate/ledger.sqlite).")
        var ledger: String?

        @Option(help: "A YAML or JSON config file whose 'ledger:' names the ledger.")
        var config: String?

        /// The path, tilde expanded.
        func path() throws -> String {
            LedgerLocation.path(option: ledger, config: try LedgerLocation.config(config))
        }

        /// The ledger at the path, nil when there is no file (none is created).
        func open(readOnly: Bool) throws -> (SQLiteLedger?, String) {
            let path = try path()
            do {
                return (try SQLiteLedger.existing(path: path, configuration: .init(readOnly: readOnly)), path)
            } catch {
                throw ExitCode(LedgerLocation.report(error))
            }
        }
    }

    /// `syndicate ledger list`.
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "List the entries, oldest first.")

        @OptionGroup var location: Location

        @Option(help: "Only the entries of this feed (its URL or file path).")
        var feed: String?

        func run() async throws {
            let (ledger, path) = try location.open(readOnly: true)
            guard let ledger else {
                print("No ledger at \(path) yet: nothing has been recorded.")
                return
            }
            let entries: [LedgerEntry]
            do {
                entries = try await ledger.entries(postID: nil, feed: feed.map { FeedSource($0).id })
            } catch {
                throw ExitCode(LedgerLocation.report(error))
            }
            print(Self.text(entries, path: path), terminator: "")
        }

        /// One line per entry, then the counts by state.
        static func text(_ entries: [LedgerEntry], path: String) -> String {
            guard !entries.isEmpty else { return "The ledger \(path) has no entries.\n" }
            let formatter = ISO8601DateFormatter()
            var output = ""
            for entry in entries {
                var line = "\(entry.state.rawValue.padding(toLength: 14, withPad: " ", startingAt: 0)) "
                    + "\(entry.network.rawValue):\(entry.account)  \(entry.postID)"
                if let title = entry.title { line += "  \"\(title)\"" }
                line += "  \(formatter.string(from: entry.updatedAt))"
                if let url = entry.url ?? entry.remoteID.flatMap(URL.init(string:)) { line += "  \(url.absoluteString)" }
                if entry.state == .pending, let owner = entry.owner { line += "  (claimed by \(owner))" }
                output += line + "\n"
                if let error = entry.error, entry.state == .failed || entry.state == .uncertain {
                    output += "    \(LedgerAdvice.translating(error, for: entry.key))\n"
                }
            }
            let counts = LedgerEntry.State.allCases.compactMap { state -> String? in
                let count = entries.filter { $0.state == state }.count
                return count == 0 ? nil : "\(count) \(state.rawValue)"
            }
            return output + "\(entries.count) entries: \(counts.joined(separator: ", "))\n"
        }
    }

    /// `syndicate ledger mark <post-id> --to …`.
    struct Mark: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "mark",
            abstract: "Record a post as already on the accounts --to names, so that no run posts it there.",
            discussion: """
                For a post that is already there (posted by hand or by another tool), or an uncertain \
                entry you have checked. An entry already posted keeps what it recorded; a pending one \
                (a run is sending it) is left alone and reported.
                """)

        @Argument(help: "The post's id: its feed guid, else its URL (as `syndicate inspect` shows it).")
        var postID: String

        @Option(help: "Networks or network:account, comma-separated (a network alone means its 'default' account).")
        var to: String

        @Option(name: .customLong("remote-id"), help: "The network's id of the existing copy, if you know it.")
        var remoteID: String?

        @Option(help: "The existing copy's web address, if you know it.")
        var url: String?

        @Option(help: "The feed the post belongs to (its URL or file path), so that feed runs count it.")
        var feed: String?

        @OptionGroup var location: Location

        func validate() throws {
            _ = try AccountTargets.entries(to)
            if postID.allSatisfy(\.isWhitespace) { throw ValidationError("The post id is empty; give it as `syndicate ledger list` or `inspect` shows it.") }
            if let url, PostInputOptions.webURL(url) == nil {
                throw ValidationError("--url '\(url)' is not an absolute http(s) URL; give the copy's address, such as https://mastodon.social/@school/1.")
            }
        }

        func run() async throws {
            let path = try location.path()
            let ledger: SQLiteLedger
            do {
                ledger = try SQLiteLedger(path: path)
            } catch {
                throw ExitCode(LedgerLocation.report(error))
            }
            let now = CommandClock.now()
            let copy = url.flatMap(PostInputOptions.webURL)
            let feedID = feed.map { FeedSource($0).id }
            var lines: [String] = []
            var busy = false
            do {
                for target in try AccountTargets.entries(to) {
                    let account = target.account ?? "default"
                    let key = LedgerEntry.Key(postID: postID, network: target.network, account: account)
                    let name = "\(target.network.rawValue):\(account)"
                    let line = try await ledger.update(key) { entry -> String in
                        switch entry?.state {
                        case .posted?, .alreadyPosted?:
                            return "\(name): already recorded as \(entry?.state.rawValue ?? ""); unchanged"
                        case .pending?:
                            return "\(name): a run is sending it now; not marked (run again once it ends)"
                        default:
                            var marked = entry ?? LedgerEntry(key: key, state: .alreadyPosted, createdAt: now)
                            // A deleted copy, or another copy than the one recorded: what the
                            // entry says about the old one no longer applies.
                            if marked.state == .retracted || marked.state == .repostPending
                                || (remoteID != nil && remoteID != marked.remoteID)
                            {
                                (marked.remoteID, marked.url, marked.partIDs, marked.mediaIDs) = (nil, nil, [], [])
                                (marked.postedText, marked.payloadHash) = (nil, nil)
                            }
                            marked.state = .alreadyPosted
                            marked.remoteID = remoteID ?? marked.remoteID
                            marked.url = copy ?? marked.url
                            marked.feed = marked.feed ?? feedID
                            marked.error = nil
                            marked.errorCategory = nil
                            marked.owner = nil
                            marked.updatedAt = now
                            entry = marked
                            return "\(name): marked already-posted"
                        }
                    }
                    busy = busy || line.hasSuffix("(run again once it ends)")
                    lines.append(line)
                }
            } catch let error as LedgerError {
                throw ExitCode(LedgerLocation.report(error))
            }
            print("'\(postID)' in \(path):")
            for line in lines { print("  " + line) }
            if busy { throw ExitCode(75) }
        }
    }

    /// `syndicate ledger forget <post-id>`.
    struct Forget: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "forget",
            abstract: "Remove a post's entries so that the next run posts it again.",
            discussion: "Use it for an uncertain entry after checking that the account does not have the post, or to post an item again on purpose.")

        @Argument(help: "The post's id, as `syndicate ledger list` shows it.")
        var postID: String

        @Option(help: "Only these accounts: networks or network:account, comma-separated (default: every account).")
        var to: String?

        @OptionGroup var location: Location

        func validate() throws {
            if let to { _ = try AccountTargets.entries(to) }
        }

        func run() async throws {
            let (ledger, path) = try location.open(readOnly: false)
            guard let ledger else {
                FileHandle.standardError.write(Data("syndicate: there is no ledger at \(path), so there is nothing to forget; check --ledger.\n".utf8))
                throw ExitCode(1)
            }
            var removed = 0
            do {
                if let to {
                    for target in try AccountTargets.entries(to) {
                        removed += try await ledger.forget(postID: postID, network: target.network, account: target.account)
                    }
                } else {
                    removed = try await ledger.forget(postID: postID, network: nil, account: nil)
                }
            } catch let error as LedgerError {
                throw ExitCode(LedgerLocation.report(error))
            }
            guard removed > 0 else {
                FileHandle.standardError.write(Data("syndicate: the ledger \(path) has no entry for '\(postID)'\(to.map { " on \($0)" } ?? ""); see `syndicate ledger list`.\n".utf8))
                throw ExitCode(1)
            }
            print("Forgot \(removed) entr\(removed == 1 ? "y" : "ies") of '\(postID)': the next run posts it again.")
        }
    }

    /// `syndicate ledger export --json`.
    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Print every entry as a JSON array (dates ISO 8601).")

        @Flag(help: "JSON (the only format; accepted for clarity).")
        var json = false

        @OptionGroup var location: Location

        func run() async throws {
            let (ledger, _) = try location.open(readOnly: true)
            let entries: [LedgerEntry]
            do {
                entries = try await ledger?.entries() ?? []
            } catch {
                throw ExitCode(LedgerLocation.report(error))
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            encoder.dateEncodingStrategy = .iso8601
            print(String(decoding: try encoder.encode(entries), as: UTF8.self))
        }
    }
}
