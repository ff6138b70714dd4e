import Foundation
import Syndicate
import SyndicateLoopback
import SyndicateTestSupport
import Testing

extension ClientsOverLoopback {
    /// ``TelegramClient`` sends a message over real HTTP.
    @Suite("TelegramClient over loopback: posting")
    struct TelegramPostingLoopbackTests {
        typealias Harness = LoopbackClientHarness

        @Test("sends the payload's HTML text to the chat with the link as preview", arguments: TransportKind.allCases)
        func posts(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                let (post, payload) = try Harness.payload(for: .telegram)
                let link = try #require(payload.link)
                let delivery = try await TelegramLoopback.client(server, Harness.environment(kind)).deliver(payload, of: post)

                #expect(delivery.remoteID == "1")
                #expect(delivery.url?.absoluteString == "https://t.me/oakfieldnews/1")
                #expect(server.posts(on: .telegram) == [LoopbackPost(network: .telegram, id: "1", text: payload.text, author: "@oakfieldnews")])
                let request = try #require(server.requests(to: .telegramSendMessage).first)
                #expect(request.path == "/bot\(LoopbackServer.token)/sendMessage")
                let body = Harness.json(request)
                #expect(Set(body.keys) == ["chat_id", "text", "parse_mode", "link_preview_options"])
                #expect(body["chat_id"] as? String == "@oakfieldnews")
                #expect(body["text"] as? String == payload.text)
                #expect(body["parse_mode"] as? String == "HTML")
                #expect(Harness.same(body["link_preview_options"], ["url": link.absoluteString] as NSDictionary))
            }
        }
    }
}
