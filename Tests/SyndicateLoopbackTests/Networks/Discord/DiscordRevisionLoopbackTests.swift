import Foundation
import Syndicate
import SyndicateLoopback
import SyndicateTestSupport
import Testing

extension ClientsOverLoopback {
    /// ``DiscordClient`` deleting and editing the webhook's messages, over real HTTP.
    @Suite("DiscordClient over loopback: retract and update")
    struct DiscordRevisionLoopbackTests {
        typealias Harness = LoopbackClientHarness

        @Test("a message is deleted once; a second delete gets Unknown Message and counts as done", arguments: TransportKind.allCases)
        func deleteTwice(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                let (post, payload) = try Harness.payload(for: .discord)
                let client = try DiscordLoopback.client(server, Harness.environment(kind))
                let copy = PostedCopy(try await client.deliver(payload, of: post))
                try await client.retract(copy)
                #expect(server.livePosts(on: .discord).isEmpty)
                try await client.retract(copy)
                let requests = server.requests(to: .discordWebhookMessage)
                #expect(requests.map(\.method) == ["DELETE", "DELETE"])
                #expect(requests.first?.path == "/api/webhooks/\(DiscordLoopback.webhookID)/\(LoopbackServer.token)/messages/\(copy.remoteID)")
            }
        }

        @Test("an edit replaces the content in place; the same text again is accepted", arguments: TransportKind.allCases)
        func edit(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                let (post, payload) = try Harness.payload(for: .discord)
                let client = try DiscordLoopback.client(server, Harness.environment(kind))
                let copy = PostedCopy(try await client.deliver(payload, of: post))
                var corrected = payload
                corrected.text = "Correction: the secondments start in September.\n" + payload.text
                let delivery = try await client.edit(copy, to: corrected, of: post)
                #expect(delivery.remoteID == copy.remoteID)
                _ = try await client.edit(copy, to: corrected, of: post)
                let live = try #require(server.livePosts(on: .discord).first)
                #expect(live.id == copy.remoteID && live.text == corrected.text && live.previousTexts == [payload.text])
                let request = try #require(server.requests(to: .discordWebhookMessage).first)
                #expect(request.method == "PATCH")
                #expect(Harness.json(request)["content"] as? String == corrected.text)
            }
        }

        @Test("an edit of a deleted message is a clear error advising a repost", arguments: TransportKind.allCases)
        func editDeleted(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                let (post, payload) = try Harness.payload(for: .discord)
                let client = try DiscordLoopback.client(server, Harness.environment(kind))
                let copy = PostedCopy(try await client.deliver(payload, of: post))
                try await client.retract(copy)
                do {
                    _ = try await client.edit(copy, to: payload, of: post)
                    Issue.record("expected an error")
                } catch let error as DeliveryError {
                    #expect(error.message.contains("no longer in the webhook's channel"))
                    #expect(error.fix.contains(RevisionSupport.repostAdvice))
                    #expect(!error.description.contains(LoopbackServer.token))
                }
            }
        }

        @Test("a deleted webhook is refused (401), and a 429 carries its reset", arguments: TransportKind.allCases)
        func refusedAndRateLimited(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                let (post, payload) = try Harness.payload(for: .discord)
                let client = try DiscordLoopback.client(server, Harness.environment(kind))
                let copy = PostedCopy(try await client.deliver(payload, of: post))
                do {
                    try await DiscordLoopback.client(server, Harness.environment(kind), token: "deleted-webhook-token").retract(copy)
                    Issue.record("expected an error")
                } catch let error as DeliveryError {
                    #expect(error.category == .unauthorized)
                    #expect(!error.description.contains("deleted-webhook-token"))
                }
                server.script(.rateLimited(resetAfter: .seconds(300)), for: .discordWebhookMessage)
                do {
                    try await client.retract(copy)
                    Issue.record("expected an error")
                } catch let error as DeliveryError {
                    #expect(error.category == .rateLimited)
                    #expect(error.retryAfter == Harness.now.addingTimeInterval(Harness.resetAfter))
                }
                #expect(server.livePosts(on: .discord).count == 1)
            }
        }
    }
}
