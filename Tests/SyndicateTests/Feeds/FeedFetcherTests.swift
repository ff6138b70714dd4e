import Foundation
import Syndicate
import Testing

@Suite struct FeedFetcherTests {
    let url = URL(string: "https://school.example/feed.xml")!
    let rss = Data("<rss version=\"2.0\"><channel><title>News</title></channel></rss>".utf8)

    /// A server whose feed is `version`: 304 to a request that names it, the feed otherwise.
    func server(version: @escaping @Sendable () -> String, body: Data) -> DryRunTransport {
        DryRunTransport { request in
            if request.headers["If-None-Match"] == version() { return HTTPResponse(status: 304) }
            return HTTPResponse(
                status: 200,
                headers: ["ETag": version(), "Last-Modified": "Sun, 29 Nov 2026 06:00:00 GMT", "Content-Type": "application/rss+xml; charset=utf-8"],
                body: body)
        }
    }

    @Test func aFirstFetchIsUnconditionalAndRemembersTheValidators() async throws {
        let transport = server(version: { "\"v1\"" }, body: rss)
        let fetcher = FeedFetcher(transport: transport, userAgent: "test/1")
        let result = try await fetcher.fetch(url)
        let validators = FeedFetcher.Validators(etag: "\"v1\"", lastModified: "Sun, 29 Nov 2026 06:00:00 GMT")
        #expect(result == .modified(body: rss, contentType: "application/rss+xml; charset=utf-8", validators: validators))
        #expect(await fetcher.validators(for: url) == validators)
        let request = try #require(await transport.requests.first)
        #expect(request.method == .get)
        #expect(request.url == url)
        #expect(request.headers["If-None-Match"] == nil)
        #expect(request.headers["If-Modified-Since"] == nil)
        #expect(request.headers["User-Agent"] == "test/1")
        #expect(request.headers["Accept"] == FeedFetcher.acceptedTypes)
    }

    @Test func anUnchangedFeedAnswers304ToTheValidatorsSentBack() async throws {
        let transport = server(version: { "\"v1\"" }, body: rss)
        let fetcher = FeedFetcher(transport: transport)
        _ = try await fetcher.fetch(url)
        #expect(try await fetcher.fetch(url) == .notModified)
        let second = try #require(await transport.requests.last)
        #expect(second.headers["If-None-Match"] == "\"v1\"")
        #expect(second.headers["If-Modified-Since"] == "Sun, 29 Nov 2026 06:00:00 GMT")
    }

    @Test func aChangedFeedIsReadWithItsNewValidators() async throws {
        let version = FeedVersion("\"v1\"")
        let changed = Data("<rss version=\"2.0\"><channel><title>News, changed</title></channel></rss>".utf8)
        let transport = DryRunTransport { request in
            let current = version.value
            if request.headers["If-None-Match"] == current { return HTTPResponse(status: 304) }
            return HTTPResponse(status: 200, headers: ["ETag": current], body: current == "\"v1\"" ? Data("v1".utf8) : changed)
        }
        let fetcher = FeedFetcher(transport: transport)
        _ = try await fetcher.fetch(url)
        version.value = "\"v2\""
        let result = try await fetcher.fetch(url)
        #expect(result == .modified(body: changed, contentType: nil, validators: FeedFetcher.Validators(etag: "\"v2\"")))
        #expect(await transport.requests.last?.headers["If-None-Match"] == "\"v1\"")
        #expect(await fetcher.validators(for: url) == FeedFetcher.Validators(etag: "\"v2\""))
        #expect(try await fetcher.fetch(url) == .notModified)
    }

    @Test func rememberedValidatorsFromAnEarlierRunAreSentAndForgettingMakesTheFetchUnconditional() async throws {
        let transport = server(version: { "\"v7\"" }, body: rss)
        let fetcher = FeedFetcher(transport: transport)
        await fetcher.remember(FeedFetcher.Validators(etag: "\"v7\"", lastModified: "Sat, 28 Nov 2026 10:00:00 GMT"), for: url)
        #expect(try await fetcher.fetch(url) == .notModified)
        #expect(await transport.requests.last?.headers["If-Modified-Since"] == "Sat, 28 Nov 2026 10:00:00 GMT")
        await fetcher.forget(url)
        guard case .modified = try await fetcher.fetch(url) else {
            Issue.record("expected the feed after forgetting its validators")
            return
        }
        #expect(await transport.requests.last?.headers["If-None-Match"] == nil)
    }

    @Test func validatorsAreKeptPerFeed() async throws {
        let other = URL(string: "https://other.example/feed.json")!
        let transport = server(version: { "\"v1\"" }, body: rss)
        let fetcher = FeedFetcher(transport: transport)
        _ = try await fetcher.fetch(url)
        guard case .modified = try await fetcher.fetch(other) else {
            Issue.record("another feed's first fetch must be unconditional")
            return
        }
        #expect(await transport.requests.last?.headers["If-None-Match"] == nil)
    }

    @Test func errorAnswersAndTransportFailuresAreFailures() async throws {
        for (status, retryable) in [(404, false), (429, true), (503, true)] {
            let fetcher = FeedFetcher(transport: DryRunTransport { _ in HTTPResponse(status: status) })
            await #expect(throws: FeedFetcher.Failure(url: url, status: status, transportError: nil)) { try await fetcher.fetch(url) }
            #expect(FeedFetcher.Failure(url: url, status: status, transportError: nil).isRetryable == retryable)
            #expect(await fetcher.validators(for: url) == nil)
        }
        let failing = FeedFetcher(transport: FailingFeedTransport())
        do {
            _ = try await failing.fetch(url)
            Issue.record("expected a failure")
        } catch {
            #expect(error.status == nil)
            #expect(error.transportError == "timed out")
            #expect(error.isRetryable)
            #expect(error.description == "https://school.example/feed.xml: the feed could not be fetched (timed out)")
        }
    }

    @Test func a304ToAnUnconditionalRequestIsAFailureNotAnUnchangedFeed() async throws {
        let fetcher = FeedFetcher(transport: DryRunTransport { _ in HTTPResponse(status: 304) })
        await #expect(throws: FeedFetcher.Failure(url: url, status: 304, transportError: nil)) { try await fetcher.fetch(url) }
        await fetcher.remember(.init(etag: "\"v1\"", lastModified: nil), for: url)
        #expect(try await fetcher.fetch(url) == .notModified)
    }

    @Test func aFailureNeverShowsTheFeedsPasswordOrToken() throws {
        let secretURL = try #require(URL(string: "https://reader:hunter2-pass@school.example/feed.xml?token=abc123secret&page=2"))
        let shown = FeedFetcher.Failure(url: secretURL, status: 401, transportError: nil).description
        #expect(!shown.contains("hunter2-pass"))
        #expect(!shown.contains("abc123secret"))
        #expect(shown.contains("school.example/feed.xml"))
        #expect(shown.contains("page=2"))
    }
}

/// A feed version the test changes between fetches.
private final class FeedVersion: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: String
    init(_ value: String) { stored = value }
    var value: String {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}

/// A transport whose every request fails.
private struct FailingFeedTransport: HTTPTransport {
    struct TimedOut: Error, CustomStringConvertible {
        var description: String { "timed out" }
    }

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        throw TimedOut()
    }
}
