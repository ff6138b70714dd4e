import Foundation

/// Fetches feeds over an ``HTTPTransport`` with conditional GETs: the `ETag` and
/// `Last-Modified` of each feed's last answer go back as `If-None-Match` and
/// `If-Modified-Since`, and a `304 Not Modified` comes back as ``Result/notModified``.
///
/// The fetcher remembers the validators per feed URL for as long as it lives; seed it with
/// ``remember(_:for:)`` from what you stored (a ``LedgerFeed`` keeps them across runs) and read
/// the new ones from ``Result/modified(body:contentType:validators:)``.
///
/// ```swift
/// let fetcher = FeedFetcher(transport: CurlTransport())
/// switch try await fetcher.fetch(feedURL) {
/// case .notModified: break   // nothing new since the last fetch
/// case .modified(let body, let contentType, _): handle(body, contentType)
/// }
/// ```
///
/// Only forget validators after content you could not handle: call ``forget(_:)`` then, or
/// the next fetch may answer ``Result/notModified`` for items that were never handled.
public actor FeedFetcher {
    /// What a server gave to recognise a version of a feed.
    public struct Validators: Sendable, Equatable, Hashable, Codable {
        /// The `ETag`, sent back as `If-None-Match`.
        public var etag: String?
        /// The `Last-Modified`, sent back as `If-Modified-Since`.
        public var lastModified: String?

        /// Creates validators.
        public init(etag: String? = nil, lastModified: String? = nil) {
            self.etag = etag
            self.lastModified = lastModified
        }

        /// Whether there is neither an `ETag` nor a `Last-Modified`.
        public var isEmpty: Bool { etag == nil && lastModified == nil }
    }

    /// What a fetch brought.
    public enum Result: Sendable, Equatable {
        /// `304 Not Modified`: the feed has not changed since the validators were given.
        case notModified
        /// The feed's bytes, its `Content-Type` (whose charset, if any, should decide the
        /// encoding) and its new validators (now remembered).
        case modified(body: Data, contentType: String?, validators: Validators)
    }

    /// Why a feed could not be fetched.
    public struct Failure: Error, Sendable, Equatable, CustomStringConvertible {
        /// The feed's URL.
        public var url: URL
        /// The HTTP status of an answer that was neither a success nor 304; nil when no answer
        /// came (the transport failed).
        public var status: Int?
        /// What the transport reported, when it failed.
        public var transportError: String?

        /// Creates a failure.
        public init(url: URL, status: Int?, transportError: String?) {
            self.url = url
            self.status = status
            self.transportError = transportError
        }

        /// Whether a later fetch may succeed: no answer, 429 or a 5xx.
        public var isRetryable: Bool {
            guard let status else { return true }
            return status == 429 || status >= 500
        }

        /// `https://… : the feed answered HTTP 404` or `…: the feed could not be fetched (…)`;
        /// the address with any password and secret query parameters redacted.
        public var description: String {
            let shown = Redactor(secrets: []).redact(url: url)
            if let status { return "\(shown): the feed answered HTTP \(status)" }
            return "\(shown): the feed could not be fetched (\(transportError ?? "no answer"))"
        }
    }

    /// The media types a feed request accepts.
    public static let acceptedTypes =
        "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, */*;q=0.8"

    /// Sends the requests.
    public nonisolated let transport: any HTTPTransport
    /// The `User-Agent` each request carries.
    public nonisolated let userAgent: String
    private var known: [URL: Validators] = [:]

    /// Creates a fetcher.
    ///
    /// - Parameters:
    ///   - transport: What sends the requests.
    ///   - userAgent: The `User-Agent` header.
    public init(transport: any HTTPTransport, userAgent: String = "Syndicate") {
        self.transport = transport
        self.userAgent = userAgent
    }

    /// The validators remembered for `url`, nil when none.
    public func validators(for url: URL) -> Validators? {
        known[url]
    }

    /// Remembers `validators` for `url` (from an earlier run), to send with its next fetch;
    /// empty validators forget.
    public func remember(_ validators: Validators, for url: URL) {
        known[url] = validators.isEmpty ? nil : validators
    }

    /// Forgets the validators of `url`: its next fetch is unconditional.
    public func forget(_ url: URL) {
        known[url] = nil
    }

    /// Fetches `url`, conditionally when validators are remembered for it, and remembers the
    /// validators of a new answer.
    ///
    /// - Throws: ``Failure`` when no answer came or the answer was neither a success nor 304.
    public func fetch(_ url: URL) async throws(Failure) -> Result {
        var headers: HTTPHeaders = ["Accept": Self.acceptedTypes, "User-Agent": userAgent]
        if let etag = known[url]?.etag { headers["If-None-Match"] = etag }
        if let lastModified = known[url]?.lastModified { headers["If-Modified-Since"] = lastModified }
        let response: HTTPResponse
        do {
            response = try await transport.send(HTTPRequest(method: .get, url: url, headers: headers))
        } catch {
            throw Failure(url: url, status: nil, transportError: "\(error)")
        }
        // A 304 answers only a conditional request; to an unconditional one it is a broken
        // server or proxy, and taking it as "unchanged" would hide the feed on every run.
        if response.status == 304 {
            guard known[url] != nil else { throw Failure(url: url, status: 304, transportError: nil) }
            return .notModified
        }
        guard response.isSuccess else { throw Failure(url: url, status: response.status, transportError: nil) }
        let validators = Validators(etag: response.headers["ETag"], lastModified: response.headers["Last-Modified"])
        remember(validators, for: url)
        return .modified(body: response.body, contentType: response.headers["Content-Type"], validators: validators)
    }
}
