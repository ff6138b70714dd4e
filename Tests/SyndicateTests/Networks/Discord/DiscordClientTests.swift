import Foundation
import Syndicate
import SyndicateTestSupport
import Testing

@Suite("DiscordClient")
struct DiscordClientTests {
    static let webhook = "https://discord.com/api/webhooks/123456789012345678/discord-secret-webhook-token"
    let settings = AccountSettings(network: .discord, account: "school", values: ["WEBHOOK_URL": DiscordClientTests.webhook])

    @Test("dry-run requests for the example article match the golden, the webhook hidden")
    func dryRunGolden() async throws {
        let post = try DryRunHarness.examplePost("ofsted-secondments.html")
        let (delivery, requests) = try await DryRunHarness.run(post, settings: AccountSettings(network: .discord, values: [:]))
        #expect(delivery.remoteID == "1300000000000000001")
        #expect(delivery.url == nil)
        #expect(requests.map(\.url) == ["https://discord.com/REDACTED?wait=true"])
        let rendered = try Golden.render(requests)
        #expect(!rendered.contains("dry-run-webhook-token") && !rendered.contains("000000"))
        assertGolden(rendered, named: "dry-run-discord-ofsted-secondments-html", target: "SyndicateTests")
    }

    @Test("dry-run requests for the sports-day post match the golden: its local images are left out")
    func dryRunSportsDayGolden() async throws {
        let post = try DryRunHarness.examplePost("sports-day.md")
        let (delivery, requests) = try await DryRunHarness.run(post, settings: AccountSettings(network: .discord, values: [:]))
        // The composer leaves the local files out (the network fetches images by URL) and says so.
        let payload = try Composer().payload(for: post, on: .discord)
        #expect(payload.images.isEmpty)
        #expect(payload.warnings.filter { $0.code == .imageLeftOut }.map(\.message).allSatisfy { $0.contains("fetches images from their web address") })
        #expect(payload.warnings.filter { $0.code == .imageLeftOut }.count == 2)
        #expect(payload.warnings.first { $0.code == .imageLeftOut }?.message.contains("sports-day-relay.jpg") == true)
        #expect(delivery.warnings.isEmpty)
        #expect(requests.first?.body?.contains("embeds") == false)
        assertGolden(try Golden.render(requests), named: "dry-run-discord-sports-day-md", target: "SyndicateTests")
    }

    @Test("public images go as embeds that share the post's link (a gallery of up to four), with no alt text")
    func imageEmbeds() async throws {
        let transport = DryRunTransport()
        let client = try DiscordClient(settings: settings, environment: DryRunHarness.environment(transport))
        let post = try DryRunHarness.examplePost("ofsted-secondments.html")
        let payload = try Composer().payload(for: post, on: .discord)
        let delivery = try await client.deliver(payload, of: post)
        let request = try #require(await transport.requests.first)
        let body = try #require(JSONSerialization.jsonObject(with: request.body ?? Data()) as? [String: Any])
        let embeds = try #require(body["embeds"] as? [[String: Any]])
        let link = try #require(payload.link?.absoluteString)
        #expect(embeds.map { $0["url"] as? String } == [link, link])
        #expect(embeds.map { ($0["image"] as? [String: String]) ?? [:] } == payload.images.map { ["url": $0.url.absoluteString] })
        #expect(!String(decoding: request.body ?? Data(), as: UTF8.self).contains("Amanda Spielman speaking"))
        #expect(delivery.warnings.isEmpty)
    }

    @Test("the webhook is executed with wait=true, the text as content and no mentions parsed")
    func requestShape() async throws {
        let transport = DryRunTransport()
        let client = try DiscordClient(settings: settings, environment: DryRunHarness.environment(transport))
        let post = try DryRunHarness.examplePost("ofsted-secondments.html")
        let payload = try Composer().payload(for: post, on: .discord)
        _ = try await client.deliver(payload, of: post)
        let request = try #require(await transport.requests.first)
        #expect(request.method == .post)
        #expect(request.url.absoluteString == Self.webhook + "?wait=true")
        #expect(request.headers["Content-Type"] == "application/json")
        let body = try #require(JSONSerialization.jsonObject(with: request.body ?? Data()) as? [String: Any])
        #expect(body["content"] as? String == payload.text)
        #expect((body["allowed_mentions"] as? [String: [String]])?["parse"] == [])
        // A thread_id already in the URL is kept.
        let threaded = try DiscordClient(
            settings: AccountSettings(network: .discord, values: ["WEBHOOK_URL": Self.webhook + "?thread_id=42"]),
            environment: DryRunHarness.environment(transport))
        _ = try await threaded.deliver(payload, of: post)
        #expect(await transport.requests.last?.url.absoluteString == Self.webhook + "?thread_id=42&wait=true")
    }

