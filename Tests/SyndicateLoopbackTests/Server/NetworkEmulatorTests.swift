import Foundation
import Syndicate
import Testing

@testable import SyndicateLoopback

/// The emulated APIs' semantics and error shapes, checked on the server's state without I/O.
@Suite("Loopback network emulators")
struct NetworkEmulatorTests {
    static let now = Date(timeIntervalSince1970: 1_767_225_600)
    static let token = LoopbackServer.token

    /// The server's state, fresh for each test.
    final class Box {
        var state = LoopbackState(tokens: .only([LoopbackServer.token]), blueskyPassword: LoopbackServer.blueskyPassword)
    }

    let box = Box()
    var state: LoopbackState {
        get { box.state }
        nonmutating set { box.state = newValue }
    }

    /// The response to `request`, which must not be dropped or delayed.
    func answer(
        _ target: String, method: String = "POST", headers: HTTPHeaders = [:], json: Any? = nil, body: String? = nil
    ) throws -> HTTPResponse {
        let parts = target.split(separator: "?", maxSplits: 1).map(String.init)
        var headers = headers
        var data = Data((body ?? "").utf8)
        if let json {
            data = try JSONSerialization.data(withJSONObject: json, options: [.sortedKeys])
            headers["Content-Type"] = "application/json"
        }
        let request = LoopbackRequest(method: method, path: parts[0], query: parts.count > 1 ? parts[1] : nil, headers: headers, body: data)
        guard case .respond(let response, delay: nil) = state.answer(request, now: Self.now) else {
            throw CocoaError(.featureUnsupported)
        }
        return response
    }

