import Foundation
import Syndicate
import Testing

@testable import SyndicateLoopback

/// The Tumblr emulator's checks and answers, on the server's state without I/O.
@Suite("Loopback Tumblr emulator")
struct TumblrEmulatorTests {
    static let now = Date(timeIntervalSince1970: 1_767_225_600)
    static let path = "/v2/blog/school-news/posts"

    /// The server's state, fresh for each test.
    final class Box {
        var state = LoopbackState(tokens: .only([LoopbackServer.token]), blueskyPassword: LoopbackServer.blueskyPassword)
    }

    let box = Box()

    /// The answer to a POST of `json` (raw bytes), signed with the server's secrets unless
    /// `consumerSecret` says otherwise; `contentType` as given.
    func answer(
        _ json: String, consumerSecret: String = LoopbackServer.xConsumerSecret, contentType: String = "application/json"
    ) throws -> HTTPResponse {
        let signer = OAuth1Signer(
            credentials: .init(
                consumerKey: "ck", consumerSecret: consumerSecret, token: LoopbackServer.token,
                tokenSecret: LoopbackServer.xAccessTokenSecret))
        let body = Data(json.utf8)
        let signed = HTTPRequest(
            method: .post, url: URL(string: "http://127.0.0.1:1\(Self.path)")!, headers: ["Content-Type": contentType], body: body)
        let authorization = signer.authorization(for: signed, nonce: "n", timestamp: Self.now)
        let request = LoopbackRequest(
            method: "POST", path: Self.path,
            headers: ["Authorization": authorization, "Host": "127.0.0.1:1", "Content-Type": contentType], body: body)
        guard case .respond(let response, delay: nil) = box.state.answer(request, now: Self.now) else {
            throw CocoaError(.featureUnsupported)
        }
        return response
    }

    static func object(_ response: HTTPResponse) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: response.body)) as? [String: Any] ?? [:]
    }

    static func firstError(_ response: HTTPResponse) -> [String: Any]? {
        (object(response)["errors"] as? [[String: Any]])?.first
    }

    @Test("a signed NPF post is created: 201 with meta and a string id, recorded with its text blocks")
    func created() throws {
        let response = try answer(
            #"{"content":[{"type":"text","text":"One"},{"type":"text","text":"Two"},{"type":"link","url":"https://school.example/a"}],"state":"published","tags":"a,b"}"#)
        #expect(response.status == 201)
        let object = Self.object(response)
        #expect((object["meta"] as? [String: Any])?["msg"] as? String == "Created")
        let id = try #require((object["response"] as? [String: Any])?["id"] as? String)
        #expect(box.state.recorder.posts == [LoopbackPost(network: .tumblr, id: id, text: "One\n\nTwo", author: "school-news")])
    }

    @Test("an image block is recorded with its URL and alt text; one whose media url is not http(s) is refused with 8001")
    func imageBlocks() throws {
        let created = try answer(
            #"{"content":[{"type":"image","media":[{"url":"https://school.example/relay.jpg","width":480,"height":320}],"alt_text":"Relay"},{"type":"text","text":"One"}]}"#)
        #expect(created.status == 201)
        #expect(box.state.recorder.posts.first?.media == [
            LoopbackMedia(id: "https://school.example/relay.jpg", contentType: "image/jpeg", byteCount: 0, sha256: "", alt: "Relay", url: "https://school.example/relay.jpg")
        ])
        let refused = try answer(#"{"content":[{"type":"image","media":[{"url":"file:///tmp/relay.jpg"}]}]}"#)
        #expect(refused.status == 400)
        #expect(Self.firstError(refused)?["code"] as? Int == 8001)
        #expect(Self.firstError(refused)?["title"] as? String == "image block 0 has no media with a valid url")
    }

    @Test("a signature made with another consumer secret is Tumblr's 401, code 1016")
    func badSignature() throws {
        let response = try answer(#"{"content":[{"type":"text","text":"a"}]}"#, consumerSecret: "wrong")
        #expect(response.status == 401)
        #expect(Self.firstError(response)?["code"] as? Int == 1016)
        #expect(Self.object(response)["response"] as? [Any] != nil)
        #expect(box.state.recorder.posts.isEmpty)
    }

    @Test(
        "bodies Tumblr refuses are 400 code 8001",
        arguments: [
            #"{"content":{"type":"text","text":"a"}}"#,   // content must be an array
            #"{"content":[]}"#,
            #"{"content":[{"type":"banner","text":"a"}]}"#,
            #"{"content":[{"type":"text"}]}"#,
            #"{"content":[{"type":"link","url":"not a url"}]}"#,
            #"{"content":[{"type":"text","text":"a"}],"tags":["a","b"]}"#,
            #"{"content":[{"type":"text","text":"a"}],"state":"public"}"#,
        ])
    func refused(json: String) throws {
        let response = try answer(json)
        #expect(response.status == 400)
        #expect(Self.firstError(response)?["code"] as? Int == 8001)
        #expect(box.state.recorder.posts.isEmpty)
    }

    @Test("a text block over 4,096 code points is refused; exactly 4,096 emoji code points is accepted")
    func textBlockLimit() throws {
        let fits = String(repeating: "🌳", count: 4096)
        #expect(try answer(#"{"content":[{"type":"text","text":"\#(fits)"}]}"#).status == 201)
        #expect(try answer(#"{"content":[{"type":"text","text":"\#(fits)a"}]}"#).status == 400)
    }

    @Test("a form body is refused: NPF wants JSON")
    func formBody() throws {
        #expect(try answer("content=a", contentType: "application/x-www-form-urlencoded").status == 400)
    }

    @Test("scripted errors have Tumblr's meta/errors shape: 403 is the daily limit (8023), 429 Limit Exceeded")
    func scriptedErrors() {
        let context = EmulatorContext(now: Self.now, tokens: .any, blueskyPassword: "")
        let forbidden = TumblrEmulator.error(403, route: .tumblrPosts, reset: Self.now, context: context)
        #expect(Self.firstError(forbidden)?["code"] as? Int == 8023)
        let limited = TumblrEmulator.error(429, route: .tumblrPosts, reset: Self.now, context: context)
        #expect(limited.status == 429)
        #expect((Self.object(limited)["meta"] as? [String: Any])?["msg"] as? String == "Limit Exceeded")
        #expect(Self.firstError(limited)?["title"] as? String == "Limit Exceeded")
    }
}
