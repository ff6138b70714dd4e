import Foundation
import Syndicate
import SyndicateLoopback
import SyndicateTestSupport
import Testing

extension ClientsOverLoopback {
    /// How ``WebhookClient`` and ``CrossPoster`` read the webhook's error answers. The webhook has no duplicate
    /// detection, so nothing that may have reached it is retried.
    @Suite("WebhookClient over loopback: error answers")
    struct WebhookErrorAnswerLoopbackTests {
        typealias Harness = LoopbackClientHarness

        @Test("a 401 is unauthorized", arguments: TransportKind.allCases)
        func unauthorized(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                let (post, payload) = try Harness.payload(for: .webhook)
                server.script(.status(401), for: .webhook)
                let error = await Harness.failure(of: try WebhookLoopback.client(server, Harness.environment(kind)), payload, of: post)
                #expect(error?.category == .unauthorized)
                #expect(error?.status == 401)
                #expect(error?.networkMessage == "Unauthorized")
                #expect(server.posts(on: .webhook).isEmpty)
            }
        }

        @Test("a 429 reads Retry-After into retryAfter exactly", arguments: TransportKind.allCases)
        func rateLimited(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                server.script(.rateLimited(resetAfter: .seconds(300)), for: .webhook)
                let (post, payload) = try Harness.payload(for: .webhook)
                let error = await Harness.failure(of: try WebhookLoopback.client(server, Harness.environment(kind)), payload, of: post)
                #expect(error?.category == .rateLimited)
                #expect(error?.status == 429)
                #expect(error?.retryAfter == Harness.now.addingTimeInterval(Harness.resetAfter))
                #expect(server.posts(on: .webhook).isEmpty)
            }
        }

        @Test("a 500 is a server error CrossPoster does not retry", arguments: TransportKind.allCases)
        func serverErrorIsNotRetried(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                server.script(.status(500), for: .webhook)
                let (post, payload) = try Harness.payload(for: .webhook)
                let result = await Harness.crossPost(post, payload: payload, through: try WebhookLoopback.client(server, Harness.environment(kind)), kind: kind)
                #expect(result.error?.category == .serverError)
                #expect(result.error?.status == 500)
                #expect(result.error?.mayHaveReachedNetwork == true)
                #expect(result.attempts == 1)
                #expect(server.requests(to: .webhook).count == 1)
            }
        }

        @Test("a 500 after the message was posted is not retried, so it is not doubled", arguments: TransportKind.allCases)
        func serverErrorAfterPostingIsNotRetried(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                server.script(.afterHandling(.status(500)), for: .webhook)
                let (post, payload) = try Harness.payload(for: .webhook)
                let result = await Harness.crossPost(post, payload: payload, through: try WebhookLoopback.client(server, Harness.environment(kind)), kind: kind)
                #expect(result.error?.category == .serverError)
                #expect(result.attempts == 1)
                #expect(server.posts(on: .webhook).count == 1)
            }
        }
    }
}
