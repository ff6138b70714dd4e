import Foundation
import Syndicate
import SyndicateLoopback
import SyndicateTestSupport
import Testing

/// ``MastodonClient`` over real HTTP, through each transport, against the loopback Mastodon.
/// The refused token, the 429, the retried 500 and the connection faults are in the shared suites
/// (``ErrorAnswerLoopbackTests``, ``ConnectionFaultLoopbackTests``).
extension ClientsOverLoopback {
    @Suite("MastodonClient over loopback")
    struct MastodonLoopbackTests {
        /// A server whose clock is the dry-run harness's, so reset times are exact.
        static let configuration = LoopbackServer.Configuration(now: { DryRunHarness.now })

        static func client(_ server: LoopbackServer, _ kind: TransportKind) throws -> MastodonClient {
            try MastodonLoopback.client(server, DryRunHarness.environment(kind.make()))
        }

        static func payload() throws -> (Post, SharePayload) {
            var post = try DryRunHarness.examplePost("ofsted-secondments.html")
            post.images = []  // on a host the tests never reach; MastodonImageLoopbackTests has images
            return (post, try Composer().payload(for: post, on: .mastodon))
        }

        @Test("posts a status the server records, with its bearer token and idempotency key", arguments: TransportKind.allCases)
        func posts(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Self.configuration) { server in
                let (post, payload) = try Self.payload()
                let delivery = try await Self.client(server, kind).deliver(payload, of: post)
                let posted = server.posts(on: .mastodon)
                #expect(posted.count == 1)
                #expect(posted.first?.id == delivery.remoteID)
                #expect(posted.first?.text == payload.text)
                #expect(posted.first?.idempotencyKey == IdempotencyKey.make(postID: post.id, network: .mastodon, account: "school"))
                #expect(delivery.url?.absoluteString.hasSuffix("/@loopback/\(delivery.remoteID)") == true)
                let request = try #require(server.requests(to: .mastodonStatuses).first)
                #expect(request.headers["Authorization"] == "Bearer \(LoopbackServer.token)")
            }
        }

        @Test("a retry after a 500 that did post reuses the key, and the server keeps one status", arguments: TransportKind.allCases)
        func retryAfterServerErrorKeepsOneStatus(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Self.configuration) { server in
                // The first attempt creates the status, then answers 500 (as an overloaded proxy would).
                server.script(.afterHandling(.status(500)), for: .mastodonStatuses)
                let (post, _) = try Self.payload()
                let client = try Self.client(server, kind)
                let result = await CrossPoster(environment: DryRunHarness.environment(kind.make())).deliver(post, through: client)
                guard case .posted(let delivery) = result.outcome else {
                    Issue.record("expected posted, got \(result.outcome)")
                    return
                }
                #expect(result.attempts == 2)
                let requests = server.requests(to: .mastodonStatuses)
                #expect(requests.count == 2)
                let keys = requests.compactMap { $0.headers["Idempotency-Key"] }
                #expect(keys.count == 2 && keys[0] == keys[1])
                let posted = server.posts(on: .mastodon)
                #expect(posted.count == 1)
                #expect(posted.first?.id == delivery.remoteID)
            }
        }
    }
}
