import Foundation
import Syndicate
import SyndicateLoopback
import SyndicateTestSupport
import Testing

extension ClientsOverLoopback {
    /// How ``LinkedInClient`` and ``CrossPoster`` read LinkedIn's error answers.
    @Suite("LinkedInClient over loopback: error answers")
    struct LinkedInErrorAnswerLoopbackTests {
        typealias Harness = LoopbackClientHarness

        @Test("a token the server does not accept is unauthorized", arguments: TransportKind.allCases)
        func unauthorized(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                let (post, payload) = try Harness.payload(for: .linkedin)
                let client = try LinkedInLoopback.client(server, Harness.environment(kind), token: "expired-token-789")
                let error = await Harness.failure(of: client, payload, of: post)
                #expect(error?.category == .unauthorized)
                #expect(error?.status == 401)
                #expect(error?.networkMessage == "Invalid access token")
                #expect(error?.description.contains("expired-token-789") == false)
                #expect(server.posts(on: .linkedin).isEmpty)
            }
        }

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

        @Test("a 429 is rate limited; LinkedIn sends no reset, so retryAfter is nil", arguments: TransportKind.allCases)
        func rateLimited(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                server.script(.rateLimited(resetAfter: .seconds(300)), for: .linkedInPosts)
                let (post, payload) = try Harness.payload(for: .linkedin)
                let error = await Harness.failure(of: try LinkedInLoopback.client(server, Harness.environment(kind)), payload, of: post)
                #expect(error?.category == .rateLimited)
                #expect(error?.status == 429)
                #expect(error?.retryAfter == nil)
                #expect(error?.networkMessage == "Resource level throttle APPLICATION DAY limit for calls to this resource is reached.")
                #expect(server.posts(on: .linkedin).isEmpty)
            }
        }

        @Test("a 500 is a server error that CrossPoster retries (LinkedIn refuses duplicates), posting once", arguments: TransportKind.allCases)
        func serverErrorIsRetried(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                server.script(.status(500), for: .linkedInPosts)
                let (post, payload) = try Harness.payload(for: .linkedin)
                let client = try LinkedInLoopback.client(server, Harness.environment(kind))
                let error = await Harness.failure(of: client, payload, of: post)
                #expect(error?.category == .serverError)
                #expect(error?.mayHaveReachedNetwork == true)
                server.script(.status(500), for: .linkedInPosts)
                let result = await Harness.crossPost(post, through: client, kind: kind)
                #expect(result.attempts == 2)
                #expect(result.delivery?.remoteID == server.posts(on: .linkedin).first?.id)
                #expect(server.requests(to: .linkedInPosts).count == 3)
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
