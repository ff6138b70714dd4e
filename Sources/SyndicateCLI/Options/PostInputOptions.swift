import ArgumentParser
import Foundation
import Syndicate
import SyndicateImport

/// The input every post-reading command takes: a file or `-`, its format, a base URL, and
/// overrides for what the input lacks (a plain-text post has no URL, title line or tags).
struct PostInputOptions: ParsableArguments {
    @Argument(help: "The file to read, or - for standard input.")
    var input: String

    @Option(help: "The input format: auto, \(ImportFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: FormatChoice = .auto

    @Option(name: .customLong("base-url"), help: "The URL relative links resolve against.")
    var baseURL: String?

    @Option(
        help: """
            The post's canonical URL (the link every network gets), for an input that has none, \
            such as plain text, or to replace the one it gives. One post only.
            """)
    var url: String?

    @Option(help: "The post's title, replacing the imported one. One post only.")
    var title: String?

    @Option(
        name: .customLong("tag"),
        help: "A tag for the post (repeat for several); replaces the imported tags. Tags become hashtags.")
    var tags: [String] = []

    func validate() throws {
        if let baseURL, URL(string: baseURL)?.scheme == nil {
            throw ValidationError("--base-url '\(baseURL)' is not an absolute URL; give one such as https://example.com/news/.")
        }
        if let url, Self.webURL(url) == nil {
            throw ValidationError("--url '\(url)' is not an absolute http(s) URL; give one such as https://example.com/news/1.")
        }
        if let title, title.allSatisfy(\.isWhitespace) {
            throw ValidationError("--title is empty; give the headline, or leave --title out to keep the imported one.")
        }
        if tags.contains(where: { $0.allSatisfy(\.isWhitespace) }) {
            throw ValidationError("--tag is empty; give a word or phrase such as --tag Ofsted.")
        }
    }

    /// Reads and imports the input and applies the overrides; the importer's warnings (a feed
    /// item skipped, a title made up) go to standard error. On failure prints the error and
    /// exits 65.
    func posts() throws -> [Post] {
        let result = try importResult()
        ImportWarningJSON.report(result.warnings, json: false)
        return result.posts
    }

    /// The posts of the input, overrides applied, with the importer's warnings; on failure
    /// prints the error to standard error and exits 65.
    func importResult() throws -> ImportResult {
        let isFile = input != "-" && URL(string: input)?.scheme.map { $0.count > 1 } != true
        let context = ImportContext(
            inputName: input, baseURL: baseURL.flatMap(URL.init(string:)),
            sourceFile: isFile ? URL(fileURLWithPath: input) : nil)
        var result: ImportResult
        do {
            let data = try InputReader.read(input, limits: context.limits)
            let chosen = format.format ?? ImportFormat.sniff(data, fileName: context.inputName)
            result = try PostImport.importer(for: chosen).importResult(from: data, context: context)
        } catch {
            FileHandle.standardError.write(Data("syndicate: \(ImportAdvice.translating("\(error)"))\n".utf8))
            throw ExitCode(65)
        }
        if result.posts.count > 1, url != nil || title != nil {
            FileHandle.standardError.write(
                Data(
                    "syndicate: \(input) holds \(result.posts.count) posts, and --url and --title name one post's; leave them out, or give a file with one post.\n"
                        .utf8))
            throw ExitCode.validationFailure
        }
        result.posts = result.posts.map(overridden)
        return result
    }

    /// `post` with `--url`, `--title` and `--tag` applied. A post identified by its old URL, or
    /// by a digest because it had none, takes the new URL as its id (a feed's guid stays).
    func overridden(_ post: Post) -> Post {
        var post = post
        if let url, let address = Self.webURL(url) {
            if post.url == nil || post.id == post.url?.absoluteString {
                post.id = address.absoluteString
            }
            post.url = address
        }
        if let title { post.title = title.trimmingCharacters(in: .whitespacesAndNewlines) }
        if !tags.isEmpty { post.tags = tags }
        return post
    }

    /// `text` as an absolute http or https URL, or nil.
    static func webURL(_ text: String) -> URL? {
        guard let url = URL(string: text.trimmingCharacters(in: .whitespaces)),
            let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https", url.host?.isEmpty == false
        else { return nil }
        return url
    }
}

/// `--format` values: a format, or `auto` to sniff it.
enum FormatChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, markdown, html, rss, atom, jsonfeed, text, json

    var format: ImportFormat? { ImportFormat(rawValue: rawValue) }
}
