import Foundation
import Syndicate
import SyndicateLoopback
import SyndicateTestSupport
import Testing

extension ClientsOverLoopback {
    /// ``XClient`` posts over real HTTP, and the server verifies what it received.
    @Suite("XClient over loopback: posting")
    struct XPostingLoopbackTests {
        typealias Harness = LoopbackClientHarness

        @Test("an OAuth 1.0a post passes the server's signature check and is recorded as sent", arguments: TransportKind.allCases)
        func postsSignedWithOAuth1(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                let (post, payload) = try Harness.payload(for: .x)
                let delivery = try await XLoopback.oauth1Client(server, Harness.environment(kind)).deliver(payload, of: post)
                let posted = server.posts(on: .x)
                #expect(posted.count == 1)
                #expect(posted.first?.id == delivery.remoteID)
                #expect(posted.first?.text == payload.text)
                #expect(posted.first?.author == LoopbackServer.token)
                #expect(delivery.url?.absoluteString == "https://x.com/i/web/status/\(delivery.remoteID)")
                let request = try #require(server.requests(to: .xTweets).first)
                #expect(request.headers["Authorization"]?.hasPrefix("OAuth oauth_consumer_key=\"loopback-consumer-key\"") == true)
                #expect(request.headers["Authorization"]?.contains("oauth_nonce=\"\(DryRunHarness.nonce)\"") == true)
                #expect(request.headers["Authorization"]?.contains("oauth_timestamp=\"1767225600\"") == true)
                #expect(Harness.same(Harness.json(request) as NSDictionary, ["text": payload.text] as NSDictionary))
            }
        }

        @Test("a bearer-token post is accepted and recorded", arguments: TransportKind.allCases)
        func postsWithBearerToken(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                let (post, payload) = try Harness.payload(for: .x)
                let delivery = try await XLoopback.bearerClient(server, Harness.environment(kind)).deliver(payload, of: post)
                #expect(server.posts(on: .x).map(\.id) == [delivery.remoteID])
                #expect(server.requests(to: .xTweets).first?.headers["Authorization"] == "Bearer \(LoopbackServer.token)")
            }
        }
    }
}
