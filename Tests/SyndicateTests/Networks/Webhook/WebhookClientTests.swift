import Foundation
import Syndicate
import SyndicateTestSupport
import Testing

@Suite("WebhookClient")
struct WebhookClientTests {
    static let webhook = "https://automation.example/hooks/webhook-secret-path/"
    let settings = AccountSettings(network: .webhook, account: "school", values: ["WEBHOOK_URL": WebhookClientTests.webhook])

    @Test("dry-run requests for the example article match the golden, the webhook hidden")
    func dryRunGolden() async throws {
        let post = try DryRunHarness.examplePost("ofsted-secondments.html")
        let (delivery, requests) = try await DryRunHarness.run(post, settings: AccountSettings(network: .webhook, values: [:]))
        #expect(delivery.remoteID == "dry-run-1")
        #expect(requests.map(\.url) == ["https://hooks.example/REDACTED"])
        let rendered = try Golden.render(requests)
        #expect(!rendered.contains("dry-run-webhook-token"))
        assertGolden(rendered, named: "dry-run-webhook-ofsted-secondments-html", target: "SyndicateTests")
    }

    @Test("the post and its text are posted as JSON with every key and an Idempotency-Key")
    func requestShape() async throws {
        let transport = DryRunTransport()
        let client = try WebhookClient(settings: settings, environment: DryRunHarness.environment(transport))
        var post = try DryRunHarness.examplePost("ofsted-secondments.html")
        post.images = [Post.Image(url: try #require(URL(string: "https://school.example/a.jpg")), alt: "Pupils reading"), Post.Image(url: try #require(URL(string: "https://school.example/b.jpg")))]
        let payload = try Composer().payload(for: post, on: .webhook)
        _ = try await client.deliver(payload, of: post)
        let request = try #require(await transport.requests.first)
        #expect(request.url.absoluteString == Self.webhook)   // exactly as configured, trailing slash kept
        #expect(request.headers["Idempotency-Key"] == IdempotencyKey.make(postID: post.id, network: .webhook, account: "school"))
        let body = try #require(JSONSerialization.jsonObject(with: request.body ?? Data()) as? [String: Any])
        #expect(Set(body.keys) == ["id", "title", "url", "text", "link", "hashtags", "summary", "tags", "images", "published"])
        #expect(body["id"] as? String == post.id)
        #expect(body["title"] as? String == post.title)
        #expect(body["url"] as? String == post.url?.absoluteString)
        #expect(body["text"] as? String == payload.text)
        #expect(body["link"] as? String == payload.link?.absoluteString)
        #expect(body["hashtags"] as? [String] == payload.hashtags)
        #expect(body["tags"] as? [String] == post.tags)
        let images = try #require(body["images"] as? [[String: Any]])
        #expect(images.count == 2)
        #expect(images[0]["url"] as? String == "https://school.example/a.jpg" && images[0]["alt"] as? String == "Pupils reading")
        #expect(images[1]["alt"] is NSNull)
        if post.published != nil { #expect((body["published"] as? String)?.hasSuffix("Z") == true) }
    }

    @Test("dry-run requests for the sports-day post match the golden: its local images are left out, with warnings")
    func dryRunSportsDayGolden() async throws {
        let post = try DryRunHarness.examplePost("sports-day.md")
        let (delivery, requests) = try await DryRunHarness.run(post, settings: AccountSettings(network: .webhook, values: [:]))
        // The composer leaves the local files out (the network fetches images by URL) and says so.
        let payload = try Composer().payload(for: post, on: .webhook)
        #expect(payload.images.isEmpty)
        #expect(payload.warnings.filter { $0.code == .imageLeftOut }.map(\.message).allSatisfy { $0.contains("fetches images from their web address") })
        #expect(payload.warnings.filter { $0.code == .imageLeftOut }.count == 2)
        #expect(payload.warnings.first { $0.code == .imageLeftOut }?.message.contains("sports-day-relay.jpg") == true)
        #expect(delivery.warnings.isEmpty)
        let rendered = try Golden.render(requests)
        #expect(!rendered.contains("file:") && !rendered.contains("sports-day-relay.jpg"))
        assertGolden(rendered, named: "dry-run-webhook-sports-day-md", target: "SyndicateTests")
    }

    @Test("the remote id is the answer's id, else the idempotency key")
    func remoteID() async throws {
        let post = try DryRunHarness.examplePost("ofsted-secondments.html")
        let payload = try Composer().payload(for: post, on: .webhook)
        let key = IdempotencyKey.make(postID: post.id, network: .webhook, account: "school")
        for (answer, expected) in [
            (HTTPResponse(status: 201, body: Data(#"{"id":"abc","url":"https://intranet.example/news/abc"}"#.utf8)), "abc"),
            (HTTPResponse(status: 200, body: Data(#"{"id":42}"#.utf8)), "42"),
            (HTTPResponse(status: 202, body: Data("accepted".utf8)), key),
            (HTTPResponse(status: 204), key),
        ] {
            let transport = DryRunTransport { _ in answer }
            let delivery = try await WebhookClient(settings: settings, environment: DryRunHarness.environment(transport)).deliver(payload, of: post)
            #expect(delivery.remoteID == expected)
        }
    }

    @Test("errors map by status, quoting the body and never the webhook", arguments: [
        (401, DeliveryError.Category.unauthorized), (403, .forbidden), (422, .invalidPayload), (429, .rateLimited), (500, .serverError),
    ])
    func errors(status: Int, category: DeliveryError.Category) async throws {
        let post = try DryRunHarness.examplePost("ofsted-secondments.html")
        let payload = try Composer().payload(for: post, on: .webhook)
        let transport = DryRunTransport { _ in
            HTTPResponse(status: status, headers: ["Retry-After": "60"], body: Data(#"{"error":"nope at \#(Self.webhook)"}"#.utf8))
        }
        let client = try WebhookClient(settings: settings, environment: DryRunHarness.environment(transport))
        do {
            _ = try await client.deliver(payload, of: post)
            Issue.record("expected \(category)")
        } catch {
            #expect(error.category == category)
            #expect(error.networkMessage?.hasPrefix("nope at https://automation.example/REDACTED") == true)
            #expect(!error.description.contains("webhook-secret-path"))
            if category == .rateLimited { #expect(error.retryAfter == DryRunHarness.now.addingTimeInterval(60)) }
        }
    }

    @Test("a missing or unusable webhook names the variable to set")
    func missingCredential() {
        let environment = DryRunHarness.environment(DryRunTransport())
        for (values, category) in [([:], DeliveryError.Category.missingCredential), (["WEBHOOK_URL": "ftp://x.example/secret-bit"], .invalidConfiguration)] {
            #expect {
                try WebhookClient(settings: AccountSettings(network: .webhook, values: values), environment: environment)
            } throws: { error in
                let error = error as? DeliveryError
                return error?.category == category && error?.description.contains("SYNDICATE_WEBHOOK_WEBHOOK_URL") == true
                    && error?.description.contains("secret-bit") == false
            }
        }
    }
}
