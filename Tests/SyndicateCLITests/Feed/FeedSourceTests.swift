import Foundation
import Syndicate
import SyndicateTestSupport
import Testing

@testable import SyndicateCLI

@Suite("FeedSource conditional GET")
struct FeedSourceTests {
    static let feedURL = "https://school.example/feed.xml"

    @Test("the stored ETag and Last-Modified go out as If-None-Match and If-Modified-Since; 304 is unchanged")
    func conditional() async throws {
        let transport = DryRunTransport { request in
            request.headers["If-None-Match"] == "\"v1\"" ? HTTPResponse(status: 304) : nil
        }
        let known = LedgerFeed(id: Self.feedURL, etag: "\"v1\"", lastModified: "Sat, 28 Nov 2026 10:00:00 GMT", startedAt: DryRunHarness.now)
        let fetched = try await FeedSource(Self.feedURL).fetch(transport: transport, known: known)
        guard case .unchanged = fetched else {
            Issue.record("expected .unchanged, got \(fetched)")
            return
        }
        let request = try #require(await transport.requests.first)
        #expect(request.method == .get)
        #expect(request.url.absoluteString == Self.feedURL)
        #expect(request.headers["If-None-Match"] == "\"v1\"")
        #expect(request.headers["If-Modified-Since"] == "Sat, 28 Nov 2026 10:00:00 GMT")
    }

    @Test("a changed feed is read, with its new validators; a first fetch sends none")
    func changed() async throws {
        let rss = try Fixtures.exampleData("school-news.rss")
        let transport = DryRunTransport { _ in
            HTTPResponse(status: 200, headers: ["ETag": "\"v2\"", "Last-Modified": "Sun, 29 Nov 2026 06:00:00 GMT"], body: rss)
        }
        let fetched = try await FeedSource(Self.feedURL).fetch(transport: transport, known: nil)
        guard case .posts(let posts, let warnings, let etag, let lastModified) = fetched else {
            Issue.record("expected posts, got \(fetched)")
            return
        }
        #expect(posts.count >= 2)
        #expect(warnings.isEmpty)
        #expect(etag == "\"v2\"")
        #expect(lastModified == "Sun, 29 Nov 2026 06:00:00 GMT")
        let request = try #require(await transport.requests.first)
        #expect(request.headers["If-None-Match"] == nil)
        #expect(request.headers["If-Modified-Since"] == nil)
    }

    @Test("the Content-Type charset decides the encoding over the XML declaration")
    func contentTypeCharset() async throws {
        let xml = "<?xml version=\"1.0\" encoding=\"iso-8859-1\"?><rss><channel><item><title>Новости школы</title></item></channel></rss>"
        let body = try #require(xml.data(using: .windowsCP1251))
        let transport = DryRunTransport { _ in
            HTTPResponse(status: 200, headers: ["Content-Type": "application/rss+xml; charset=\"windows-1251\""], body: body)
        }
        let fetched = try await FeedSource(Self.feedURL).fetch(transport: transport, known: nil)
        guard case .posts(let posts, _, _, _) = fetched else {
            Issue.record("expected posts, got \(fetched)")
            return
        }
        #expect(posts.map(\.title) == ["Новости школы"])
    }

    @Test("a 503 is worth retrying (75), a 404 is not (1)")
    func failures() async throws {
        for (status, exit) in [(503, Int32(75)), (404, Int32(1))] {
            let transport = DryRunTransport { _ in HTTPResponse(status: status) }
            do {
                _ = try await FeedSource(Self.feedURL).fetch(transport: transport, known: nil)
                Issue.record("expected HTTP \(status) to fail")
            } catch {
                #expect(error.status == exit)
                #expect(error.description.contains("HTTP \(status)"))
            }
        }
    }
}
