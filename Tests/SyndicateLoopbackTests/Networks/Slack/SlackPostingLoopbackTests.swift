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

        @Test("public images go as image blocks with their alt text after the text section, each once", arguments: TransportKind.allCases)
        func imageBlocks(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                let (post, payload) = try PublishedImages.payload(for: .slack)
                let delivery = try await SlackLoopback.client(server, Harness.environment(kind)).deliver(payload, of: post)
                #expect(server.posts(on: .slack).map(\.media) == [PublishedImages.media()])
                #expect(server.posts(on: .slack).map(\.text) == [payload.text])
                let blocks = Harness.json(server.requests(to: .slackWebhook).first)["blocks"] as? [[String: Any]] ?? []
                #expect(blocks.map { $0["type"] as? String } == ["section", "image", "image"])
                #expect(delivery.warnings.isEmpty)
            }
        }

        @Test("a 500 after the message was made is not retried: the images are there once", arguments: TransportKind.allCases)
        func serverErrorAfterPosting(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                let (post, payload) = try PublishedImages.payload(for: .slack)
                server.script(.afterHandling(.status(500)), for: .slackWebhook)
                let client = try SlackLoopback.client(server, Harness.environment(kind))
                let result = await Harness.crossPost(post, payload: payload, through: client, kind: kind)
                #expect(result.attempts == 1)
                #expect(server.posts(on: .slack).map(\.media) == [PublishedImages.media()])
            }
        }

        @Test("the local sports-day images are left out with a warning each; the text posts without blocks", arguments: TransportKind.allCases)
        func localImages(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                let post = try DryRunHarness.examplePost("sports-day.md")
                var payload = try Composer().payload(for: post, on: .slack)
                // The composer already leaves local files out for this network; a payload built
                // another way may still hold them, and the client leaves them out too.
                #expect(payload.images.isEmpty && payload.warnings.filter { $0.code == .imageLeftOut }.count == 2)
                payload.images = post.images
                let delivery = try await SlackLoopback.client(server, Harness.environment(kind)).deliver(payload, of: post)
                #expect(delivery.warnings.count == 2)
                #expect(server.posts(on: .slack).map(\.media) == [[]])
            }
        }

        @Test("the emulator answers invalid_blocks for an image block without alt_text or with a local URL", arguments: TransportKind.allCases)
        func invalidBlocks(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                let url = server.baseURL.appendingPathComponent("services/T0LOOP/B0LOOP/\(LoopbackServer.token)")
                for block in [#"{"type":"image","image_url":"https://school.example/a.jpg"}"#, #"{"type":"image","image_url":"file:///tmp/a.jpg","alt_text":"A"}"#] {
                    let body = Data(#"{"text":"Sports day","blocks":[\#(block)]}"#.utf8)
                    let answer = try await kind.make().send(HTTPRequest(method: .post, url: url, headers: ["Content-Type": "application/json"], body: body))
                    #expect(answer.status == 400)
                    #expect(answer.text == "invalid_blocks")
                }
                #expect(server.posts(on: .slack).isEmpty)
            }
        }
    }
}
