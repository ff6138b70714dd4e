import Foundation
import Syndicate
import SyndicateLoopback
import SyndicateTestSupport
import Testing

extension ClientsOverLoopback {
    /// How ``FacebookClient`` and ``CrossPoster`` read the Graph API's own error answers. The refused
    /// token, the 429 and the retried 500 are in ``ErrorAnswerLoopbackTests``.
    @Suite("FacebookClient over loopback: error answers")
    struct FacebookErrorAnswerLoopbackTests {
        typealias Harness = LoopbackClientHarness

        @Test("a scripted 401 is unauthorized too", arguments: TransportKind.allCases)
        func scripted401(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                server.script(.status(401), for: .facebookFeed)
                let (post, payload) = try Harness.payload(for: .facebook)
                let error = await Harness.failure(of: try FacebookLoopback.client(server, Harness.environment(kind)), payload, of: post)
                #expect(error?.category == .unauthorized)
                #expect(error?.status == 401)
            }
        }

        @Test("the #506 duplicate answer is already posted, and not retried", arguments: TransportKind.allCases)
        func duplicateIsAlreadyPosted(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                let (post, _) = try Harness.payload(for: .facebook)
                let client = try FacebookLoopback.client(server, Harness.environment(kind))
                let first = await Harness.crossPost(post, through: client, kind: kind)
                let second = await Harness.crossPost(post, through: client, kind: kind)
                #expect(first.delivery?.remoteID == "\(FacebookLoopback.pageID)_1")
                #expect(second.outcome == .alreadyPosted(nil))
                #expect(second.attempts == 1)
                #expect(server.requests(to: .facebookFeed).count == 2)
                #expect(server.posts(on: .facebook).count == 1)
            }
        }

        @Test("a code-2 500 after the post was made: the retry meets #506, one post exists", arguments: TransportKind.allCases)
        func serverErrorAfterPostingKeepsOnePost(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                server.script(.afterHandling(.status(500)), for: .facebookFeed)
                let (post, _) = try Harness.payload(for: .facebook)
                let result = await Harness.crossPost(post, through: try FacebookLoopback.client(server, Harness.environment(kind)), kind: kind)
                #expect(result.outcome == .alreadyPosted(nil))
                #expect(result.attempts == 2)
                #expect(server.posts(on: .facebook).count == 1)
            }
        }
    }
}
