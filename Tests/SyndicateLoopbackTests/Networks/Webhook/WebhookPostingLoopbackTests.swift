import Foundation
import Syndicate
import SyndicateLoopback
import SyndicateTestSupport
import Testing

extension ClientsOverLoopback {
    /// ``WebhookClient`` posts its fixed JSON shape over real HTTP.
    @Suite("WebhookClient over loopback: posting")
    struct WebhookPostingLoopbackTests {
        typealias Harness = LoopbackClientHarness

        @Test("posts every key of the fixed shape with the post's fields and a stable Idempotency-Key", arguments: TransportKind.allCases)
        func posts(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                let (post, payload) = try Harness.payload(for: .webhook)
                let delivery = try await WebhookLoopback.client(server, Harness.environment(kind)).deliver(payload, of: post)

                #expect(delivery.remoteID == "hook-1")
                #expect(server.posts(on: .webhook).map(\.text) == [payload.text])
                let request = try #require(server.requests(to: .webhook).first)
                #expect(request.path == "/hooks/syndicate")
                #expect(request.headers["Idempotency-Key"] == IdempotencyKey.make(postID: post.id, network: .webhook, account: "school"))
                let body = Harness.json(request)
                #expect(Set(body.keys) == ["id", "title", "url", "text", "link", "hashtags", "summary", "tags", "images", "published"])
                #expect(body["id"] as? String == post.id)
                #expect(body["title"] as? String == post.title)
                #expect(body["text"] as? String == payload.text)
                #expect(body["link"] as? String == payload.link?.absoluteString)
                #expect(body["hashtags"] as? [String] == payload.hashtags)
                #expect(body["tags"] as? [String] == post.tags)
                #expect((body["images"] as? [Any])?.count == post.images.count)
            }
        }
    }
}
