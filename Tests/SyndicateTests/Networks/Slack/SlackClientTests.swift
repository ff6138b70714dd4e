import Foundation
import Syndicate
import SyndicateTestSupport
import Testing

@Suite("SlackClient")
struct SlackClientTests {
    static let webhook = "https://hooks.slack.com/services/T0001/B0001/slack-secret-webhook-token"
    let settings = AccountSettings(network: .slack, account: "school", values: ["WEBHOOK_URL": SlackClientTests.webhook])

    @Test("dry-run requests for the example article match the golden, the webhook hidden")
    func dryRunGolden() async throws {
        let post = try DryRunHarness.examplePost("ofsted-secondments.html")
        let (delivery, requests) = try await DryRunHarness.run(post, settings: AccountSettings(network: .slack, values: [:]))
        #expect(delivery.remoteID == IdempotencyKey.make(postID: post.id, network: .slack, account: "default"))
        #expect(delivery.url == nil)
        #expect(requests.map(\.url) == ["https://hooks.slack.com/REDACTED"])
        let rendered = try Golden.render(requests)
        #expect(!rendered.contains("dry-run-webhook-token"))
        assertGolden(rendered, named: "dry-run-slack-ofsted-secondments-html", target: "SyndicateTests")
    }

    @Test("dry-run requests for the sports-day post match the golden: its local images are left out")
    func dryRunSportsDayGolden() async throws {
        let post = try DryRunHarness.examplePost("sports-day.md")
        let (delivery, requests) = try await DryRunHarness.run(post, settings: AccountSettings(network: .slack, values: [:]))
        // The composer leaves the local files out (the network fetches images by URL) and says so.
        let payload = try Composer().payload(for: post, on: .slack)
        #expect(payload.images.isEmpty)
        #expect(payload.warnings.filter { $0.code == .imageLeftOut }.map(\.message).allSatisfy { $0.contains("fetches images from their web address") })
        #expect(payload.warnings.filter { $0.code == .imageLeftOut }.count == 2)
        #expect(payload.warnings.first { $0.code == .imageLeftOut }?.message.contains("sports-day-relay.jpg") == true)
        #expect(delivery.warnings.isEmpty)
        #expect(requests.first?.body?.contains("blocks") == false)
        assertGolden(try Golden.render(requests), named: "dry-run-slack-sports-day-md", target: "SyndicateTests")
    }

    @Test("public images go as image blocks after the text section, with alt text (a neutral one where the post has none); text stays as the fallback")
    func imageBlocks() async throws {
        let transport = DryRunTransport()
        let client = try SlackClient(settings: settings, environment: DryRunHarness.environment(transport))
        let post = try DryRunHarness.examplePost("ofsted-secondments.html")
        let payload = try Composer().payload(for: post, on: .slack)
        _ = try await client.deliver(payload, of: post)
        let request = try #require(await transport.requests.first)
        let body = try #require(JSONSerialization.jsonObject(with: request.body ?? Data()) as? [String: Any])
        #expect(body["text"] as? String == payload.text)
        let blocks = try #require(body["blocks"] as? [[String: Any]])
        #expect(blocks.map { $0["type"] as? String } == ["section", "image", "image"])
        #expect((blocks[0]["text"] as? [String: String]) == ["type": "mrkdwn", "text": payload.text])
        #expect(blocks[1]["image_url"] as? String == payload.images[0].url.absoluteString)
        #expect(blocks[1]["alt_text"] as? String == "Amanda Spielman speaking at the ASCL annual conference in Birmingham")
        #expect(blocks[2]["alt_text"] as? String == "Image")
    }

