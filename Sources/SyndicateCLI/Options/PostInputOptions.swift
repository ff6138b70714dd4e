import ArgumentParser
import Foundation
import Syndicate
import SyndicateImport

/// The input every post-reading command takes: a file or `-`, its format and a base URL.
struct PostInputOptions: ParsableArguments {
    @Argument(help: "The file to read, or - for standard input.")
    var input: String

    @Option(help: "The input format: auto, \(ImportFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: FormatChoice = .auto

    @Option(name: .customLong("base-url"), help: "The URL relative links resolve against.")
    var baseURL: String?

    func validate() throws {
        if let baseURL, URL(string: baseURL)?.scheme == nil {
            throw ValidationError("--base-url '\(baseURL)' is not an absolute URL; give one such as https://example.com/news/.")
        }
    }

    /// Reads and imports the input; on failure prints the error to standard error and exits 65.
    func posts() throws -> [Post] {
        let context = ImportContext(inputName: input, baseURL: baseURL.flatMap(URL.init(string:)))
        do {
            let data = try InputReader.read(input, limits: context.limits)
            return try PostImport.posts(from: data, format: format.format, context: context)
        } catch {
            FileHandle.standardError.write(Data("syndicate: \(error)\n".utf8))
            throw ExitCode(65)
        }
    }
}

/// `--format` values: a format, or `auto` to sniff it.
enum FormatChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, markdown, html, rss, atom, jsonfeed, text, json

    var format: ImportFormat? { ImportFormat(rawValue: rawValue) }
}
