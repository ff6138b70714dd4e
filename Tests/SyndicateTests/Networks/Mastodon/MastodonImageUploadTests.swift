import Foundation
import Syndicate
import SyndicateTestSupport
import Testing

@Suite("MastodonClient images")
struct MastodonImageUploadTests {
    static let settings = AccountSettings(
        network: .mastodon, account: "school", values: ["INSTANCE": "https://social.example", "ACCESS_TOKEN": "mastodon-token-1"])

    static func json(_ object: [String: Any], status: Int = 200) -> HTTPResponse {
        HTTPResponse(
            status: status, headers: ["Content-Type": "application/json"],
            body: (try? JSONSerialization.data(withJSONObject: object)) ?? Data())
    }

    static func sportsDay() throws -> (Post, SharePayload) {
        let post = try DryRunHarness.examplePost("sports-day.md")
        return (post, try Composer().payload(for: post, on: .mastodon))
    }

    @Test("dry-run requests for the two-image example match the golden")
    func dryRunGolden() async throws {
        let post = try DryRunHarness.examplePost("sports-day.md")
        let (delivery, requests) = try await DryRunHarness.run(post, settings: AccountSettings(network: .mastodon, values: [:]))
        #expect(requests.map(\.url) == [
            "https://mastodon.example/api/v2/instance", "https://mastodon.example/api/v2/media",
            "https://mastodon.example/api/v2/media", "https://mastodon.example/api/v1/statuses",
        ])
        #expect(delivery.mediaIDs == ["110000000000000002", "110000000000000003"])
        let rendered = try Golden.render(requests)
        #expect(!rendered.contains("dry-run-access-token"))
        assertGolden(rendered, named: "dry-run-mastodon-sports-day-md", target: "SyndicateTests")
    }

    @Test("uploads file + description, then posts media_ids on the first status; the instance is read once per client")
    func requestShapes() async throws {
        let transport = DryRunTransport()
        let client = try MastodonClient(settings: Self.settings, environment: DryRunHarness.environment(transport))
        let (post, payload) = try Self.sportsDay()
        let delivery = try await client.deliver(payload, of: post)
        var second = post
        second.id += "#again"
        _ = try await client.deliver(payload, of: second)
        let requests = await transport.requests
        #expect(requests.filter { $0.url.path == "/api/v2/instance" }.count == 1)
        let upload = requests[1]
        #expect(upload.url.absoluteString == "https://social.example/api/v2/media")
        #expect(upload.headers["Authorization"] == "Bearer mastodon-token-1")
        let boundary = try #require(MultipartForm.boundary(inContentType: upload.headers["Content-Type"]))
        let parts = try #require(MultipartForm.parse(upload.body ?? Data(), boundary: boundary))
        #expect(parts.map(\.name) == ["file", "description"])
        #expect(parts[0].contentType == "image/jpeg")
        #expect(parts[0].data == (try Data(contentsOf: post.images[0].url)))
        #expect(String(decoding: parts[1].data, as: UTF8.self) == post.images[0].alt)
        let status = try #require(JSONSerialization.jsonObject(with: requests[3].body ?? Data()) as? [String: Any])
        #expect(status["media_ids"] as? [String] == delivery.mediaIDs)
        #expect(delivery.mediaIDs.count == 2)
        #expect(requests[3].headers["Idempotency-Key"] != nil)
    }

    @Test("a 202 upload is polled with GET /api/v1/media/:id (206 while processing) before the status")
    func pollsWhileProcessing() async throws {
        let polls = MastodonPollCounter()
        let transport = DryRunTransport { request in
            if request.url.path == "/api/v2/media" { return Self.json(["id": "77", "type": "image", "url": NSNull()], status: 202) }
            if request.url.path == "/api/v1/media/77" {
                return polls.next() < 2
                    ? Self.json(["id": "77", "url": NSNull()], status: 206) : Self.json(["id": "77", "url": "https://social.example/m/77"])
            }
            return nil
        }
        let client = try MastodonClient(settings: Self.settings, environment: DryRunHarness.environment(transport))
        var (post, payload) = try Self.sportsDay()
        post.images.removeLast()
        payload.images.removeLast()
        let delivery = try await client.deliver(payload, of: post)
        #expect(delivery.mediaIDs == ["77"])
        let paths = await transport.requests.map(\.url.path)
        #expect(paths == ["/api/v2/instance", "/api/v2/media", "/api/v1/media/77", "/api/v1/media/77", "/api/v1/media/77", "/api/v1/statuses"])
    }

    @Test("an upload still processing after the last poll fails retryably and reports the upload")
    func givesUpPolling() async throws {
        let transport = DryRunTransport { request in
            if request.url.path == "/api/v2/media" { return Self.json(["id": "78", "url": NSNull()], status: 202) }
            if request.url.path == "/api/v1/media/78" { return Self.json(["id": "78", "url": NSNull()], status: 206) }
            return nil
        }
        let client = try MastodonClient(settings: Self.settings, environment: DryRunHarness.environment(transport))
        let (post, payload) = try Self.sportsDay()
        do {
            _ = try await client.deliver(payload, of: post)
            Issue.record("expected a failure")
        } catch {
            #expect(error.isRetryable)
            #expect(error.unattachedMediaIDs == ["78"])
            #expect(error.message.contains("sports-day-relay.jpg"))
        }
        let polls = await transport.requests.filter { $0.url.path == "/api/v1/media/78" }.count
        #expect(polls == MastodonClient.processingPolls)
        #expect(await transport.requests.allSatisfy { $0.url.path != "/api/v1/statuses" })
    }

    @Test("the instance's smaller image_size_limit leaves a larger image out with a warning")
    func instanceLimits() async throws {
        let transport = DryRunTransport { request in
            request.url.path == "/api/v2/instance"
                ? Self.json(["configuration": [
                    "statuses": ["max_media_attachments": 4],
                    "media_attachments": ["image_size_limit": 10_000, "image_matrix_limit": 33_177_600, "supported_mime_types": ["image/jpeg", "image/png"]],
                ]])
                : nil
        }
        let client = try MastodonClient(settings: Self.settings, environment: DryRunHarness.environment(transport))
        let limits = await client.imageLimits()
        #expect(limits.maximumBytes == 10_000)
        #expect(limits.formats == [.jpeg, .png])
        let (post, payload) = try Self.sportsDay()
        let delivery = try await client.deliver(payload, of: post)
        #expect(delivery.mediaIDs.count == 1)
        #expect(delivery.warnings.count == 1)
        #expect(delivery.warnings.first?.contains("sports-day-medals.png") == true)
    }

    @Test("an instance that does not answer leaves Mastodon's defaults")
    func instanceUnavailable() async throws {
        let transport = DryRunTransport { request in
            request.url.path == "/api/v2/instance" ? HTTPResponse(status: 404, body: Data(#"{"error":"Record not found"}"#.utf8)) : nil
        }
        let client = try MastodonClient(settings: Self.settings, environment: DryRunHarness.environment(transport))
        let limits = await client.imageLimits()
        #expect(limits.maximumBytes == 16 * 1024 * 1024)
        #expect(limits.maximumPixels == 33_177_600)
        #expect(limits.maximumCount == 4)
    }
}

/// A thread-safe counter for transport handlers.
final class MastodonPollCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    /// The count before this call.
    func next() -> Int {
        lock.lock()
        defer { lock.unlock() }
        value += 1
        return value - 1
    }
}
