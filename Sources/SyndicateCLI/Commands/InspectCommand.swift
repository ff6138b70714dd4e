import ArgumentParser
import Foundation
import Syndicate
import SyndicateImport

/// `syndicate inspect`: shows the posts Syndicate reads from a file, as a person or as JSON.
struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Import a post, page or feed and show what Syndicate understood.",
        discussion: """
            Reads Markdown with front matter, an HTML article page, RSS 2.0/1.0, Atom, JSON Feed, \
            plain text or Syndicate's own JSON. Exits 65 when the input cannot be imported.
            """
    )

    @Argument(help: "The file to read, or - for standard input.")
    var input: String

    @Option(help: "The input format: auto, \(ImportFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: FormatChoice = .auto

    @Option(name: .customLong("base-url"), help: "The URL relative links resolve against.")
    var baseURL: String?

    @Flag(help: "Print a JSON array of posts instead of a summary.")
    var json = false

    func validate() throws {
        if let baseURL, URL(string: baseURL)?.scheme == nil {
            throw ValidationError("--base-url '\(baseURL)' is not an absolute URL; give one such as https://example.com/news/.")
        }
    }

    func run() throws {
        let context = ImportContext(inputName: input, baseURL: baseURL.flatMap(URL.init(string:)))
        let posts: [Post]
        do {
            let data = try InputReader.read(input, limits: context.limits)
            posts = try PostImport.posts(from: data, format: format.format, context: context)
        } catch {
            FileHandle.standardError.write(Data("syndicate: \(error)\n".utf8))
            throw ExitCode(65)
        }
        if json {
            print(try PostPrinter.json(posts))
        } else {
            print(PostPrinter.human(posts), terminator: "")
        }
    }
}

/// `--format` values: a format, or `auto` to sniff it.
enum FormatChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, markdown, html, rss, atom, jsonfeed, text, json

    var format: ImportFormat? { ImportFormat(rawValue: rawValue) }
}
