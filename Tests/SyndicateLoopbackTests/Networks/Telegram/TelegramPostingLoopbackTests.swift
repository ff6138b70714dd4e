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

        @Test("two photos go as one album carrying both files' bytes, the text as caption", arguments: TransportKind.allCases)
        func album(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                let (post, payload) = try TelegramLoopback.photoPayload()
                let delivery = try await TelegramLoopback.client(server, Harness.environment(kind)).deliver(payload, of: post)

                let posted = try #require(server.posts(on: .telegram).first)
                #expect(server.posts(on: .telegram).count == 1)
                #expect(posted.text == payload.text)
                #expect(posted.media.map(\.sha256) == (try await TelegramLoopback.digests(of: post)))
                #expect(posted.media.map(\.byteCount) == [3_805, 31_093])
                #expect(posted.media.map(\.contentType) == ["image/jpeg", "image/png"])
                #expect(posted.media.allSatisfy { $0.alt == nil })
                #expect(delivery.remoteID == "1")
                #expect(delivery.partIDs == ["1", "2"])
                #expect(delivery.mediaIDs == posted.media.map(\.id))
                #expect(server.requests(to: .telegramSendMessage).isEmpty)
            }
        }

        @Test("one photo goes by sendPhoto with the caption", arguments: TransportKind.allCases)
        func photo(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                let (post, two) = try TelegramLoopback.photoPayload()
                var payload = two
                payload.images.removeLast()
                let delivery = try await TelegramLoopback.client(server, Harness.environment(kind)).deliver(payload, of: post)
                #expect(server.requests(to: .telegramSendPhoto).count == 1)
                #expect(server.posts(on: .telegram).map(\.media.count) == [1])
                #expect(server.posts(on: .telegram).first?.media.first?.sha256 == (try await TelegramLoopback.digests(of: post)).first)
                #expect(delivery.url?.absoluteString == "https://t.me/oakfieldnews/1")
            }
        }

        @Test("a 500 on the album is not retried (Telegram has no duplicate protection); posting again sends it once", arguments: TransportKind.allCases)
        func serverErrorOnTheAlbum(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                let (post, payload) = try TelegramLoopback.photoPayload()
                server.script(.status(500), for: .telegramSendMediaGroup)
                let client = try TelegramLoopback.client(server, Harness.environment(kind))
                let result = await Harness.crossPost(post, payload: payload, through: client, kind: kind)
                #expect(result.error?.category == .serverError)
                #expect(result.attempts == 1)
                #expect(server.posts(on: .telegram).isEmpty)

                _ = try await client.deliver(payload, of: post)
                #expect(server.posts(on: .telegram).count == 1)
                #expect(server.posts(on: .telegram).first?.media.count == 2)
            }
        }

        @Test("a 500 after the album was posted is not retried, so the photos are there once", arguments: TransportKind.allCases)
        func serverErrorAfterTheAlbum(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                let (post, payload) = try TelegramLoopback.photoPayload()
                server.script(.afterHandling(.status(500)), for: .telegramSendMediaGroup)
                let client = try TelegramLoopback.client(server, Harness.environment(kind))
                let result = await Harness.crossPost(post, payload: payload, through: client, kind: kind)
                #expect(result.error?.mayHaveReachedNetwork == true)
                #expect(result.attempts == 1)
                #expect(server.requests(to: .telegramSendMediaGroup).count == 1)
                #expect(server.posts(on: .telegram).map(\.media.count) == [2])
            }
        }

        @Test("a text longer than a caption follows the album as its own message, with a warning", arguments: TransportKind.allCases)
        func longText(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                let (post, composed) = try TelegramLoopback.photoPayload()
                var payload = composed
                payload.text = "<b>Sports day</b>\n\n" + String(repeating: "Rain &amp; relays. ", count: 80)
                let delivery = try await TelegramLoopback.client(server, Harness.environment(kind)).deliver(payload, of: post)
                let posts = server.posts(on: .telegram)
                #expect(posts.map(\.text) == ["", payload.text])
                #expect(posts.map(\.media.count) == [2, 0])
                #expect(delivery.partIDs == ["1", "2", "3"])
                #expect(delivery.warnings.count == 1)
            }
        }

        @Test("a photo over Telegram's dimensions is left out with a warning before sending; Telegram itself answers PHOTO_INVALID_DIMENSIONS", arguments: TransportKind.allCases)
        func oversizedPhoto(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                let huge = TelegramLoopback.pngHeader(width: 6_000, height: 6_000)
                let file = FileManager.default.temporaryDirectory.appendingPathComponent("telegram-huge-\(kind.rawValue)-\(UUID().uuidString).png")
                try huge.write(to: file)
                defer { try? FileManager.default.removeItem(at: file) }
                let (post, composed) = try TelegramLoopback.photoPayload()
                var payload = composed
                payload.images = [Post.Image(url: file, alt: nil)]
                let delivery = try await TelegramLoopback.client(server, Harness.environment(kind)).deliver(payload, of: post)
                #expect(delivery.warnings.count == 1)
                #expect(delivery.warnings.first?.contains(file.lastPathComponent) == true)
                #expect(server.requests(to: .telegramSendPhoto).isEmpty)
                #expect(server.posts(on: .telegram).map(\.media.count) == [0])

                var form = MultipartForm()
                form.add("chat_id", "@oakfieldnews")
                form.add("photo", fileName: "huge.png", contentType: "image/png", data: huge)
                let url = server.baseURL.appendingPathComponent("bot\(LoopbackServer.token)/sendPhoto")
                let answer = try await kind.make().send(form.request(url: url))
                #expect(answer.status == 400)
                #expect(answer.text.contains("Bad Request: PHOTO_INVALID_DIMENSIONS"))
                var mislabelled = MultipartForm()
                mislabelled.add("chat_id", "@oakfieldnews")
                mislabelled.add("photo", fileName: "huge.jpg", contentType: "image/jpeg", data: huge)
                let refused = try await kind.make().send(mislabelled.request(url: url))
                #expect(refused.text.contains("IMAGE_PROCESS_FAILED"))
            }
        }
    }
}