    static func object(_ response: HTTPResponse) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: response.body)) as? [String: Any] ?? [:]
    }

    // MARK: Routing

    @Test(
        "paths route like the real APIs",
        arguments: [
            ("/2/tweets", LoopbackRoute.xTweets), ("/api/v1/statuses", .mastodonStatuses),
            ("/xrpc/com.atproto.server.createSession", .blueskyCreateSession),
            ("/xrpc/com.atproto.server.refreshSession", .blueskyRefreshSession),
            ("/xrpc/com.atproto.repo.createRecord", .blueskyCreateRecord), ("/xrpc/com.atproto.repo.uploadBlob", .blueskyUploadBlob),
            ("/rest/posts", .linkedInPosts), ("/v1.0/1789/threads", .threadsCreate), ("/v1.0/1789/threads_publish", .threadsPublish),
            ("/v21.0/1234/feed", .facebookFeed), ("/bot123:ABC/sendMessage", .telegramSendMessage),
            ("/api/webhooks/99/secret", .discordWebhook), ("/services/T1/B2/secret", .slackWebhook), ("/hooks/anything/here", .webhook),
            ("/v2/blog/staff.tumblr.com/posts", .tumblrPosts),
            ("/bot123:ABC/deleteMessage", .telegramDeleteMessage), ("/bot123:ABC/deleteMessages", .telegramDeleteMessages),
            ("/bot123:ABC/editMessageText", .telegramEditMessageText), ("/bot123:ABC/editMessageCaption", .telegramEditMessageCaption),
            ("/api/webhooks/99/secret/messages/12", .discordWebhookMessage),
        ])
    func routes(path: String, route: LoopbackRoute) {
        #expect(LoopbackRouter.match(path: path)?.route == route)
    }

    @Test("an unknown path is a 404 and is still recorded")
    func unknownPath() throws {
        let response = try answer("/nowhere")
        #expect(response.status == 404)
        #expect(state.recorder.requests.count == 1)
        #expect(state.recorder.requests.first?.route == nil)
    }

    // MARK: X

    @Test("X refuses identical text from the same token with its duplicate-content 403")
    func xDuplicate() throws {
        let headers: HTTPHeaders = ["Authorization": "Bearer \(Self.token)"]
        let first = try answer("/2/tweets", headers: headers, json: ["text": "Hello"])
        #expect(first.status == 201)
        #expect((Self.object(first)["data"] as? [String: Any])?["text"] as? String == "Hello")
        let second = try answer("/2/tweets", headers: headers, json: ["text": "Hello"])
        #expect(second.status == 403)
        #expect(
            second.text
                == #"{"detail":"You are not allowed to create a Tweet with duplicate content.","status":403,"title":"Forbidden","type":"about:blank"}"#)
        #expect(state.recorder.posts(on: .x).count == 1)
    }

    @Test("X reads the user token of an OAuth 1.0a header, and refuses an unknown one with 401")
    func xOAuth1() throws {
        let body = Data(#"{"text":"a"}"#.utf8)
        let signer = OAuth1Signer(
            credentials: .init(
                consumerKey: "ck", consumerSecret: LoopbackServer.xConsumerSecret, token: Self.token,
                tokenSecret: LoopbackServer.xAccessTokenSecret))
        let signed = HTTPRequest(method: .post, url: URL(string: "http://127.0.0.1:1/2/tweets")!, body: body)
        let good = signer.authorization(for: signed, nonce: "n", timestamp: Self.now)
        #expect(try answer("/2/tweets", headers: ["Authorization": good, "Host": "127.0.0.1:1"], body: #"{"text":"a"}"#).status == 201)
        let bad = try answer("/2/tweets", headers: ["Authorization": #"OAuth oauth_token="other""#], json: ["text": "b"])
        #expect(bad.status == 401)
        #expect(bad.text == #"{"detail":"Unauthorized","status":401,"title":"Unauthorized","type":"about:blank"}"#)
    }

    // MARK: Mastodon

    @Test("Mastodon answers a repeated Idempotency-Key with the original status and posts once")
    func mastodonIdempotency() throws {
        let headers: HTTPHeaders = ["Authorization": "Bearer \(Self.token)", "Idempotency-Key": "k1"]
        let first = try answer("/api/v1/statuses", headers: headers, json: ["status": "Hi"])
        let again = try answer("/api/v1/statuses", headers: headers, json: ["status": "Hi, edited"])
        #expect(first.status == 200)
        #expect(again == first)
        var other = headers
        other["Idempotency-Key"] = "k2"
        let third = try answer("/api/v1/statuses", headers: other, json: ["status": "Hi"])
        #expect(Self.object(third)["id"] as? String != Self.object(first)["id"] as? String)
        #expect(state.recorder.posts(on: .mastodon).map(\.text) == ["Hi", "Hi"])
    }

    @Test("Mastodon takes form bodies, and refuses blank and over-long statuses with 422")
    func mastodonValidation() throws {
        let headers: HTTPHeaders = ["Authorization": "Bearer \(Self.token)", "Content-Type": "application/x-www-form-urlencoded"]
        #expect(try answer("/api/v1/statuses", headers: headers, body: "status=Hello+there%21").status == 200)
        #expect(state.recorder.posts.last?.text == "Hello there!")
        let blank = try answer("/api/v1/statuses", headers: headers, body: "status=")
        #expect(blank.status == 422)
        let long = try answer("/api/v1/statuses", headers: headers, body: "status=" + String(repeating: "a", count: 501))
        #expect(Self.object(long)["error"] as? String == "Validation failed: Text character limit of 500 exceeded")
    }

    // MARK: Bluesky

    @Test("Bluesky issues sessions, requires its accessJwt, and refuses an existing rkey")
    func blueskySessions() throws {
        let session = try answer(
            "/xrpc/com.atproto.server.createSession", json: ["identifier": "school.example", "password": LoopbackServer.blueskyPassword])
        #expect(session.status == 200)
        let access = try #require(Self.object(session)["accessJwt"] as? String)
        let refresh = try #require(Self.object(session)["refreshJwt"] as? String)
        let did = try #require(Self.object(session)["did"] as? String)
        let record: [String: Any] = [
            "repo": did, "collection": "app.bsky.feed.post", "rkey": "3abc",
            "record": ["$type": "app.bsky.feed.post", "text": "Hi", "createdAt": "2026-01-01T00:00:00Z"],
        ]
        let created = try answer("/xrpc/com.atproto.repo.createRecord", headers: ["Authorization": "Bearer \(access)"], json: record)
        #expect(created.status == 200)
        #expect(Self.object(created)["uri"] as? String == "at://\(did)/app.bsky.feed.post/3abc")
        let again = try answer("/xrpc/com.atproto.repo.createRecord", headers: ["Authorization": "Bearer \(access)"], json: record)
        #expect(again.status == 400)
        #expect(Self.object(again)["error"] as? String == "InvalidRequest")
        let forged = try answer("/xrpc/com.atproto.repo.createRecord", headers: ["Authorization": "Bearer forged"], json: record)
        #expect(forged.status == 401)
        #expect(forged.text == #"{"error":"InvalidToken","message":"Token could not be verified"}"#)
        let refreshed = try answer("/xrpc/com.atproto.server.refreshSession", headers: ["Authorization": "Bearer \(refresh)"])
        #expect(refreshed.status == 200)
        let reused = try answer("/xrpc/com.atproto.server.refreshSession", headers: ["Authorization": "Bearer \(refresh)"])
        #expect(reused.status == 401)
        let wrong = try answer("/xrpc/com.atproto.server.createSession", json: ["identifier": "school.example", "password": "nope"])
        #expect(wrong.status == 401)
        #expect(Self.object(wrong)["error"] as? String == "AuthenticationRequired")
        #expect(state.recorder.posts(on: .bluesky).count == 1)
    }

    // MARK: Other networks

    @Test("LinkedIn answers 201 with x-restli-id, a duplicate with 422 DUPLICATE_POST")
    func linkedIn() throws {
        let headers: HTTPHeaders = ["Authorization": "Bearer \(Self.token)", "LinkedIn-Version": "202601", "X-Restli-Protocol-Version": "2.0.0"]
        let post: [String: Any] = [
            "author": "urn:li:person:1", "commentary": "Hi", "visibility": "PUBLIC", "lifecycleState": "PUBLISHED",
            "distribution": ["feedDistribution": "MAIN_FEED"],
        ]
        let first = try answer("/rest/posts", headers: headers, json: post)
        #expect(first.status == 201)
        #expect(first.body.isEmpty)
        let urn = try #require(first.headers["x-restli-id"])
        let second = try answer("/rest/posts", headers: headers, json: post)
        #expect(second.status == 422)
        #expect(second.text.contains("DUPLICATE_POST") && second.text.contains(urn))
        var unversioned = headers
        unversioned["LinkedIn-Version"] = nil
        #expect(try answer("/rest/posts", headers: unversioned, json: post).status == 400)
    }

    @Test("Threads publishes a container once")
    func threads() throws {
        let container = try answer("/v1.0/1789/threads?media_type=TEXT&text=Hi&access_token=\(Self.token)")
        let id = try #require(Self.object(container)["id"] as? String)
        let published = try answer("/v1.0/1789/threads_publish?creation_id=\(id)&access_token=\(Self.token)")
        #expect(published.status == 200)
        let twice = try answer("/v1.0/1789/threads_publish?creation_id=\(id)&access_token=\(Self.token)")
        #expect(twice.status == 400)
        #expect(state.recorder.posts(on: .threads).map(\.text) == ["Hi"])
    }

    @Test("Facebook posts to a page feed, refuses a duplicate with #506 and a bad token with code 190")
    func facebook() throws {
        let form: HTTPHeaders = ["Content-Type": "application/x-www-form-urlencoded"]
        let first = try answer("/v21.0/1234/feed", headers: form, body: "message=Hi&access_token=\(Self.token)")
        #expect(Self.object(first)["id"] as? String == "1234_1")
        let second = try answer("/v21.0/1234/feed", headers: form, body: "message=Hi&access_token=\(Self.token)")
        #expect(((Self.object(second)["error"] as? [String: Any])?["code"] as? Int) == 506)
        let bad = try answer("/v21.0/1234/feed", headers: form, body: "message=Yo&access_token=wrong")
        #expect(bad.status == 400)
        #expect(((Self.object(bad)["error"] as? [String: Any])?["code"] as? Int) == 190)
    }

    @Test("Telegram checks the token in the path and answers in its ok/result shape")
    func telegram() throws {
        let sent = try answer("/bot\(Self.token)/sendMessage", json: ["chat_id": "@school", "text": "Hi"])
        #expect(Self.object(sent)["ok"] as? Bool == true)
        let bad = try answer("/botwrong/sendMessage", json: ["chat_id": "@school", "text": "Hi"])
        #expect(bad.text == #"{"description":"Unauthorized","error_code":401,"ok":false}"#)
    }

    @Test("Discord answers 200 with wait=true, 204 without, 401 for a bad webhook token")
    func discord() throws {
        #expect(try answer("/api/webhooks/99/\(Self.token)?wait=true", json: ["content": "Hi"]).status == 200)
        #expect(try answer("/api/webhooks/99/\(Self.token)", json: ["content": "Hi"]).status == 204)
        let bad = try answer("/api/webhooks/99/wrong", json: ["content": "Hi"])
        #expect(bad.text == #"{"code":50027,"message":"Invalid Webhook Token"}"#)
        #expect(state.recorder.posts(on: .discord).count == 2)
    }

    @Test("Telegram deletes and edits its bot's messages, with its own answers for gone, unchanged and text-less ones")
    func telegramRevisions() throws {
        let bot = "/bot\(Self.token)"
        _ = try answer("\(bot)/sendMessage", json: ["chat_id": "@school", "text": "Hi"])
        let same = try answer("\(bot)/editMessageText", json: ["chat_id": "@school", "message_id": 1, "text": "Hi"])
        #expect(Self.object(same)["description"] as? String == "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message")
        let noCaption = try answer("\(bot)/editMessageCaption", json: ["chat_id": "@school", "message_id": 1, "caption": "Hi"])
        #expect(Self.object(noCaption)["description"] as? String == "Bad Request: there is no caption in the message to edit")
        #expect(Self.object(try answer("\(bot)/editMessageText", json: ["chat_id": "@school", "message_id": 1, "text": "Hello"]))["ok"] as? Bool == true)
        #expect(state.recorder.posts(on: .telegram).first?.previousTexts == ["Hi"])
        let deleted = try answer("\(bot)/deleteMessage", json: ["chat_id": "@school", "message_id": 1])
        #expect(deleted.text == #"{"ok":true,"result":true}"#)
        let again = try answer("\(bot)/deleteMessage", json: ["chat_id": "@school", "message_id": 1])
        #expect(again.status == 400 && Self.object(again)["description"] as? String == "Bad Request: message to delete not found")
        // deleteMessages skips what it cannot find.
        #expect(try answer("\(bot)/deleteMessages", json: ["chat_id": "@school", "message_ids": [1, 2]]).text == #"{"ok":true,"result":true}"#)
        let gone = try answer("\(bot)/editMessageText", json: ["chat_id": "@school", "message_id": 1, "text": "Hi"])
        #expect(Self.object(gone)["description"] as? String == "Bad Request: message to edit not found")
        #expect(state.recorder.posts(on: .telegram).first?.isDeleted == true)
    }

    @Test("Discord deletes (204) and edits (200) the webhook's messages; an unknown one is 404 Unknown Message")
    func discordRevisions() throws {
        let hook = "/api/webhooks/99/\(Self.token)"
        let sent = try answer("\(hook)?wait=true", json: ["content": "Hi"])
        let id = try #require(Self.object(sent)["id"] as? String)
        let edited = try answer("\(hook)/messages/\(id)", method: "PATCH", json: ["content": "Hello"])
        #expect(edited.status == 200 && Self.object(edited)["content"] as? String == "Hello")
        let otherWebhook = try answer("/api/webhooks/98/\(Self.token)/messages/\(id)", method: "DELETE")
        #expect(otherWebhook.status == 404 && otherWebhook.text == #"{"code":10008,"message":"Unknown Message"}"#)
        #expect(try answer("\(hook)/messages/\(id)", method: "DELETE").status == 204)
        #expect(try answer("\(hook)/messages/\(id)", method: "DELETE").status == 404)
        #expect(try answer("\(hook)/messages/\(id)", method: "POST").status == 405)
        #expect(state.recorder.posts(on: .discord).first?.previousTexts == ["Hi"])
        #expect(state.recorder.posts(on: .discord).first?.isDeleted == true)
    }

    @Test("Slack answers ok, and invalid_token for an unknown secret")
    func slack() throws {
        #expect(try answer("/services/T1/B2/\(Self.token)", json: ["text": "Hi"]).text == "ok")
        let bad = try answer("/services/T1/B2/wrong", json: ["text": "Hi"])
        #expect(bad.status == 403)
        #expect(bad.text == "invalid_token")
    }

    // MARK: Scripted faults

    @Test("scripted 429s carry each network's reset in its own form")
    func rateLimitShapes() throws {
        let reset = Self.now.addingTimeInterval(120)
        for route in LoopbackRoute.allCases { state.script.append([.rateLimited(resetAfter: .seconds(120))], for: route) }
        let x = try answer("/2/tweets")
        #expect(x.status == 429)
        #expect(x.headers["x-rate-limit-reset"] == "1767225720")
        #expect(x.headers["x-rate-limit-remaining"] == "0")
        let mastodon = try answer("/api/v1/statuses")
        #expect(mastodon.headers["X-RateLimit-Reset"] == "2026-01-01T00:02:00.000Z")
        let bluesky = try answer("/xrpc/com.atproto.repo.createRecord")
        #expect(bluesky.headers["RateLimit-Reset"] == "1767225720")
        let discord = try answer("/api/webhooks/1/t")
        #expect(Self.object(discord)["retry_after"] as? Double == 120)
        #expect(discord.headers["Retry-After"] == "120")
        let telegram = try answer("/botx/sendMessage")
        #expect((Self.object(telegram)["parameters"] as? [String: Any])?["retry_after"] as? Int == 120)
        for response in [x, mastodon, bluesky, discord, telegram] {
            #expect(RateLimitReset.date(from: response, now: Self.now) == reset)
        }
    }

    @Test("scripted faults are given out in order, once each, per route")
    func scriptOrder() throws {
        state.script.append([.status(503), .status(500)], for: .webhook)
        #expect(try answer("/hooks/a").status == 503)
        #expect(try answer("/2/tweets").status == 401)   // another route: unaffected
        #expect(try answer("/hooks/a").status == 500)
        #expect(try answer("/hooks/a").status == 200)
    }

    @Test("slow and dropped faults become delayed answers and closed connections")
    func slowAndDrop() {
        state.script.append([.slow(.seconds(3)), .dropConnection], for: .webhook)
        let request = LoopbackRequest(method: "POST", path: "/hooks/x")
        guard case .respond(let response, delay: .seconds(3)) = state.answer(request, now: Self.now) else {
            Issue.record("expected a delayed answer")
            return
        }
        #expect(response.status == 200)
        #expect(state.answer(request, now: Self.now) == .drop)
    }

    @Test("afterHandling posts, then fails")
    func afterHandling() throws {
        state.script.append([.afterHandling(.status(500))], for: .mastodonStatuses)
        let headers: HTTPHeaders = ["Authorization": "Bearer \(Self.token)", "Idempotency-Key": "k"]
        let failed = try answer("/api/v1/statuses", headers: headers, json: ["status": "Hi"])
        #expect(failed.status == 500)
        #expect(state.recorder.posts(on: .mastodon).count == 1)
        let retried = try answer("/api/v1/statuses", headers: headers, json: ["status": "Hi"])
        #expect(retried.status == 200)
        #expect(Self.object(retried)["id"] as? String == state.recorder.posts(on: .mastodon).first?.id)
        #expect(state.recorder.posts(on: .mastodon).count == 1)
    }
}
