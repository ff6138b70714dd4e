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

        @Test("public images go as embeds sharing the post's link (one gallery), each image once, no alt text", arguments: TransportKind.allCases)
        func gallery(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                let (post, payload) = try PublishedImages.payload(for: .discord)
                let link = try #require(payload.link?.absoluteString)
                let delivery = try await DiscordLoopback.client(server, Harness.environment(kind)).deliver(payload, of: post)
                #expect(server.posts(on: .discord).map(\.media) == [PublishedImages.media(alt: false)])
                let embeds = Harness.json(server.requests(to: .discordWebhook).first)["embeds"] as? [[String: Any]] ?? []
                #expect(embeds.map { $0["url"] as? String } == [link, link])
                #expect(embeds.map { ($0["image"] as? [String: Any])?["url"] as? String } == PublishedImages.media().map(\.url))
                #expect(delivery.warnings.isEmpty)
            }
        }

        @Test("a 500 after the message was made is not retried: the images are there once", arguments: TransportKind.allCases)
        func serverErrorAfterPosting(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                let (post, payload) = try PublishedImages.payload(for: .discord)
                server.script(.afterHandling(.status(500)), for: .discordWebhook)
                let client = try DiscordLoopback.client(server, Harness.environment(kind))
                let result = await Harness.crossPost(post, payload: payload, through: client, kind: kind)
                #expect(result.attempts == 1)
                #expect(server.posts(on: .discord).map(\.media) == [PublishedImages.media(alt: false)])
            }
        }

        @Test("the local sports-day images are left out with a warning each", arguments: TransportKind.allCases)
        func localImages(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                let post = try DryRunHarness.examplePost("sports-day.md")
                var payload = try Composer().payload(for: post, on: .discord)
                // The composer already leaves local files out for this network; a payload built
                // another way may still hold them, and the client leaves them out too.
                #expect(payload.images.isEmpty && payload.warnings.filter { $0.code == .imageLeftOut }.count == 2)
                payload.images = post.images
                let delivery = try await DiscordLoopback.client(server, Harness.environment(kind)).deliver(payload, of: post)
                #expect(delivery.warnings.count == 2)
                #expect(server.posts(on: .discord).map(\.media) == [[]])
                #expect(Harness.json(server.requests(to: .discordWebhook).first)["embeds"] == nil)
            }
        }

        @Test("the emulator answers Invalid Form Body for an embed image that is not an http(s) URL, and for 11 embeds", arguments: TransportKind.allCases)
        func emulatorRefusals(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                let url = server.baseURL.appendingPathComponent("api/webhooks/\(DiscordLoopback.webhookID)/\(LoopbackServer.token)")
                let local = try HTTPRequest.json(url: url, body: ["embeds": [["image": ["url": "file:///tmp/relay.jpg"]]]])
                let refused = try await kind.make().send(local)
                #expect(refused.status == 400)
                #expect(refused.text.contains("URL_TYPE_INVALID_URL"))
                let many = try HTTPRequest.json(url: url, body: ["embeds": Array(repeating: ["image": ["url": "https://school.example/a.jpg"]], count: 11)])
                let tooMany = try await kind.make().send(many)
                #expect(tooMany.status == 400)
                #expect(tooMany.text.contains("Must be 10 or fewer in length."))
                #expect(server.posts(on: .discord).isEmpty)
            }
        }
    }
}
