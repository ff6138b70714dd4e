import Foundation
import Syndicate
import Testing

@testable import SyndicateLoopback

/// The smaller body checks of Threads, Facebook, Telegram and Discord, each answered in the
/// network's own 400 shape.
@Suite("Loopback emulators: body shape checks")
struct BodyShapeCheckTests {
    let probe = EmulatorProbe()
    static let token = LoopbackServer.token

    func form(_ path: String, _ body: String) throws -> HTTPResponse {
        try probe.answer(
            LoopbackRequest(
                method: "POST", path: path, headers: ["Content-Type": "application/x-www-form-urlencoded"], body: Data(body.utf8)))
    }

    static func graphCode(_ response: HTTPResponse) -> Int? {
        (EmulatorProbe.object(response)["error"] as? [String: Any])?["code"] as? Int
    }

    @Test("Threads refuses a topic_tag with a period or over 50 characters, and a link_attachment that is not a URL")
    func threads() throws {
        let good = try form("/v1.0/1789/threads", "media_type=TEXT&text=Hi&topic_tag=Early%20Years&link_attachment=https%3A%2F%2Fa.example%2F&access_token=\(Self.token)")
        #expect(good.status == 200)
        for bad in ["topic_tag=a.b", "topic_tag=" + String(repeating: "a", count: 51), "topic_tag=", "link_attachment=a.example"] {
            let response = try form("/v1.0/1789/threads", "media_type=TEXT&text=Hi&\(bad)&access_token=\(Self.token)")
            #expect(response.status == 400, "\(bad)")
            #expect(Self.graphCode(response) == 100)
        }
    }

    @Test("Facebook refuses a link that is not an http(s) URL with #100")
    func facebook() throws {
        let response = try form("/v21.0/1234/feed", "message=Hi&link=school.example&access_token=\(Self.token)")
        #expect(response.status == 400)
        #expect(Self.graphCode(response) == 100)
        #expect(probe.state.recorder.posts(on: .facebook).isEmpty)
    }

    @Test("Telegram refuses an unknown parse_mode and a link preview URL that is not a URL")
    func telegram() throws {
        let mode = try probe.post("/bot\(Self.token)/sendMessage", json: ["chat_id": "@school", "text": "Hi", "parse_mode": "html5"])
        #expect(mode.text == #"{"description":"Bad Request: unsupported parse_mode","error_code":400,"ok":false}"#)
        let preview = try probe.post(
            "/bot\(Self.token)/sendMessage", json: ["chat_id": "@school", "text": "Hi", "link_preview_options": ["url": "nope"]])
        #expect(preview.status == 400)
        #expect(probe.state.recorder.posts(on: .telegram).isEmpty)
    }

    @Test("Discord refuses allowed_mentions.parse values it does not know with 50035")
    func discord() throws {
        let bad = try probe.post("/api/webhooks/99/\(Self.token)?wait=true", json: ["content": "Hi", "allowed_mentions": ["parse": ["all"]]])
        #expect(bad.status == 400)
        #expect(EmulatorProbe.object(bad)["code"] as? Int == 50035)
        let none = try probe.post("/api/webhooks/99/\(Self.token)?wait=true", json: ["content": "Hi", "allowed_mentions": ["parse": []]])
        #expect(none.status == 200)
    }
}
