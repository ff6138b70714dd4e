import Foundation
import Syndicate
import SyndicateLoopback
import SyndicateTestSupport
import Testing

extension ClientsOverLoopback {
    /// How ``FacebookClient`` and ``CrossPoster`` read the Graph API's error answers.
    @Suite("FacebookClient over loopback: error answers")
    struct FacebookErrorAnswerLoopbackTests {
        typealias Harness = LoopbackClientHarness

        @Test("a token the Graph API refuses (400, code 190) is unauthorized", arguments: TransportKind.allCases)
        func unauthorized(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                let (post, payload) = try Harness.payload(for: .facebook)
                let client = try FacebookLoopback.client(server, Harness.environment(kind), token: "expired-page-token")
                let error = await Harness.failure(of: client, payload, of: post)
                #expect(error?.category == .unauthorized)
                #expect(error?.status == 400)
                #expect(error?.networkMessage == "(#190) Invalid OAuth access token - Cannot parse access token")
                #expect(error?.description.contains("expired-page-token") == false)
                #expect(server.posts(on: .facebook).isEmpty)
            }
        }

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

        @Test("a 429 (code 4) is rate limited", arguments: TransportKind.allCases)
        func rateLimited(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                server.script(.rateLimited(resetAfter: .seconds(300)), for: .facebookFeed)
                let (post, payload) = try Harness.payload(for: .facebook)
                let error = await Harness.failure(of: try FacebookLoopback.client(server, Harness.environment(kind)), payload, of: post)
                #expect(error?.category == .rateLimited)
                #expect(error?.status == 429)
                #expect(error?.networkMessage == "(#4) Application request limit reached")
                #expect(server.posts(on: .facebook).isEmpty)
            }
        }

        @Test("a 429's X-Business-Use-Case-Usage estimated_time_to_regain_access becomes retryAfter", arguments: TransportKind.allCases)
        func rateLimitedRetryAfter(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                server.script(.rateLimited(resetAfter: .seconds(300)), for: .facebookFeed)
                let (post, payload) = try Harness.payload(for: .facebook)
                let error = await Harness.failure(of: try FacebookLoopback.client(server, Harness.environment(kind)), payload, of: post)
                // The header says 5 (minutes) in X-Business-Use-Case-Usage.
                #expect(error?.retryAfter == Harness.now.addingTimeInterval(Harness.resetAfter))
            }
        }

        @Test("a 500 (code 2) is a server error that CrossPoster retries (Facebook refuses duplicates), posting once", arguments: TransportKind.allCases)
        func serverErrorIsRetried(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                server.script(.status(500), for: .facebookFeed)
                let (post, payload) = try Harness.payload(for: .facebook)
                let client = try FacebookLoopback.client(server, Harness.environment(kind))
                let error = await Harness.failure(of: client, payload, of: post)
                #expect(error?.category == .serverError)
                #expect(error?.mayHaveReachedNetwork == true)
                server.script(.status(500), for: .facebookFeed)
                let result = await Harness.crossPost(post, through: client, kind: kind)
                #expect(result.attempts == 2)
                #expect(result.delivery?.remoteID == server.posts(on: .facebook).first?.id)
                #expect(server.requests(to: .facebookFeed).count == 3)
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
