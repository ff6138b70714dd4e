import Foundation
import Syndicate
import SyndicateImport

/// The feed a `syndicate feed` run reads: a URL fetched by the library's ``FeedFetcher``
/// (conditionally, with the validators the ledger kept) or a file.
struct FeedSource {
    /// What the fetch brought.
    enum Fetched {
        /// The feed's items, the warnings about items skipped or untitled, and the validators
        /// to keep for next time.
        case posts([Post], warnings: [ImportWarning], etag: String?, lastModified: String?)
        /// 304 Not Modified: the feed has not changed since the validators were kept.
        case unchanged
    }

    /// Why the feed could not be read.
    struct Problem: Error, CustomStringConvertible {
        var description: String
        /// 75 when a later run may succeed (5xx, 429, network), 65 for a feed that is not one,
        /// 1 otherwise.
        var status: Int32
    }

    /// The argument as given.
    var argument: String
    /// The URL, for an http(s) argument.
    var url: URL?

    init(_ argument: String) {
        self.argument = argument
        if let url = URL(string: argument), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
            url.host != nil
        {
            self.url = url
        }
    }

    /// The feed's id in the ledger: the URL, or the file's absolute path.
    var id: String {
        if let url { return url.absoluteString }
        return URL(fileURLWithPath: argument).standardizedFileURL.path
    }

    /// Reads the feed; for a URL, sends `If-None-Match` / `If-Modified-Since` from `known`.
    func fetch(transport: any HTTPTransport, known: LedgerFeed?) async throws(Problem) -> Fetched {
        try await fetch(transport: transport, validators: known.map { FeedFetcher.Validators(etag: $0.etag, lastModified: $0.lastModified) })
    }

    /// Reads the feed; for a URL, sends `validators` as `If-None-Match` / `If-Modified-Since`.
    func fetch(transport: any HTTPTransport, validators: FeedFetcher.Validators?) async throws(Problem) -> Fetched {
        guard let url else {
            let data: Data
            do {
                data = try Data(contentsOf: URL(fileURLWithPath: argument))
            } catch {
                throw Problem(description: "\(argument): the feed file cannot be read (\(error.localizedDescription)); check the path.", status: 1)
            }
            let result = try parse(data, baseURL: nil, contentType: nil)
            return .posts(result.posts, warnings: result.warnings, etag: nil, lastModified: nil)
        }
        let fetcher = FeedFetcher(transport: transport, userAgent: "syndicate/0.1.0")
        if let validators { await fetcher.remember(validators, for: url) }
        let fetched: FeedFetcher.Result
        do {
            fetched = try await fetcher.fetch(url)
        } catch {
            let shown = Redactor(secrets: []).redact(url: url)
            if let status = error.status {
                throw Problem(
                    description: "\(shown): the feed answered HTTP \(status); \(error.isRetryable ? "run again later" : "check the address").",
                    status: error.isRetryable ? 75 : 1)
            }
            throw Problem(
                description: "\(shown): the feed could not be fetched (\(error.transportError ?? "no answer")); check the address and the connection, then run again.",
                status: 75)
        }
        guard case .modified(let body, let contentType, let validators) = fetched else { return .unchanged }
        let result = try parse(body, baseURL: url, contentType: contentType)
        return .posts(result.posts, warnings: result.warnings, etag: validators.etag, lastModified: validators.lastModified)
    }

    /// The feed's posts and warnings; the `Content-Type` header's charset, if any, decides the
    /// encoding over the document's own declaration.
    private func parse(_ data: Data, baseURL: URL?, contentType: String?) throws(Problem) -> ImportResult {
        let name = url.map(\.lastPathComponent).flatMap { $0.isEmpty ? nil : $0 } ?? argument
        let format = ImportFormat.sniff(data, fileName: name)
        guard [.rss, .atom, .jsonfeed].contains(format) else {
            throw Problem(description: "\(argument): this is not an RSS, Atom or JSON feed (it reads as \(format.rawValue)).", status: 65)
        }
        do {
            let context = ImportContext(
                inputName: argument, baseURL: baseURL,
                declaredCharset: contentType.flatMap(ImportContext.charset(inContentType:)))
            return try PostImport.importer(for: format).importResult(from: data, context: context)
        } catch {
            throw Problem(description: ImportAdvice.translating("\(error)"), status: 65)
        }
    }
}
