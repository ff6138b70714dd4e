import ArgumentParser
import Foundation
import Syndicate
import SyndicateImport

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
            "parts"}]}. Exits 65 when the input cannot be imported or a payload cannot be composed.
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
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(previews), as: UTF8.self))
        } else {
            print(Self.human(previews), terminator: "")
        }
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
