import Foundation
import Syndicate
import SyndicateTestSupport
import Testing

@Suite("DiscordClient: retract and update")
struct DiscordRevisionTests {
    static let webhook = "https://discord.com/api/webhooks/123456789012345678/discord-secret-webhook-token"

    static func client(_ transport: DryRunTransport, webhook: String = DiscordRevisionTests.webhook) throws -> DiscordClient {
        try DiscordClient(
            settings: AccountSettings(network: .discord, account: "school", values: ["WEBHOOK_URL": webhook]),
            environment: DryRunHarness.environment(transport))
    }

    static func json(_ status: Int, _ text: String) -> HTTPResponse {
        HTTPResponse(status: status, headers: ["Content-Type": "application/json"], body: Data(text.utf8))
    }

    static let copy = PostedCopy(network: .discord, account: "school", remoteID: "1300000000000000001")

    static func payload() throws -> (Post, SharePayload) {
        let post = try DryRunHarness.examplePost("ofsted-secondments.html")
        return (post, try Composer().payload(for: post, on: .discord))
    }

    @Test("delete: DELETE {webhook}/messages/{id}, no body, no wait")
    func deleteShape() async throws {
        let transport = DryRunTransport()
        try await Self.client(transport).retract(Self.copy)
        let requests = await transport.requests
        #expect(requests.count == 1)
        let request = try #require(requests.first)
        #expect(request.method == .delete)
        #expect(request.url.absoluteString == Self.webhook + "/messages/1300000000000000001")
        #expect(request.body == nil || request.body?.isEmpty == true)
    }

    @Test("the webhook URL's thread_id is kept on the message URL")
    func threadKept() async throws {
        let transport = DryRunTransport()
        try await Self.client(transport, webhook: Self.webhook + "?thread_id=99").retract(Self.copy)
        #expect(await transport.requests.first?.url.absoluteString == Self.webhook + "/messages/1300000000000000001?thread_id=99")
    }

    @Test("404 Unknown Message (10008) counts as deleted; 404 Unknown Webhook (10015) is the webhook refused")
    func alreadyGone() async throws {
        let gone = DryRunTransport { _ in Self.json(404, #"{"message": "Unknown Message", "code": 10008}"#) }
        try await Self.client(gone).retract(Self.copy)
        let noWebhook = DryRunTransport { _ in Self.json(404, #"{"message": "Unknown Webhook", "code": 10015}"#) }
        do {
            try await Self.client(noWebhook).retract(Self.copy)
            Issue.record("expected an error")
        } catch let error as DeliveryError {
            #expect(error.category == .unauthorized)
            #expect(!error.description.contains("discord-secret-webhook-token"))
            #expect(!error.description.contains("123456789012345678/"))
        }
    }

    @Test("a 429 waits retry_after, as when posting")
    func rateLimited() async throws {
        let transport = DryRunTransport { _ in
            HTTPResponse(
                status: 429, headers: ["Content-Type": "application/json", "Retry-After": "3"],
                body: Data(#"{"message": "You are being rate limited.", "retry_after": 2.5, "global": false}"#.utf8))
        }
        do {
            try await Self.client(transport).retract(Self.copy)
            Issue.record("expected an error")
        } catch let error as DeliveryError {
            #expect(error.category == .rateLimited)
            #expect(error.retryAfter != nil)
        }
    }

    @Test("a copy without a message id (posted without wait) cannot be deleted or edited through the webhook: nothing is sent")
    func noMessageID() async throws {
        let transport = DryRunTransport()
        let copy = PostedCopy(network: .discord, account: "school", remoteID: "syndicate-1f2e3d")
        do {
            try await Self.client(transport).retract(copy)
            Issue.record("expected an error")
        } catch let error as DeliveryError {
            #expect(error.category == .unsupported)
            #expect(error.fix.contains("by hand in Discord"))
        }
        let (post, payload) = try Self.payload()
        await #expect(throws: DeliveryError.self) { _ = try await Self.client(transport).edit(copy, to: payload, of: post) }
        #expect(await transport.requests.isEmpty)
    }

    @Test("edit: PATCH {webhook}/messages/{id} with content, allowed_mentions and the embeds as posted")
    func editShape() async throws {
        let transport = DryRunTransport()
        let (post, payload) = try Self.payload()
        let delivery = try await Self.client(transport).edit(Self.copy, to: payload, of: post)
        let request = try #require(await transport.requests.first)
        #expect(request.method == .patch)
        #expect(request.url.absoluteString == Self.webhook + "/messages/1300000000000000001")
        let body = try #require(JSONSerialization.jsonObject(with: request.body ?? Data()) as? [String: Any])
        #expect(body["content"] as? String == payload.text)
        #expect((body["allowed_mentions"] as? [String: Any])?["parse"] as? [String] == [])
        // The example's two public images go again as embeds sharing the post's link, as when posting.
        let embeds = try #require(body["embeds"] as? [[String: Any]])
        #expect(embeds.count == payload.images.count)
        #expect(embeds.allSatisfy { $0["url"] as? String == payload.link?.absoluteString })
        #expect(delivery.remoteID == Self.copy.remoteID)
    }

    @Test("without images the edit leaves embeds out, so Discord keeps the message's own")
    func editWithoutImages() async throws {
        let transport = DryRunTransport()
        var (post, payload) = try Self.payload()
        payload.images = []
        post.images = []
        _ = try await Self.client(transport).edit(Self.copy, to: payload, of: post)
        let body = try #require(JSONSerialization.jsonObject(with: await transport.requests.first?.body ?? Data()) as? [String: Any])
        #expect(Set(body.keys) == ["content", "allowed_mentions"])
    }

    @Test("an edit of a deleted message says so and advises a repost, without the webhook URL")
    func editGone() async throws {
        let transport = DryRunTransport { _ in Self.json(404, #"{"message": "Unknown Message", "code": 10008}"#) }
        let (post, payload) = try Self.payload()
        do {
            _ = try await Self.client(transport).edit(Self.copy, to: payload, of: post)
            Issue.record("expected an error")
        } catch let error as DeliveryError {
            #expect(error.message.contains("no longer"))
            #expect(error.fix.contains(RevisionSupport.repostAdvice))
            #expect(!error.description.contains("discord-secret-webhook-token"))
        }
    }
}
