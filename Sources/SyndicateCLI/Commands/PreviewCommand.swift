import ArgumentParser
import Foundation
import Syndicate
import SyndicateImport
import SyndicatePreview

/// `syndicate preview`: shows the payload Syndicate would post on each network for each post.
struct PreviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "preview",
        abstract: "Show what would be posted on each network, counted against each limit.",
        discussion: """
            Imports the posts of a file (as `inspect` does) and composes each network's payload. \
            Nothing is sent. The human output shows each text as it will read, with its count \
            against the network's limit and any warnings (what was cut or left out, and why). \
            --json prints a JSON array, one element per post: \
            {"id","title","payloads":[{"network","text","length","limit","link","hashtags",\
            "images","warnings", and network-specific keys such as "facets","embed","topicTag",\
            "linkAttachment","commentary","article","message","parseMode","allowedMentions",\
            "parts"}]}. --html OUT.html writes one self-contained HTML page instead (--html - prints \
            it), a card per network drawn as the network shows it; the cards' names and handles \
            come from each account's DISPLAY_NAME and HANDLE settings (--config, or \
            SYNDICATE_<NETWORK>_DISPLAY_NAME / _HANDLE), else placeholders. Exits 65 when the input \
            cannot be imported or a payload cannot be composed, 73 when the page cannot be written.
            """
    )

    @OptionGroup var input: PostInputOptions

    @Option(help: "Networks, comma-separated: \(PreviewCommand.networkNames). Default: all.")
    var to: String?

    @Flag(help: "Split long posts into numbered threads on X, Mastodon and Bluesky.")
    var thread = false

    @Flag(name: .customLong("no-tracking"), help: "Post the canonical URL without UTM parameters.")
    var noTracking = false

    @Flag(help: "Print a JSON array instead of the human preview.")
    var json = false

    @Option(name: .customLong("html"), help: ArgumentHelp("Write an HTML preview page to this file (- for standard output).", valueName: "file"))
    var html: String?

    @Option(help: "A config file (YAML or JSON) whose accounts' DISPLAY_NAME and HANDLE name the --html cards.")
    var config: String?

    @OptionGroup var images: ImageOptions

    /// The accepted network names, for help and errors.
    static let networkNames = SocialNetwork.allCases.map(\.rawValue).joined(separator: ", ")

    /// The networks `--to` names, in the order given, without repeats; all when absent.
    static func networks(_ list: String?) throws -> [SocialNetwork] {
        guard let list else { return SocialNetwork.allCases }
        var result: [SocialNetwork] = []
        for name in list.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !name.isEmpty {
            guard let network = SocialNetwork(name: name) else {
                throw ValidationError("Unknown network '\(name)' in --to. Use one or more of: \(networkNames), separated by commas.")
            }
            if !result.contains(network) { result.append(network) }
        }
        guard !result.isEmpty else {
            throw ValidationError("--to names no network. Use one or more of: \(networkNames), separated by commas.")
        }
        return result
    }

    func validate() throws {
        _ = try Self.networks(to)
        if html != nil, json { throw ValidationError("--html writes a page and --json prints JSON; use one.") }
        if html == "" { throw ValidationError("--html needs a file name, or - for standard output.") }
        if config != nil, html == nil { throw ValidationError("--config names the --html cards' accounts; it has no use without --html.") }
    }

    func run() throws {
        let networks = try Self.networks(to)
        let composer = Composer(
            configuration: ComposerConfiguration(linkTracking: noTracking ? .none : .default, threading: thread, images: images.policy))
        let posts = try input.posts()
        var previews: [Preview] = []
        do {
            for post in posts {
                previews.append(Preview(id: post.id, title: post.title, payloads: try composer.payloads(for: post, on: networks)))
            }
        } catch {
            FileHandle.standardError.write(Data("syndicate: \(error)\n".utf8))
            throw ExitCode(65)
        }
        if let html {
            try writePage(to: html, posts: posts, previews: previews, networks: networks)
        } else if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(previews), as: UTF8.self))
        } else {
            print(Self.human(previews), terminator: "")
        }
    }

    /// Renders the page for `--html` and writes it to `path` (`-`: standard output), saying where
    /// on standard error.
    func writePage(to path: String, posts: [Post], previews: [Preview], networks: [SocialNetwork]) throws {
        let accounts: [PreviewAccount]
        do {
            let configFile = try config.map { path throws(ConfigFile.Problem) in try ConfigFile.load(path: path, unsetVariablesAreEmpty: true) }
            accounts = try Self.accounts(
                AccountTargets.settings(for: networks.map { AccountTargets.Entry(network: $0, account: nil) }, config: configFile))
        } catch let problem as ConfigFile.Problem {
            FileHandle.standardError.write(Data("syndicate: \(problem)\n".utf8))
            throw ExitCode(78)  // EX_CONFIG
        }
        let page = PreviewRenderer(accounts: accounts).page(
            zip(posts, previews).map { PostPreview(post: $0.0, payloads: $0.1.payloads) })
        if path == "-" {
            print(page, terminator: "")
            return
        }
        do {
            try Data(page.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            FileHandle.standardError.write(Data("syndicate: \(path): the page cannot be written (\(error.localizedDescription)).\n".utf8))
            throw ExitCode(73)  // EX_CANTCREAT
        }
        FileHandle.standardError.write(Data("Wrote the preview to \(path)\n".utf8))
    }

    /// The card header of each account that has a `DISPLAY_NAME` or `HANDLE` setting (the first
    /// per network); a handle without `@` gets one.
    static func accounts(_ settings: [AccountSettings]) -> [PreviewAccount] {
        var result: [PreviewAccount] = []
        for account in settings where !result.contains(where: { $0.network == account.network }) {
            let name = account.value("DISPLAY_NAME")
            let handle = account.value("HANDLE")
            guard name != nil || handle != nil else { continue }
            result.append(
                PreviewAccount(
                    network: account.network, displayName: name ?? account.network.displayName,
                    handle: handle.map { $0.hasPrefix("@") ? $0 : "@" + $0 } ?? "@your-account"))
        }
        return result
    }

    /// One post's payloads, as `--json` prints them.
    struct Preview: Encodable {
        var id: String
        var title: String
        var payloads: [SharePayload]
    }

    /// Each payload as it will read, with its count against its limit.
    static func human(_ previews: [Preview]) -> String {
        var output = ""
        for (number, preview) in previews.enumerated() {
            if previews.count > 1 { output += "Post \(number + 1) of \(previews.count): " }
            output += "\(preview.title)\n\n"
            for payload in preview.payloads {
                output += "── \(payload.network.displayName) · \(payload.length)/\(payload.limit) ──\n"
                if let parts = payload.parts {
                    for part in parts {
                        output += "[\(part.index)/\(parts.count) · \(part.length)/\(payload.limit)]\n\(part.text)\n"
                    }
                } else {
                    output += payload.text + "\n"
                }
                if let topicTag = payload.topicTag { output += "  topic tag: \(topicTag)\n" }
                if let attachment = payload.linkAttachment { output += "  link attachment: \(attachment.absoluteString)\n" }
                if let embed = payload.embed { output += "  card: \(embed.external.title) — \(embed.external.uri.absoluteString)\n" }
                if let article = payload.article { output += "  article: \(article.title) — \(article.source.absoluteString)\n" }
                if payload.network == .facebook, let link = payload.link { output += "  link: \(link.absoluteString)\n" }
                for (index, image) in payload.images.enumerated() {
                    let name = image.url.isFileURL ? image.url.path : image.url.absoluteString
                    let alt = image.alt.map { "alt “\($0)”" } ?? "no alt text"
                    output += "  image \(index + 1)/\(payload.images.count): \(name) — \(alt)\n"
                }
                for warning in payload.warnings { output += "  ! \(warning.message)\n" }
                output += "\n"
            }
        }
        return output
    }
}
