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
