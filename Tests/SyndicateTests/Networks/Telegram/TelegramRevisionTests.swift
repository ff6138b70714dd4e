import Foundation
import Syndicate
import SyndicateTestSupport
import Testing

@Suite("TelegramClient: retract and update")
struct TelegramRevisionTests {
    static let token = "123456:telegram-secret-token"
    static let settings = AccountSettings(
        network: .telegram, account: "school", values: ["BOT_TOKEN": token, "CHAT_ID": "-1001234567890"])

    static func client(_ transport: DryRunTransport) throws -> TelegramClient {
        try TelegramClient(settings: settings, environment: DryRunHarness.environment(transport))
    }

    static func body(_ request: HTTPRequest) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: request.body ?? Data()) as? [String: Any])
    }

    static func payload() throws -> (Post, SharePayload) {
        let post = try DryRunHarness.examplePost("ofsted-secondments.html")
        var payload = try Composer().payload(for: post, on: .telegram)
        payload.images = []
        return (post, payload)
    }

    /// A transport answering every request with `response`.
    static func answering(_ response: HTTPResponse) -> DryRunTransport {
        DryRunTransport { _ in response }
    }

    @Test("a copy whose address names another chat is refused before anything is sent", arguments: [
        "https://t.me/c/999/42", "https://t.me/otherchannel/42",
    ])
    func anotherChat(address: String) async throws {
        let transport = DryRunTransport()
        let numbered = try Self.client(transport)
        let named = try TelegramClient(
            settings: AccountSettings(network: .telegram, account: "school", values: ["BOT_TOKEN": Self.token, "CHAT_ID": "@schoolnews"]),
            environment: DryRunHarness.environment(transport))
        let copy = PostedCopy(network: .telegram, account: "school", remoteID: "42", url: URL(string: address))
        // A numeric chat id cannot be compared with a username, nor the other way round.
        let client = address.contains("/c/") ? numbered : named
        do throws(DeliveryError) {
            try await client.retract(copy)
            Issue.record("expected a refusal")
        } catch {
            #expect(error.category == .invalidConfiguration)
            #expect(!error.description.contains(Self.token))
        }
        #expect(await transport.requests.isEmpty)
        // The chat it was posted in is accepted.
        try await numbered.retract(PostedCopy(network: .telegram, account: "school", remoteID: "42", url: URL(string: "https://t.me/c/1234567890/42")))
        try await named.retract(PostedCopy(network: .telegram, account: "school", remoteID: "42", url: URL(string: "https://t.me/SchoolNews/42")))
        #expect(await transport.requests.count == 2)
    }

    @Test("a text message is deleted by deleteMessage with the chat id as a number and the message id")
    func deleteOne() async throws {
        let transport = DryRunTransport()
        try await Self.client(transport).retract(PostedCopy(network: .telegram, account: "school", remoteID: "42"))
        let requests = await transport.requests
        #expect(requests.count == 1)
        let request = try #require(requests.first)
        #expect(request.method == .post)
        #expect(request.url.absoluteString == "https://api.telegram.org/bot\(Self.token)/deleteMessage")
        #expect(request.headers["Content-Type"] == "application/json")
        let body = try Self.body(request)
        #expect(Set(body.keys) == ["chat_id", "message_id"])
        #expect(body["chat_id"] as? Int == -1_001_234_567_890)
        #expect(body["message_id"] as? Int == 42)
    }

    @Test("an album and the text after it are deleted in one deleteMessages, the last message first")
    func deleteAlbum() async throws {
        let transport = DryRunTransport()
        let copy = PostedCopy(network: .telegram, account: "school", remoteID: "100", partIDs: ["100", "101", "102"], mediaIDs: ["a", "b"])
        try await Self.client(transport).retract(copy)
        let request = try #require(await transport.requests.first)
        #expect(await transport.requests.count == 1)
        #expect(request.url.lastPathComponent == "deleteMessages")
        let body = try Self.body(request)
        #expect(body["message_ids"] as? [Int] == [102, 101, 100])
    }

    @Test("'message to delete not found' counts as deleted: a delete is safe to repeat")
    func alreadyGone() async throws {
        let transport = Self.answering(TelegramClientTests.failure(400, "Bad Request: message to delete not found"))
        try await Self.client(transport).retract(PostedCopy(network: .telegram, account: "school", remoteID: "7"))
        #expect(await transport.requests.count == 1)
    }

    @Test("'message can't be deleted' (older than 48 hours, or no rights) says to delete it by hand in Telegram, without the token")
    func cannotBeDeleted() async throws {
        let transport = Self.answering(TelegramClientTests.failure(400, "Bad Request: message can't be deleted"))
        do {
            try await Self.client(transport).retract(PostedCopy(network: .telegram, account: "school", remoteID: "7"))
            Issue.record("expected an error")
        } catch let error as DeliveryError {
            #expect(error.category == .forbidden)
            #expect(error.mayHaveReachedNetwork == false)
            #expect(error.message.contains("message 7"))
            #expect(error.fix.contains("delete it by hand in Telegram"))
            #expect(error.fix.contains("48 hours"))
            #expect(!error.description.contains(Self.token) && !error.description.contains("telegram-secret-token"))
        }
    }

    @Test("deleteMessages refused with the MTProto error name reads as 'can't be deleted' too")
    func deleteForbiddenName() async throws {
        let transport = Self.answering(TelegramClientTests.failure(400, "Bad Request: MESSAGE_DELETE_FORBIDDEN"))
        let copy = PostedCopy(network: .telegram, account: "school", remoteID: "1", partIDs: ["1", "2"], mediaIDs: ["a", "b"])
        do {
            try await Self.client(transport).retract(copy)
            Issue.record("expected an error")
        } catch let error as DeliveryError {
            #expect(error.category == .forbidden)
            #expect(error.message.contains("messages 2, 1"))
            #expect(error.fix.contains("delete it by hand in Telegram"))
        }
    }

    @Test("a refused token and a 429 read as when posting")
    func errors() async throws {
        let copy = PostedCopy(network: .telegram, account: "school", remoteID: "7")
        do {
            try await Self.client(Self.answering(TelegramClientTests.failure(401, "Unauthorized"))).retract(copy)
            Issue.record("expected an error")
        } catch let error as DeliveryError {
            #expect(error.category == .unauthorized)
            #expect(!error.description.contains("telegram-secret-token"))
        }
        do {
            let limited = TelegramClientTests.failure(429, "Too Many Requests: retry after 30", parameters: #"{"retry_after":30}"#)
            try await Self.client(Self.answering(limited)).retract(copy)
            Issue.record("expected an error")
        } catch let error as DeliveryError {
            #expect(error.category == .rateLimited)
            #expect(error.retryAfter == DryRunHarness.now.addingTimeInterval(30))
        }
    }

    @Test("a message id that is not a number is refused before anything is sent")
    func notAMessageID() async throws {
        let transport = DryRunTransport()
        await #expect(throws: DeliveryError.self) {
            try await Self.client(transport).retract(PostedCopy(network: .telegram, account: "school", remoteID: "abc"))
        }
        #expect(await transport.requests.isEmpty)
    }

    @Test("a text message is edited by editMessageText with the text, parse mode and link preview; the copy's ids stay")
    func editText() async throws {
        let transport = DryRunTransport()
        let (post, payload) = try Self.payload()
        let url = URL(string: "https://t.me/oakfieldnews/42")
        let copy = PostedCopy(network: .telegram, account: "school", remoteID: "42", url: url)
        let delivery = try await Self.client(transport).edit(copy, to: payload, of: post)
        let request = try #require(await transport.requests.first)
        #expect(await transport.requests.count == 1)
        #expect(request.url.absoluteString == "https://api.telegram.org/bot\(Self.token)/editMessageText")
        let body = try Self.body(request)
        #expect(Set(body.keys) == ["chat_id", "message_id", "text", "parse_mode", "link_preview_options"])
        #expect(body["message_id"] as? Int == 42)
        #expect(body["text"] as? String == payload.text)
        #expect(body["parse_mode"] as? String == "HTML")
        #expect((body["link_preview_options"] as? [String: String])?["url"] == payload.link?.absoluteString)
        #expect(delivery.remoteID == "42" && delivery.url == url && delivery.partIDs.isEmpty)
    }

    @Test("an album captioned with the text: editMessageCaption of the first photo; the photos (file ids) are kept")
    func editCaption() async throws {
        let transport = DryRunTransport()
        let (post, payload) = try Self.payload()
        let copy = PostedCopy(network: .telegram, account: "school", remoteID: "100", partIDs: ["100", "101"], mediaIDs: ["p1", "p2"])
        let delivery = try await Self.client(transport).edit(copy, to: payload, of: post)
        let request = try #require(await transport.requests.first)
        #expect(request.url.lastPathComponent == "editMessageCaption")
        let body = try Self.body(request)
        #expect(Set(body.keys) == ["chat_id", "message_id", "caption", "parse_mode"])
        #expect(body["message_id"] as? Int == 100)
        #expect(body["caption"] as? String == payload.text)
        #expect(delivery.partIDs == ["100", "101"])
        #expect(delivery.mediaIDs == ["p1", "p2"])
    }

    @Test("photos followed by the text: editMessageText of the last message")
    func editFollowUp() async throws {
        let transport = DryRunTransport()
        let (post, payload) = try Self.payload()
        let copy = PostedCopy(network: .telegram, account: "school", remoteID: "100", partIDs: ["100", "101", "102"], mediaIDs: ["p1", "p2"])
        _ = try await Self.client(transport).edit(copy, to: payload, of: post)
        let request = try #require(await transport.requests.first)
        #expect(request.url.lastPathComponent == "editMessageText")
        #expect(try Self.body(request)["message_id"] as? Int == 102)
    }

    @Test("a new text longer than the caption it would replace cannot be edited in place: repost, nothing sent")
    func captionTooLong() async throws {
        let transport = DryRunTransport()
        var (post, payload) = try Self.payload()
        payload.text = String(repeating: "Secondments start in September. ", count: 40)
        post.summary = payload.text
        let copy = PostedCopy(network: .telegram, account: "school", remoteID: "5", mediaIDs: ["p1"])
        do {
            _ = try await Self.client(transport).edit(copy, to: payload, of: post)
            Issue.record("expected an error")
        } catch let error as DeliveryError {
            #expect(error.category == .unsupported)
            #expect(error.fix == RevisionSupport.repostAdvice + ".")
        }
        #expect(await transport.requests.isEmpty)
    }

    @Test("'message is not modified' (the same text again) counts as edited")
    func notModified() async throws {
        let transport = Self.answering(
            TelegramClientTests.failure(400, "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message"))
        let (post, payload) = try Self.payload()
        let delivery = try await Self.client(transport).edit(PostedCopy(network: .telegram, account: "school", remoteID: "9"), to: payload, of: post)
        #expect(delivery.remoteID == "9")
        #expect(await transport.requests.count == 1)
    }

    @Test("a message without text (a photo the copy did not record as one) gets its caption edited instead")
    func noTextFallsBackToCaption() async throws {
        let transport = DryRunTransport { request in
            request.url.lastPathComponent == "editMessageText" ? TelegramClientTests.failure(400, "Bad Request: there is no text in the message to edit") : nil
        }
        let (post, payload) = try Self.payload()
        _ = try await Self.client(transport).edit(PostedCopy(network: .telegram, account: "school", remoteID: "9"), to: payload, of: post)
        #expect(await transport.requests.map(\.url.lastPathComponent) == ["editMessageText", "editMessageCaption"])
    }

    @Test("an edit of a deleted message says so and advises a repost")
    func editGone() async throws {
        let transport = Self.answering(TelegramClientTests.failure(400, "Bad Request: message to edit not found"))
        let (post, payload) = try Self.payload()
        do {
            _ = try await Self.client(transport).edit(PostedCopy(network: .telegram, account: "school", remoteID: "9"), to: payload, of: post)
            Issue.record("expected an error")
        } catch let error as DeliveryError {
            #expect(error.message.contains("message 9 is no longer"))
            #expect(error.fix.contains(RevisionSupport.repostAdvice))
            #expect(error.mayHaveReachedNetwork == false)
        }
    }

    @Test("the dry run answers deletes and edits with Telegram's success shapes")
    func dryRun() async throws {
        let transport = DryRunTransport()
        let client = try Self.client(transport)
        try await client.retract(PostedCopy(network: .telegram, account: "school", remoteID: "1", partIDs: ["1", "2"]))
        let (post, payload) = try Self.payload()
        _ = try await client.edit(PostedCopy(network: .telegram, account: "school", remoteID: "1"), to: payload, of: post)
        _ = try await client.edit(PostedCopy(network: .telegram, account: "school", remoteID: "1", mediaIDs: ["p"]), to: payload, of: post)
        #expect(await transport.requests.map(\.url.lastPathComponent) == ["deleteMessages", "editMessageText", "editMessageCaption"])
    }
}
