import Foundation
import Syndicate
import SyndicateLoopback
import SyndicateTestSupport
import Testing

extension ClientsOverLoopback {
    /// How ``ThreadsClient`` and ``CrossPoster`` read Threads' Graph API error answers. Threads has
    /// no duplicate detection and no idempotency key, so nothing that may have reached it is retried.
    @Suite("ThreadsClient over loopback: error answers")
    struct ThreadsErrorAnswerLoopbackTests {
        typealias Harness = LoopbackClientHarness

        @Test("a token the API refuses (code 190) is unauthorized", arguments: TransportKind.allCases)
        func unauthorized(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                let (post, payload) = try Harness.payload(for: .threads)
                let client = try ThreadsLoopback.client(server, Harness.environment(kind), token: "expired-threads-token")
                let error = await Harness.failure(of: client, payload, of: post)
                #expect(error?.category == .unauthorized)
                #expect(error?.networkMessage == "(#190) Invalid OAuth access token - Cannot parse access token")
                #expect(error?.description.contains("expired-threads-token") == false)
                #expect(server.requests(to: .threadsPublish).isEmpty)
            }
        }

        @Test("a 429 (code 4) is rate limited", arguments: TransportKind.allCases)
        func rateLimited(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                server.script(.rateLimited(resetAfter: .seconds(300)), for: .threadsCreate)
                let (post, payload) = try Harness.payload(for: .threads)
                let error = await Harness.failure(of: try ThreadsLoopback.client(server, Harness.environment(kind)), payload, of: post)
                #expect(error?.category == .rateLimited)
                #expect(error?.status == 429)
                #expect(error?.retryAfter == Harness.now.addingTimeInterval(Harness.resetAfter))
            }
        }

        @Test("a 500 creating the container is a server error CrossPoster does not retry", arguments: TransportKind.allCases)
        func serverErrorOnCreateIsNotRetried(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                server.script(.status(500), for: .threadsCreate)
                let (post, payload) = try Harness.payload(for: .threads)
                let result = await Harness.crossPost(post, payload: payload, through: try ThreadsLoopback.client(server, Harness.environment(kind)), kind: kind)
                #expect(result.error?.category == .serverError)
                #expect(result.error?.status == 500)
                #expect(result.attempts == 1)
                #expect(server.requests(to: .threadsCreate).count == 1)
                #expect(server.requests(to: .threadsPublish).isEmpty)
            }
        }

        @Test("a 500 after publishing is not retried, so the one post is not doubled", arguments: TransportKind.allCases)
        func serverErrorAfterPublishingIsNotRetried(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                server.script(.afterHandling(.status(500)), for: .threadsPublish)
                let (post, payload) = try Harness.payload(for: .threads)
                let result = await Harness.crossPost(post, payload: payload, through: try ThreadsLoopback.client(server, Harness.environment(kind)), kind: kind)
                #expect(result.error?.category == .serverError)
                #expect(result.error?.mayHaveReachedNetwork == true)
                #expect(result.attempts == 1)
                #expect(server.requests(to: .threadsPublish).count == 1)
                #expect(server.posts(on: .threads).count == 1)
            }
        }
    }
}
