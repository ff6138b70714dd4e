import Foundation
import Syndicate
import SyndicateLoopback
import SyndicateTestSupport
import Testing

extension ClientsOverLoopback {
    /// ``SlackClient`` posts to its incoming webhook over real HTTP.
    @Suite("SlackClient over loopback: posting")
    struct SlackPostingLoopbackTests {
        typealias Harness = LoopbackClientHarness

        @Test("posts the payload's mrkdwn text with unfurl_links; the remote id is the idempotency key", arguments: TransportKind.allCases)
        func posts(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                let (post, payload) = try Harness.payload(for: .slack)
                let delivery = try await SlackLoopback.client(server, Harness.environment(kind)).deliver(payload, of: post)

                #expect(delivery.remoteID == IdempotencyKey.make(postID: post.id, network: .slack, account: "school"))
                #expect(delivery.url == nil)
                #expect(server.posts(on: .slack).map(\.text) == [payload.text])
                let body = Harness.json(server.requests(to: .slackWebhook).first)
                #expect(Set(body.keys) == ["text", "unfurl_links"])
                #expect(body["text"] as? String == payload.text)
                #expect(body["unfurl_links"] as? Bool == true)
            }
        }
    }
}
