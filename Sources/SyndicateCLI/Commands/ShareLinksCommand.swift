import ArgumentParser
import Foundation
import Syndicate

/// `syndicate share-links`: prints share-intent URLs for each post.
struct ShareLinksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "share-links",
        abstract: "Print share-intent links for each post, on every network that has them.",
        discussion: """
            Links carry UTM parameters (utm_source=<network>, utm_medium=social, \
            utm_campaign=syndicate) unless --no-tracking is given. Mastodon needs --mastodon-instance. \
            Exits 65 when the input cannot be imported.
            """
    )

    @OptionGroup var options: PostInputOptions

    @Option(name: .customLong("mastodon-instance"), help: "The Mastodon server whose share page to link (mastodon.social).")
    var mastodonInstance: String?

    @Option(help: "The utm_campaign value.")
    var campaign: String = "syndicate"

    @Flag(name: .customLong("no-tracking"), help: "Link the canonical URL without UTM parameters.")
    var noTracking = false

    @Flag(help: "Print a JSON array, one element per post, instead of a list.")
    var json = false

    func validate() throws {
        if let mastodonInstance, ShareLinks.instanceHost(from: mastodonInstance) == nil {
            throw ValidationError(
                "--mastodon-instance '\(mastodonInstance)' is not a server name; give a host such as mastodon.social.")
        }
    }

    func run() throws {
        let posts = try options.posts()
        let tracking = noTracking ? LinkTracking.none : LinkTracking.utm(campaign: campaign)
        let shares = posts.map { ShareLinks(post: $0, tracking: tracking, mastodonInstance: mastodonInstance) }
        if json {
            let entries = zip(posts, shares).map {
                Entry(id: $0.id, title: $0.title, links: $1.links, omitted: $1.omitted)
            }
            print(try MetaCommand.json(entries))
        } else {
            var output = ""
            for (number, (post, share)) in zip(posts, shares).enumerated() {
                if posts.count > 1 { output += "Post \(number + 1) of \(posts.count)\n" }
                output += "  \(post.title.isEmpty ? post.id : post.title)\n"
                for network in ShareLinks.networks {
                    let label = network.displayName.padding(toLength: 9, withPad: " ", startingAt: 0)
                    if let url = share.url(for: network) {
                        output += "  \(label) \(url.absoluteString)\n"
                    } else if let omission = share.omitted.first(where: { $0.network == network }) {
                        output += "  \(label) — \(omission.reason)\n"
                    }
                }
                output += "\n"
            }
            print(output, terminator: "")
        }
    }

    /// One post's intents in `--json` output.
    struct Entry: Encodable {
        var id: String
        var title: String
        var links: [ShareLinks.Link]
        var omitted: [ShareLinks.Omission]
    }
}