    @Test("only https …/api/webhooks/{id}/{token} URLs are accepted, and the refusal does not show the URL", arguments: [
        ("http://discord.com/api/webhooks/1/token-abcdef", false),
        ("https://discord.com/channels/1/2", false),
        ("https://discord.com/api/webhooks/abc/token-abcdef", false),
        ("https://discord.com/api/webhooks/1", false),
        ("not a url at all", false),
        ("https://discord.com/api/webhooks/1/token-abcdef", true),
        ("https://discord.com/api/v10/webhooks/1/token-abcdef", true),
        ("https://ptb.discord.com/api/webhooks/1/token-abcdef", true),
        ("http://127.0.0.1:8080/api/webhooks/1/token-abcdef", true),
    ])
    func webhookValidation(url: String, valid: Bool) {
        let settings = AccountSettings(network: .discord, values: ["WEBHOOK_URL": url])
        do {
            _ = try DiscordClient(settings: settings, environment: DryRunHarness.environment(DryRunTransport()))
            #expect(valid)
        } catch {
            #expect(!valid)
            #expect(error.category == .invalidConfiguration)
            #expect(error.description.contains("SYNDICATE_DISCORD_WEBHOOK_URL"))
            #expect(!error.description.contains("token-abcdef"))
        }
    }

    @Test("a missing webhook names the variable to set")
    func missingCredential() {
        #expect {
            try DiscordClient(settings: AccountSettings(network: .discord, values: [:]), environment: DryRunHarness.environment(DryRunTransport()))
        } throws: { error in
            let error = error as? DeliveryError
            return error?.category == .missingCredential && error?.description.contains("SYNDICATE_DISCORD_WEBHOOK_URL") == true
        }
    }

    @Test("errors map to categories with Discord's message and never the webhook", arguments: [
        (401, #"{"message":"Invalid Webhook Token","code":50027}"#, DeliveryError.Category.unauthorized),
        (404, #"{"message":"Unknown Webhook","code":10015}"#, .unauthorized),
        (403, #"{"message":"Missing Permissions","code":50013}"#, .forbidden),
        (400, #"{"message":"Invalid Form Body","code":50035,"errors":{}}"#, .invalidPayload),
        (429, #"{"message":"You are being rate limited.","retry_after":1.5,"global":false}"#, .rateLimited),
        (500, "upstream error", .serverError),
    ])
    func errors(status: Int, body: String, category: DeliveryError.Category) async throws {
        let post = try DryRunHarness.examplePost("ofsted-secondments.html")
        let payload = try Composer().payload(for: post, on: .discord)
        let transport = DryRunTransport { _ in
            HTTPResponse(status: status, headers: ["Content-Type": "application/json"], body: Data((body + " " + Self.webhook).utf8))
        }
        let client = try DiscordClient(settings: settings, environment: DryRunHarness.environment(transport))
        do {
            _ = try await client.deliver(payload, of: post)
            Issue.record("expected \(category)")
        } catch {
            #expect(error.category == category)
            #expect(!error.description.contains("discord-secret-webhook-token"))
            if category == .unauthorized { #expect(error.fix.contains("SYNDICATE_DISCORD_WEBHOOK_URL")) }
        }
    }

    @Test("a 429 waits the body's retry_after, or Retry-After when given")
    func rateLimitReset() async throws {
        let post = try DryRunHarness.examplePost("ofsted-secondments.html")
        let payload = try Composer().payload(for: post, on: .discord)
        for (headers, wait) in [([:], 1.5), (["Retry-After": "7"], 7.0)] as [(HTTPHeaders, Double)] {
            let transport = DryRunTransport { _ in
                HTTPResponse(status: 429, headers: headers, body: Data(#"{"message":"You are being rate limited.","retry_after":1.5,"global":false}"#.utf8))
            }
            let client = try DiscordClient(settings: settings, environment: DryRunHarness.environment(transport))
            do {
                _ = try await client.deliver(payload, of: post)
                Issue.record("expected a rate limit")
            } catch {
                #expect(error.category == .rateLimited)
                #expect(error.networkMessage?.contains("rate limited") == true)
                #expect(error.retryAfter == DryRunHarness.now.addingTimeInterval(wait))
            }
        }
    }
}
