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
            plain text or Syndicate's own JSON. Exits 65 when the input cannot be imported. \
            Feed items that were skipped or needed a title made up are listed on standard error \
            as warnings (with --json, one JSON object a line: {"warning": {"kind", "item", \
            "reference", "message", "input"}}); the exit status is 0 when any post was read.
            """
    )

    @OptionGroup var options: PostInputOptions

    @Flag(help: "Print a JSON array of posts instead of a summary.")
    var json = false

    /// The file to read, or `-`.
    var input: String { options.input }
    /// The input format chosen.
    var format: FormatChoice { options.format }
    /// The base URL given, if any.
    var baseURL: String? { options.baseURL }

    func run() throws {
        let result = try options.importResult()
        if json {
            print(try PostPrinter.json(result.posts))
        } else {
            print(PostPrinter.human(result.posts), terminator: "")
        }
        ImportWarningJSON.report(result.warnings, json: json)
    }
}
