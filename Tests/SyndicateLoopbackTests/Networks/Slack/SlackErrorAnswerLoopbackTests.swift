import Foundation
import Syndicate
import SyndicateLoopback
import SyndicateTestSupport
import Testing

extension ClientsOverLoopback {
    /// How ``SlackClient`` and ``CrossPoster`` read Slack's error answers. Slack has no duplicate
    /// detection, so nothing that may have reached it is retried.
    @Suite("SlackClient over loopback: error answers")
    struct SlackErrorAnswerLoopbackTests {
        typealias Harness = LoopbackClientHarness

        @Test("a revoked webhook (403 invalid_token) is unauthorized", arguments: TransportKind.allCases)
        func unauthorized(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                let (post, payload) = try Harness.payload(for: .slack)
                let client = try SlackLoopback.client(server, Harness.environment(kind), token: "revoked-secret")
                let error = await Harness.failure(of: client, payload, of: post)
                #expect(error?.category == .unauthorized)
                #expect(error?.status == 403)
                #expect(error?.networkMessage == "invalid_token")
                #expect(error?.description.contains("revoked-secret") == false)
                #expect(server.posts(on: .slack).isEmpty)
            }
        }

        @Test("a 429 reads Retry-After into retryAfter exactly", arguments: TransportKind.allCases)
        func rateLimited(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                server.script(.rateLimited(resetAfter: .seconds(300)), for: .slackWebhook)
                let (post, payload) = try Harness.payload(for: .slack)
                let error = await Harness.failure(of: try SlackLoopback.client(server, Harness.environment(kind)), payload, of: post)
                #expect(error?.category == .rateLimited)
                #expect(error?.status == 429)
                #expect(error?.retryAfter == Harness.now.addingTimeInterval(Harness.resetAfter))
                #expect(server.posts(on: .slack).isEmpty)
            }
        }

        @Test("a 500 is a server error CrossPoster does not retry", arguments: TransportKind.allCases)
        func serverErrorIsNotRetried(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                server.script(.status(500), for: .slackWebhook)
                let (post, payload) = try Harness.payload(for: .slack)
                let result = await Harness.crossPost(post, payload: payload, through: try SlackLoopback.client(server, Harness.environment(kind)), kind: kind)
                #expect(result.error?.category == .serverError)
                #expect(result.error?.status == 500)
                #expect(result.error?.mayHaveReachedNetwork == true)
                #expect(result.attempts == 1)
                #expect(server.requests(to: .slackWebhook).count == 1)
            }
        }

        @Test("a 500 after the message was posted is not retried, so it is not doubled", arguments: TransportKind.allCases)
        func serverErrorAfterPostingIsNotRetried(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                server.script(.afterHandling(.status(500)), for: .slackWebhook)
                let (post, payload) = try Harness.payload(for: .slack)
                let result = await Harness.crossPost(post, payload: payload, through: try SlackLoopback.client(server, Harness.environment(kind)), kind: kind)
                #expect(result.error?.category == .serverError)
                #expect(result.attempts == 1)
                #expect(server.posts(on: .slack).count == 1)
            }
        }
    }
}
