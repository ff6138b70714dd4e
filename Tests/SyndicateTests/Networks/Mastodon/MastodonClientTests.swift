import Foundation
import Syndicate
import SyndicateTestSupport
import Testing

@Suite("MastodonClient")
struct MastodonClientTests {
    let settings = AccountSettings(
        network: .mastodon, account: "school",
        values: ["INSTANCE": "https://social.example", "ACCESS_TOKEN": "mastodon-secret-token-123"])

    @Test("dry-run requests for the example article match the golden")
    func dryRunGolden() async throws {
        let post = try DryRunHarness.examplePost("ofsted-secondments.html")
        let (delivery, requests) = try await DryRunHarness.run(post, settings: AccountSettings(network: .mastodon, values: [:]))
        // The instance's limits, then two uploads, come before the status, the fourth request.
        #expect(delivery.remoteID == "100000000000000004")
        #expect(delivery.url?.absoluteString == "https://mastodon.example/@dry-run/100000000000000004")
        assertGolden(try Golden.render(requests), named: "dry-run-mastodon-ofsted-secondments-html", target: "SyndicateTests")
    }

    @Test("posts JSON with bearer token, visibility, language and a stable idempotency key")
    func requestShape() async throws {
        let transport = DryRunTransport()
        let client = try MastodonClient(settings: settings, environment: DryRunHarness.environment(transport))
        var post = try DryRunHarness.examplePost("ofsted-secondments.html")
        post.images = []  // the image tests are in MastodonImageUploadTests
        let payload = try Composer().payload(for: post, on: .mastodon)
        _ = try await client.deliver(payload, of: post)
        _ = try await client.deliver(payload, of: post)
        let requests = await transport.requests
        #expect(requests.count == 2)
        let first = try #require(requests.first)
        #expect(first.url.absoluteString == "https://social.example/api/v1/statuses")
        #expect(first.headers["Authorization"] == "Bearer mastodon-secret-token-123")
        let key = try #require(first.headers["Idempotency-Key"])
        #expect(key == requests[1].headers["Idempotency-Key"])
        #expect(key == IdempotencyKey.make(postID: post.id, network: .mastodon, account: "school"))
        let body = try #require(JSONSerialization.jsonObject(with: first.body ?? Data()) as? [String: Any])
        #expect(body["status"] as? String == payload.text)
        #expect(body["visibility"] as? String == "public")
    }

    @Test("a thread is posted as replies, each part with its own key")
    func thread() async throws {
        let transport = DryRunTransport()
        let client = try MastodonClient(settings: settings, environment: DryRunHarness.environment(transport))
        var post = try DryRunHarness.examplePost("ofsted-secondments.html")
        post.images = []  // the image tests are in MastodonImageUploadTests
        var payload = try Composer().payload(for: post, on: .mastodon)
        payload.parts = [.init(index: 1, text: "one 1/2", length: 7), .init(index: 2, text: "two 2/2", length: 7)]
        let delivery = try await client.deliver(payload, of: post)
        let requests = await transport.requests
        #expect(requests.count == 2)
        #expect(delivery.partIDs.count == 2)
        let second = try #require(JSONSerialization.jsonObject(with: requests[1].body ?? Data()) as? [String: Any])
        #expect(second["in_reply_to_id"] as? String == delivery.remoteID)
        #expect(requests[0].headers["Idempotency-Key"] != requests[1].headers["Idempotency-Key"])
    }

    @Test("a missing token names the variable to set")
    func missingToken() throws {
        let environment = DryRunHarness.environment(DryRunTransport())
        let bare = AccountSettings(network: .mastodon, values: ["INSTANCE": "mastodon.social"])
        #expect {
            try MastodonClient(settings: bare, environment: environment)
        } throws: { error in
            let error = error as? DeliveryError
            return error?.category == .missingCredential
                && error?.description.contains("SYNDICATE_MASTODON_ACCESS_TOKEN") == true
        }
    }

    @Test("422 and 429 become typed errors with the network's message and reset time")
    func errors() async throws {
        var post = try DryRunHarness.examplePost("ofsted-secondments.html")
        post.images = []  // the image tests are in MastodonImageUploadTests
        let payload = try Composer().payload(for: post, on: .mastodon)
        let tooLong = DryRunTransport { _ in
            HTTPResponse(status: 422, body: Data(#"{"error":"Validation failed: Text character limit of 500 exceeded"}"#.utf8))
        }
        let client = try MastodonClient(settings: settings, environment: DryRunHarness.environment(tooLong))
        await #expect {
            try await client.deliver(payload, of: post)
        } throws: { error in
            let error = error as? DeliveryError
            return error?.category == .invalidPayload && error?.networkMessage?.contains("character limit") == true
        }
        let limited = DryRunTransport { _ in
            HTTPResponse(status: 429, headers: ["X-RateLimit-Reset": "2026-01-01T00:05:00.000Z"], body: Data(#"{"error":"Too many requests"}"#.utf8))
        }
        let limitedClient = try MastodonClient(settings: settings, environment: DryRunHarness.environment(limited))
        do {
            _ = try await limitedClient.deliver(payload, of: post)
            Issue.record("expected a rate-limit error")
        } catch {
            #expect(error.category == .rateLimited)
            #expect(error.retryAfter == DryRunHarness.now.addingTimeInterval(300))
            #expect(!error.description.contains("mastodon-secret-token-123"))
        }
    }
}
