import Foundation
import Syndicate
import SyndicateLoopback
import SyndicateTestSupport
import Testing

extension ClientsOverLoopback {
    /// How ``LinkedInClient`` and ``CrossPoster`` read LinkedIn's duplicate answer. The refused
    /// token, the 429 and the retried 500 are in ``ErrorAnswerLoopbackTests``.
    @Suite("LinkedInClient over loopback: error answers")
    struct LinkedInErrorAnswerLoopbackTests {
        typealias Harness = LoopbackClientHarness

        @Test("the 422 DUPLICATE_POST answer is already posted, and not retried", arguments: TransportKind.allCases)
        func duplicateIsAlreadyPosted(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                let (post, _) = try Harness.payload(for: .linkedin)
                let client = try LinkedInLoopback.client(server, Harness.environment(kind))
                let first = await Harness.crossPost(post, through: client, kind: kind)
                let second = await Harness.crossPost(post, through: client, kind: kind)
                #expect(first.delivery?.remoteID == server.posts(on: .linkedin).first?.id)
                // The duplicate answer names the share that is already there.
                #expect(second.outcome == .alreadyPosted(first.delivery))
                #expect(second.attempts == 1)
                #expect(server.requests(to: .linkedInPosts).count == 2)
                #expect(server.posts(on: .linkedin).count == 1)
            }
        }

        @Test("a 500 after the post was made: the retry meets DUPLICATE_POST, one post exists", arguments: TransportKind.allCases)
        func serverErrorAfterPostingKeepsOnePost(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                server.script(.afterHandling(.status(500)), for: .linkedInPosts)
                let (post, _) = try Harness.payload(for: .linkedin)
                let result = await Harness.crossPost(post, through: try LinkedInLoopback.client(server, Harness.environment(kind)), kind: kind)
                #expect(result.delivery?.remoteID == server.posts(on: .linkedin).first?.id)
                if case .alreadyPosted = result.outcome {} else { Issue.record("expected already posted, got \(result.outcome)") }
                #expect(result.attempts == 2)
                #expect(server.posts(on: .linkedin).count == 1)
            }
        }
    }
}
