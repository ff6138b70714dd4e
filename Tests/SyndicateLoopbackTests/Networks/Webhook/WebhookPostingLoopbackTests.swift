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
                #expect((body["images"] as? [Any])?.count == payload.images.count)
            }
        }

        @Test("public images are listed with url and alt; the receiver gets each once", arguments: TransportKind.allCases)
        func images(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                let (post, payload) = try PublishedImages.payload(for: .webhook)
                let delivery = try await WebhookLoopback.client(server, Harness.environment(kind)).deliver(payload, of: post)
                #expect(server.posts(on: .webhook).map(\.media) == [PublishedImages.media()])
                #expect(delivery.warnings.isEmpty)
            }
        }

        @Test("local images are left out with a warning each, never sent as file URLs", arguments: TransportKind.allCases)
        func localImages(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                let post = try DryRunHarness.examplePost("sports-day.md")
                var payload = try Composer().payload(for: post, on: .webhook)
                // The composer already leaves local files out for this network; a payload built
                // another way may still hold them, and the client leaves them out too.
                #expect(payload.images.isEmpty && payload.warnings.filter { $0.code == .imageLeftOut }.count == 2)
                payload.images = post.images
                let delivery = try await WebhookLoopback.client(server, Harness.environment(kind)).deliver(payload, of: post)
                #expect(delivery.warnings.count == 2)
                #expect(server.posts(on: .webhook).map(\.media) == [[]])
                #expect(server.requests(to: .webhook).first?.text.contains("file:") == false)
            }
        }
    }
}
