import Foundation
import Syndicate
import SyndicateLoopback
import SyndicateTestSupport
import Testing

extension ClientsOverLoopback {
    /// ``DiscordClient`` executes its webhook over real HTTP.
    @Suite("DiscordClient over loopback: posting")
    struct DiscordPostingLoopbackTests {
        typealias Harness = LoopbackClientHarness

        @Test("posts the payload's text with wait=true and no mentions parsed", arguments: TransportKind.allCases)
        func posts(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                let (post, payload) = try Harness.payload(for: .discord)
                let delivery = try await DiscordLoopback.client(server, Harness.environment(kind)).deliver(payload, of: post)

                #expect(delivery.remoteID == "1300000000000000001")
                #expect(delivery.url == nil)
                #expect(server.posts(on: .discord) == [LoopbackPost(network: .discord, id: delivery.remoteID, text: payload.text, author: DiscordLoopback.webhookID)])
                let request = try #require(server.requests(to: .discordWebhook).first)
                #expect(request.query == "wait=true")
                let body = Harness.json(request)
                #expect(Set(body.keys) == ["content", "allowed_mentions"])
                #expect(body["content"] as? String == payload.text)
                #expect(Harness.same(body["allowed_mentions"], ["parse": []] as NSDictionary))
            }
        }
    }
}
