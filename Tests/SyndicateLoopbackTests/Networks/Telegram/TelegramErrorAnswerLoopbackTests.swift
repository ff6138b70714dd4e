import Foundation
import Syndicate
import SyndicateLoopback
import SyndicateTestSupport
import Testing

extension ClientsOverLoopback {
    /// How ``TelegramClient`` and ``CrossPoster`` read Telegram's error answers. Telegram has no duplicate
    /// detection, so nothing that may have reached it is retried.
    @Suite("TelegramClient over loopback: error answers")
    struct TelegramErrorAnswerLoopbackTests {
        typealias Harness = LoopbackClientHarness

        @Test("a bot token the API refuses is unauthorized", arguments: TransportKind.allCases)
        func unauthorized(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                let (post, payload) = try Harness.payload(for: .telegram)
                let client = try TelegramLoopback.client(server, Harness.environment(kind), token: "123456:revoked")
                let error = await Harness.failure(of: client, payload, of: post)
                #expect(error?.category == .unauthorized)
                #expect(error?.status == 401)
                #expect(error?.networkMessage == "Unauthorized")
                #expect(error?.description.contains("123456:revoked") == false)
                #expect(server.posts(on: .telegram).isEmpty)
            }
        }

        @Test("a 429 reads parameters.retry_after into retryAfter exactly", arguments: TransportKind.allCases)
        func rateLimited(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                server.script(.rateLimited(resetAfter: .seconds(300)), for: .telegramSendMessage)
                let (post, payload) = try Harness.payload(for: .telegram)
                let error = await Harness.failure(of: try TelegramLoopback.client(server, Harness.environment(kind)), payload, of: post)
                #expect(error?.category == .rateLimited)
                #expect(error?.status == 429)
                #expect(error?.retryAfter == Harness.now.addingTimeInterval(Harness.resetAfter))
                #expect(server.posts(on: .telegram).isEmpty)
            }
        }

        @Test("a 500 is a server error CrossPoster does not retry", arguments: TransportKind.allCases)
        func serverErrorIsNotRetried(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                server.script(.status(500), for: .telegramSendMessage)
                let (post, payload) = try Harness.payload(for: .telegram)
                let result = await Harness.crossPost(post, payload: payload, through: try TelegramLoopback.client(server, Harness.environment(kind)), kind: kind)
                #expect(result.error?.category == .serverError)
                #expect(result.error?.status == 500)
                #expect(result.error?.mayHaveReachedNetwork == true)
                #expect(result.attempts == 1)
                #expect(server.requests(to: .telegramSendMessage).count == 1)
            }
        }

        @Test("a 500 after the message was posted is not retried, so it is not doubled", arguments: TransportKind.allCases)
        func serverErrorAfterPostingIsNotRetried(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                server.script(.afterHandling(.status(500)), for: .telegramSendMessage)
                let (post, payload) = try Harness.payload(for: .telegram)
                let result = await Harness.crossPost(post, payload: payload, through: try TelegramLoopback.client(server, Harness.environment(kind)), kind: kind)
                #expect(result.error?.category == .serverError)
                #expect(result.attempts == 1)
                #expect(server.posts(on: .telegram).count == 1)
            }
        }
    }
}
