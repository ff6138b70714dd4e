import Foundation
import Syndicate
import SyndicateTestSupport
import Testing

@Suite("TelegramClient")
struct TelegramClientTests {
    static let token = "123456:telegram-secret-token"
    let settings = AccountSettings(
        network: .telegram, account: "school", values: ["BOT_TOKEN": TelegramClientTests.token, "CHAT_ID": "-1001234567890"])

    static func failure(_ code: Int, _ description: String, parameters: String? = nil) -> HTTPResponse {
        let extra = parameters.map { #","parameters":\#($0)"# } ?? ""
        return HTTPResponse(
            status: code, headers: ["Content-Type": "application/json"],
            body: Data(#"{"ok":false,"error_code":\#(code),"description":"\#(description)"\#(extra)}"#.utf8))
    }

    /// `post` composed for Telegram without its images (a text message).
    static func textPayload(_ post: Post) throws -> SharePayload {
        var payload = try Composer().payload(for: post, on: .telegram)
        payload.images = []
        return payload
    }

    /// The parts of a multipart request.
    static func parts(_ request: HTTPRequest) -> [MultipartForm.Part] {
        guard let boundary = MultipartForm.boundary(inContentType: request.headers["Content-Type"]) else { return [] }
        return MultipartForm.parse(request.body ?? Data(), boundary: boundary) ?? []
    }

    static func field(_ name: String, of request: HTTPRequest) -> String? {
        parts(request).first { $0.name == name && $0.fileName == nil }.map { String(decoding: $0.data, as: UTF8.self) }
    }

    @Test("dry-run requests for the example article match the golden: its two remote images as an album (not fetched in a dry run), the text as caption")
    func dryRunGolden() async throws {
        let post = try DryRunHarness.examplePost("ofsted-secondments.html")
        let (delivery, requests) = try await DryRunHarness.run(post, settings: AccountSettings(network: .telegram, values: [:]))
        #expect(delivery.remoteID == "100")
        #expect(delivery.url?.absoluteString == "https://t.me/dry_run/100")
        #expect(delivery.partIDs == ["100", "101"])
        #expect(delivery.mediaIDs == ["dry-run-photo-100", "dry-run-photo-101"])
        #expect(requests.map(\.url) == ["https://api.telegram.org/botREDACTED/sendMediaGroup"])
        let rendered = try Golden.render(requests)
        #expect(!rendered.contains("dry-run-bot-token"))
        assertGolden(rendered, named: "dry-run-telegram-ofsted-secondments-html", target: "SyndicateTests")
    }

    @Test("dry-run requests for the sports-day post match the golden: both local photos uploaded as an album")
    func dryRunSportsDayGolden() async throws {
        let post = try DryRunHarness.examplePost("sports-day.md")
        let (delivery, requests) = try await DryRunHarness.run(post, settings: AccountSettings(network: .telegram, values: [:]))
        #expect(requests.map(\.url) == ["https://api.telegram.org/botREDACTED/sendMediaGroup"])
        #expect(delivery.warnings.isEmpty)
        let rendered = try Golden.render(requests)
        #expect(rendered.contains("image/jpeg 3,805 bytes") && rendered.contains("image/png 31,093 bytes"))
        assertGolden(rendered, named: "dry-run-telegram-sports-day-md", target: "SyndicateTests")
    }

    @Test("several photos: sendMediaGroup with InputMediaPhoto attach:// names, the caption and parse mode on the first, one file part each")
    func albumShape() async throws {
        let transport = DryRunTransport()
        let client = try TelegramClient(settings: settings, environment: DryRunHarness.environment(transport))
        let post = try DryRunHarness.examplePost("sports-day.md")
        let payload = try Composer().payload(for: post, on: .telegram)
        _ = try await client.deliver(payload, of: post)
        let request = try #require(await transport.requests.first)
        #expect(request.url.absoluteString == "https://api.telegram.org/bot\(Self.token)/sendMediaGroup")
        let parts = Self.parts(request)
        #expect(parts.map(\.name) == ["chat_id", "media", "photo0", "photo1"])
        #expect(Self.field("chat_id", of: request) == "-1001234567890")
        let media = try #require(JSONSerialization.jsonObject(with: Data((Self.field("media", of: request) ?? "").utf8)) as? [[String: String]])
        #expect(media == [
            ["type": "photo", "media": "attach://photo0", "caption": payload.text, "parse_mode": "HTML"],
            ["type": "photo", "media": "attach://photo1"],
        ])
        #expect(parts[2].contentType == "image/jpeg" && parts[2].data.count == 3_805)
        #expect(parts[3].contentType == "image/png" && parts[3].data.count == 31_093)
    }

    @Test("one photo: sendPhoto with the file part photo, the caption and parse mode")
    func photoShape() async throws {
        let transport = DryRunTransport()
        let client = try TelegramClient(settings: settings, environment: DryRunHarness.environment(transport))
        let post = try DryRunHarness.examplePost("sports-day.md")
        var payload = try Composer().payload(for: post, on: .telegram)
        payload.images.removeLast()
        let delivery = try await client.deliver(payload, of: post)
        let request = try #require(await transport.requests.first)
        #expect(request.url.path.hasSuffix("/sendPhoto"))
        #expect(Self.parts(request).map(\.name) == ["chat_id", "photo", "caption", "parse_mode"])
        #expect(Self.field("caption", of: request) == payload.text)
        #expect(delivery.partIDs.isEmpty)
        #expect(delivery.mediaIDs == ["dry-run-photo-1"])
    }

    @Test("a text longer than a caption: the photos go without one, then the whole text as a message, with a warning")
    func longTextFollowsThePhotos() async throws {
        let transport = DryRunTransport()
        let client = try TelegramClient(settings: settings, environment: DryRunHarness.environment(transport))
        let post = try DryRunHarness.examplePost("sports-day.md")
        var payload = try Composer().payload(for: post, on: .telegram)
        payload.text = "<b>Sports day</b>\n\n" + String(repeating: "Rain &amp; relays. ", count: 80)
        #expect(TelegramParts.parsedLength(payload.text) > TelegramParts.captionLimit)
        let delivery = try await client.deliver(payload, of: post)
        let requests = await transport.requests
        #expect(requests.map(\.url.lastPathComponent) == ["sendMediaGroup", "sendMessage"])
        let media = try #require(JSONSerialization.jsonObject(with: Data((Self.field("media", of: requests[0]) ?? "").utf8)) as? [[String: String]])
        #expect(media.allSatisfy { $0["caption"] == nil })
        let body = try #require(JSONSerialization.jsonObject(with: requests[1].body ?? Data()) as? [String: Any])
        #expect(body["text"] as? String == payload.text)
        #expect(delivery.remoteID == "100")
        #expect(delivery.partIDs == ["100", "101", "2"])
        #expect(delivery.warnings.count == 1)
        #expect(delivery.warnings.first?.contains("longer than a photo caption (1024)") == true)
    }

    @Test("a caption is counted after entity parsing: tags count nothing, an entity one character")
    func captionLength() {
        #expect(TelegramParts.parsedLength("<b>Sports &amp; day</b>") == 12)
        #expect(TelegramParts.parsedLength("a < b") == 5)
        #expect(TelegramParts.parsedLength("😀") == 2)
        #expect(TelegramParts.parsedLength(String(repeating: "x", count: 1024)) == TelegramParts.captionLimit)
    }

    @Test("when the text message fails after the photos, the error lists the photo messages and says they are posted")
    func textFailsAfterPhotos() async throws {
        let transport = DryRunTransport { request in
            request.url.path.hasSuffix("/sendMessage") ? Self.failure(500, "Internal Server Error") : nil
        }
        let client = try TelegramClient(settings: settings, environment: DryRunHarness.environment(transport))
        let post = try DryRunHarness.examplePost("sports-day.md")
        var payload = try Composer().payload(for: post, on: .telegram)
        payload.text = String(repeating: "Relay. ", count: 200)
        do {
            _ = try await client.deliver(payload, of: post)
            Issue.record("expected a failure")
        } catch {
            #expect(error.postedPartIDs == ["100", "101"])
            #expect(error.mayHaveReachedNetwork)
            #expect(error.message.hasPrefix("the photos were posted (messages 100, 101), then the text message failed"))
        }
    }

    @Test("a photo Telegram refuses names the image and the fix, and is not retried")
    func photoRefused() async throws {
        let transport = DryRunTransport { _ in Self.failure(400, "Bad Request: PHOTO_INVALID_DIMENSIONS") }
        let client = try TelegramClient(settings: settings, environment: DryRunHarness.environment(transport))
        let post = try DryRunHarness.examplePost("sports-day.md")
        let payload = try Composer().payload(for: post, on: .telegram)
        do {
            _ = try await client.deliver(payload, of: post)
            Issue.record("expected a failure")
        } catch {
            #expect(error.category == .invalidPayload)
            #expect(error.message == "Telegram refused the photos sports-day-relay.jpg, sports-day-medals.png")
            #expect(error.networkMessage == "Bad Request: PHOTO_INVALID_DIMENSIONS")
            #expect(error.fix.contains("at most 10 MB"))
            #expect(!error.mayHaveReachedNetwork)
        }
    }

    @Test("sendMessage carries chat_id, the HTML text, parse_mode and the link preview")
    func requestShape() async throws {
        let transport = DryRunTransport()
        let client = try TelegramClient(settings: settings, environment: DryRunHarness.environment(transport))
        let post = try DryRunHarness.examplePost("ofsted-secondments.html")
        let payload = try Self.textPayload(post)
        _ = try await client.deliver(payload, of: post)
        let request = try #require(await transport.requests.first)
        #expect(request.url.absoluteString == "https://api.telegram.org/bot\(Self.token)/sendMessage")
        let body = try #require(JSONSerialization.jsonObject(with: request.body ?? Data()) as? [String: Any])
        #expect(body["chat_id"] as? Int == -1_001_234_567_890)
        #expect(body["text"] as? String == payload.text)
        #expect(body["parse_mode"] as? String == "HTML")
        #expect((body["link_preview_options"] as? [String: String])?["url"] == payload.link?.absoluteString)

        let named = try TelegramClient(
            settings: AccountSettings(network: .telegram, values: ["BOT_TOKEN": Self.token, "CHAT_ID": "@school", "API_BASE": "http://127.0.0.1:8081"]),
            environment: DryRunHarness.environment(transport))
        _ = try await named.deliver(payload, of: post)
        let second = try #require(await transport.requests.last)
        #expect(second.url.absoluteString == "http://127.0.0.1:8081/bot\(Self.token)/sendMessage")
        let secondBody = try #require(JSONSerialization.jsonObject(with: second.body ?? Data()) as? [String: Any])
        #expect(secondBody["chat_id"] as? String == "@school")
    }

    @Test("the message link: public chats by username, private channels by id without -100")
    func messageURL() async throws {
        let post = try DryRunHarness.examplePost("ofsted-secondments.html")
        let payload = try Self.textPayload(post)
        for (chat, expected) in [
            (#"{"id":-1001234567890,"type":"channel","username":"school_news"}"#, "https://t.me/school_news/42"),
            (#"{"id":-1001234567890,"type":"channel"}"#, "https://t.me/c/1234567890/42"),
            (#"{"id":-4012345,"type":"group"}"#, nil),
        ] as [(String, String?)] {
            let transport = DryRunTransport { _ in
                HTTPResponse(status: 200, body: Data(#"{"ok":true,"result":{"message_id":42,"date":1,"chat":\#(chat)}}"#.utf8))
            }
            let delivery = try await TelegramClient(settings: settings, environment: DryRunHarness.environment(transport))
                .deliver(payload, of: post)
            #expect(delivery.remoteID == "42")
            #expect(delivery.url?.absoluteString == expected)
        }
    }

    @Test("errors map to categories with Telegram's description and never the token", arguments: [
        (401, "Unauthorized", DeliveryError.Category.unauthorized),
        (404, "Not Found", .unauthorized),
        (403, "Forbidden: bot is not a member of the channel chat", .forbidden),
        (400, "Bad Request: chat not found", .invalidConfiguration),
        (400, "Bad Request: can't parse entities: Unsupported start tag \\\"x\\\"", .invalidPayload),
        (429, "Too Many Requests: retry after 35", .rateLimited),
        (500, "Internal Server Error", .serverError),
    ])
    func errors(code: Int, description: String, category: DeliveryError.Category) async throws {
        let post = try DryRunHarness.examplePost("ofsted-secondments.html")
        let payload = try Self.textPayload(post)
        let transport = DryRunTransport { _ in
            Self.failure(code, description + " " + Self.token, parameters: code == 429 ? #"{"retry_after":35}"# : nil)
        }
        let client = try TelegramClient(settings: settings, environment: DryRunHarness.environment(transport))
        do {
            _ = try await client.deliver(payload, of: post)
            Issue.record("expected \(category)")
        } catch {
            #expect(error.category == category)
            #expect(error.status == code)
            #expect(error.networkMessage?.hasPrefix(String(description.prefix(10))) == true)
            #expect(!error.description.contains(Self.token))
            #expect(!error.description.contains("telegram-secret-token"))
            if category == .rateLimited { #expect(error.retryAfter == DryRunHarness.now.addingTimeInterval(35)) }
            if category == .unauthorized { #expect(error.fix.contains("SYNDICATE_TELEGRAM_BOT_TOKEN")) }
            if category == .invalidConfiguration { #expect(error.fix.contains("SYNDICATE_TELEGRAM_CHAT_ID")) }
        }
    }

    @Test("a group upgraded to a supergroup names the new chat id")
    func migratedChat() async throws {
        let post = try DryRunHarness.examplePost("ofsted-secondments.html")
        let payload = try Self.textPayload(post)
        let transport = DryRunTransport { _ in
            Self.failure(400, "Bad Request: group chat was upgraded to a supergroup chat", parameters: #"{"migrate_to_chat_id":-1009876543210}"#)
        }
        let client = try TelegramClient(settings: settings, environment: DryRunHarness.environment(transport))
        await #expect {
            try await client.deliver(payload, of: post)
        } throws: { error in
            let error = error as? DeliveryError
            return error?.category == .invalidConfiguration && error?.fix.contains("-1009876543210") == true
        }
    }

    @Test("missing settings name the variable to set; a malformed token is refused without showing it")
    func missingCredential() throws {
        let environment = DryRunHarness.environment(DryRunTransport())
        for (values, variable) in [(["CHAT_ID": "@school"], "SYNDICATE_TELEGRAM_BOT_TOKEN"), (["BOT_TOKEN": Self.token], "SYNDICATE_TELEGRAM_CHAT_ID")] {
            #expect {
                try TelegramClient(settings: AccountSettings(network: .telegram, values: values), environment: environment)
            } throws: { error in
                let error = error as? DeliveryError
                return error?.category == .missingCredential && error?.description.contains(variable) == true
            }
        }
        #expect {
            try TelegramClient(
                settings: AccountSettings(network: .telegram, values: ["BOT_TOKEN": "12/secret?token", "CHAT_ID": "@school"]),
                environment: environment)
        } throws: { error in
            let error = error as? DeliveryError
            return error?.category == .invalidConfiguration && error?.description.contains("secret") == false
        }
    }

    @Test("CHAT_ID must be a numeric id or an @username; the error names the variable and the fix")
    func chatIDShape() throws {
        let environment = DryRunHarness.environment(DryRunTransport())
        for bad in ["school news", "@", "@school news", "-", "12a", "schoolnews"] {
            #expect {
                try TelegramClient(
                    settings: AccountSettings(network: .telegram, values: ["BOT_TOKEN": Self.token, "CHAT_ID": bad]),
                    environment: environment)
            } throws: { error in
                let error = error as? DeliveryError
                return error?.category == .invalidConfiguration && error?.description.contains("SYNDICATE_TELEGRAM_CHAT_ID") == true
            }
        }
        for good in ["@school_news", "-1001234567890", "123456789", "@S1"] {
            _ = try TelegramClient(
                settings: AccountSettings(network: .telegram, values: ["BOT_TOKEN": Self.token, "CHAT_ID": good]),
                environment: environment)
        }
    }
}
