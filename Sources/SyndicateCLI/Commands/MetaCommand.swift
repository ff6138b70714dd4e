import ArgumentParser
import Foundation
import Syndicate

/// `syndicate meta`: prints the Open Graph and Twitter Card tags a post's page should carry.
struct MetaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "meta",
        abstract: "Print the <meta> tags (Open Graph, Twitter Card, fediverse) for each post's page.",
        discussion: """
            Prints HTML for the page's <head>: canonical link, og:*, article:*, twitter:* and \
            fediverse:creator. With several posts (a feed), each block starts with an HTML comment \
            naming the post. Exits 65 when the input cannot be imported.
            """
    )

    @OptionGroup var options: PostInputOptions

    @Option(name: .customLong("site-name"), help: "The site's name, for og:site_name (and removed from titles).")
    var siteName: String?

    @Option(name: .customLong("twitter-site"), help: "The site's X account, for twitter:site.")
    var twitterSite: String?

    @Option(name: .customLong("fediverse-creator"), help: "The author's fediverse account (user@host), for fediverse:creator.")
    var fediverseCreator: String?

    @Option(help: "The page's language as a BCP 47 tag (en-GB); defaults to the post's.")
    var locale: String?

    @Flag(help: "Print a JSON array, one element per post, instead of HTML.")
    var json = false

    func run() throws {
        let posts = try options.posts()
        let pages = posts.map {
            PageMetadata(
                post: $0, siteName: siteName, twitterSite: twitterSite, fediverseCreator: fediverseCreator,
                locale: locale)
        }
        if json {
            let entries = zip(posts, pages).map { Entry(id: $0.id, title: $0.title, tags: $1.tags) }
            print(try MetaCommand.json(entries))
        } else {
            var output = ""
            for (post, page) in zip(posts, pages) {
                if posts.count > 1 {
                    output += "<!-- \(MetaCommand.commentSafe(post.id)) -->\n"
                }
                output += page.html
            }
            print(output, terminator: "")
        }
    }

    /// One post's tags in `--json` output.
    struct Entry: Encodable {
        var id: String
        var title: String
        var tags: [PageMetadata.Tag]
    }

    /// `value` as pretty, key-sorted JSON without escaped slashes.
    static func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// `text` that cannot end an HTML comment early.
    static func commentSafe(_ text: String) -> String {
        text.replacingOccurrences(of: "--", with: "- -").replacingOccurrences(of: ">", with: "&gt;")
    }
}