    @Test("a text longer than one section is split at a line break into sections of at most 3,000 characters")
    func longTextSections() async throws {
        let paragraph = String(repeating: "Sports day news. ", count: 100) + "\n"
        let text = String(repeating: paragraph, count: 5)
        let transport = DryRunTransport()
        let client = try SlackClient(settings: settings, environment: DryRunHarness.environment(transport))
        let post = try DryRunHarness.examplePost("ofsted-secondments.html")
        var payload = try Composer().payload(for: post, on: .slack)
        payload.text = text
        _ = try await client.deliver(payload, of: post)
        let request = try #require(await transport.requests.first)
        let body = try #require(JSONSerialization.jsonObject(with: request.body ?? Data()) as? [String: Any])
        let blocks = try #require(body["blocks"] as? [[String: Any]])
        let sections = blocks.compactMap { ($0["text"] as? [String: String])?["text"] }
        #expect(sections.count >= 3)
        #expect(sections.allSatisfy { $0.count <= 3000 })
        #expect(sections.joined() == text)
        #expect(sections[0].hasSuffix("\n"))
        #expect(blocks.suffix(2).allSatisfy { $0["type"] as? String == "image" })
    }

    @Test("the webhook gets the mrkdwn text with unfurl_links; the remote id is the idempotency key")
    func requestShape() async throws {
        let transport = DryRunTransport()
        let client = try SlackClient(settings: settings, environment: DryRunHarness.environment(transport))
        let post = try DryRunHarness.examplePost("ofsted-secondments.html")
        let payload = try Composer().payload(for: post, on: .slack)
        let delivery = try await client.deliver(payload, of: post)
        #expect(delivery.remoteID == IdempotencyKey.make(postID: post.id, network: .slack, account: "school"))
        let request = try #require(await transport.requests.first)
        #expect(request.method == .post)
        #expect(request.url.absoluteString == Self.webhook)
        let body = try #require(JSONSerialization.jsonObject(with: request.body ?? Data()) as? [String: Any])
        #expect(body["text"] as? String == payload.text)
        #expect(body["unfurl_links"] as? Bool == true)
    }

    @Test("Slack's plain-text errors map to categories and never show the webhook", arguments: [
        (400, "invalid_payload", DeliveryError.Category.invalidPayload),
        (400, "no_text", .invalidPayload),
        (403, "invalid_token", .unauthorized),
        (404, "no_service", .unauthorized),
        (403, "action_prohibited", .forbidden),
        (404, "channel_not_found", .invalidConfiguration),
        (410, "channel_is_archived", .invalidConfiguration),
        (429, "rate_limited", .rateLimited),
        (500, "internal_error", .serverError),
        (401, "something_new", .unauthorized),
    ])
    func errors(status: Int, body: String, category: DeliveryError.Category) async throws {
        let post = try DryRunHarness.examplePost("ofsted-secondments.html")
        let payload = try Composer().payload(for: post, on: .slack)
        let headers: HTTPHeaders = status == 429 ? ["Retry-After": "30"] : [:]
        let transport = DryRunTransport { _ in HTTPResponse(status: status, headers: headers, body: Data(body.utf8)) }
        let client = try SlackClient(settings: settings, environment: DryRunHarness.environment(transport))
        do {
            _ = try await client.deliver(payload, of: post)
            Issue.record("expected \(category)")
        } catch {
            #expect(error.category == category)
            #expect(error.networkMessage == body)
            #expect(!error.description.contains("slack-secret-webhook-token"))
            if category == .rateLimited { #expect(error.retryAfter == DryRunHarness.now.addingTimeInterval(30)) }
            if category == .unauthorized || category == .invalidConfiguration {
                #expect(error.fix.contains("SYNDICATE_SLACK_WEBHOOK_URL"))
            }
        }
    }

    @Test("a missing or non-https webhook names the variable to set without showing the URL")
    func missingCredential() {
        let environment = DryRunHarness.environment(DryRunTransport())
        #expect {
            try SlackClient(settings: AccountSettings(network: .slack, values: [:]), environment: environment)
        } throws: { error in
            let error = error as? DeliveryError
            return error?.category == .missingCredential && error?.description.contains("SYNDICATE_SLACK_WEBHOOK_URL") == true
        }
        #expect {
            try SlackClient(
                settings: AccountSettings(network: .slack, values: ["WEBHOOK_URL": "http://hooks.slack.com/services/T/B/plain-secret"]),
                environment: environment)
        } throws: { error in
            let error = error as? DeliveryError
            return error?.category == .invalidConfiguration && error?.description.contains("plain-secret") == false
        }
    }
}
