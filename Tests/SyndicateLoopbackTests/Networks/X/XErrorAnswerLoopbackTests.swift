import Foundation
import Syndicate
import SyndicateLoopback
import SyndicateTestSupport
import Testing

extension ClientsOverLoopback {
    /// How ``XClient`` and ``CrossPoster`` read X's own error answers: a refused bearer token, the
    /// 403 duplicate. The refused signature, the 429 and the retried 500 are in ``ErrorAnswerLoopbackTests``.
    @Suite("XClient over loopback: error answers")
    struct XErrorAnswerLoopbackTests {
        typealias Harness = LoopbackClientHarness

        @Test("a bearer token the server does not accept is unauthorized", arguments: TransportKind.allCases)
        func unknownBearerIsUnauthorized(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                let (post, payload) = try Harness.payload(for: .x)
                let client = try XLoopback.bearerClient(server, Harness.environment(kind), token: "revoked-token-456")
                let error = await Harness.failure(of: client, payload, of: post)
                #expect(error?.category == .unauthorized)
                #expect(error?.description.contains("revoked-token-456") == false)
                #expect(server.posts(on: .x).isEmpty)
            }
        }

        @Test("the 403 duplicate-content answer is already posted, and not retried", arguments: TransportKind.allCases)
        func duplicateIsAlreadyPosted(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                let (post, _) = try Harness.payload(for: .x)
                let client = try XLoopback.oauth1Client(server, Harness.environment(kind))
                let first = await Harness.crossPost(post, through: client, kind: kind)
                let second = await Harness.crossPost(post, through: client, kind: kind)
                #expect(first.delivery?.remoteID == server.posts(on: .x).first?.id)
                #expect(second.outcome == .alreadyPosted(nil))
                #expect(second.attempts == 1)
                #expect(server.requests(to: .xTweets).count == 2)
                #expect(server.posts(on: .x).count == 1)
            }
        }

        @Test("a 500 after the tweet was made: the retry meets the duplicate, one tweet exists", arguments: TransportKind.allCases)
        func serverErrorAfterPostingKeepsOneTweet(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                server.script(.afterHandling(.status(500)), for: .xTweets)
                let (post, _) = try Harness.payload(for: .x)
                let result = await Harness.crossPost(post, through: try XLoopback.oauth1Client(server, Harness.environment(kind)), kind: kind)
                #expect(result.outcome == .alreadyPosted(nil))
                #expect(result.attempts == 2)
                #expect(server.requests(to: .xTweets).count == 2)
                #expect(server.posts(on: .x).count == 1)
            }
        }
    }
}
