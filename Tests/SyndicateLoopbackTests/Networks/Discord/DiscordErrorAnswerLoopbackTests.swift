import Foundation
import Syndicate
import SyndicateLoopback
import SyndicateTestSupport
import Testing

extension ClientsOverLoopback {
    /// How ``DiscordClient`` and ``CrossPoster`` read Discord's error answers. Discord has no duplicate
    /// detection, so nothing that may have reached it is retried.
    @Suite("DiscordClient over loopback: error answers")
    struct DiscordErrorAnswerLoopbackTests {
        typealias Harness = LoopbackClientHarness

        @Test("a webhook token Discord refuses is unauthorized", arguments: TransportKind.allCases)
        func unauthorized(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                let (post, payload) = try Harness.payload(for: .discord)
                let client = try DiscordLoopback.client(server, Harness.environment(kind), token: "deleted-webhook-token")
                let error = await Harness.failure(of: client, payload, of: post)
                #expect(error?.category == .unauthorized)
                #expect(error?.status == 401)
                #expect(error?.networkMessage == "Invalid Webhook Token (code 50027)")
                #expect(error?.description.contains("deleted-webhook-token") == false)
                #expect(server.posts(on: .discord).isEmpty)
            }
        }

        @Test("a 429 reads retry_after and Retry-After into retryAfter exactly", arguments: TransportKind.allCases)
        func rateLimited(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                server.script(.rateLimited(resetAfter: .seconds(300)), for: .discordWebhook)
                let (post, payload) = try Harness.payload(for: .discord)
                let error = await Harness.failure(of: try DiscordLoopback.client(server, Harness.environment(kind)), payload, of: post)
                #expect(error?.category == .rateLimited)
                #expect(error?.status == 429)
                #expect(error?.retryAfter == Harness.now.addingTimeInterval(Harness.resetAfter))
                #expect(server.posts(on: .discord).isEmpty)
            }
        }

        @Test("a 500 is a server error CrossPoster does not retry", arguments: TransportKind.allCases)
        func serverErrorIsNotRetried(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                server.script(.status(500), for: .discordWebhook)
                let (post, payload) = try Harness.payload(for: .discord)
                let result = await Harness.crossPost(post, payload: payload, through: try DiscordLoopback.client(server, Harness.environment(kind)), kind: kind)
                #expect(result.error?.category == .serverError)
                #expect(result.error?.status == 500)
                #expect(result.error?.mayHaveReachedNetwork == true)
                #expect(result.attempts == 1)
                #expect(server.requests(to: .discordWebhook).count == 1)
            }
        }

        @Test("a 500 after the message was posted is not retried, so it is not doubled", arguments: TransportKind.allCases)
        func serverErrorAfterPostingIsNotRetried(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                server.script(.afterHandling(.status(500)), for: .discordWebhook)
                let (post, payload) = try Harness.payload(for: .discord)
                let result = await Harness.crossPost(post, payload: payload, through: try DiscordLoopback.client(server, Harness.environment(kind)), kind: kind)
                #expect(result.error?.category == .serverError)
                #expect(result.attempts == 1)
                #expect(server.posts(on: .discord).count == 1)
            }
        }
    }
}
