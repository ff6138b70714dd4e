import Foundation
import Syndicate
import Testing

@testable import SyndicateLoopback

/// The Bluesky emulator validates each record's facets against its text, as the PDS does.
@Suite("Loopback Bluesky: record and facet checks")
struct BlueskyRecordCheckTests {
    let probe = EmulatorProbe()
    /// `☕️` is 6 UTF-8 bytes (U+2615 U+FE0F) and one character.
    static let text = "Café ☕️ https://school.example/a #Ofsted"

    /// The UTF-8 offset of `part` in ``text``.
    static func offset(of part: String) -> Int {
        text.utf8.distance(from: text.startIndex, to: text.range(of: part)!.lowerBound)
    }

    static func facet(_ start: Int, _ end: Int, _ feature: [String: Any]) -> [String: Any] {
        ["index": ["byteStart": start, "byteEnd": end], "features": [feature]]
    }

    static let link = ["$type": "app.bsky.richtext.facet#link", "uri": "https://school.example/a"]
    static let tag = ["$type": "app.bsky.richtext.facet#tag", "tag": "Ofsted"]
    static var linkFacet: [String: Any] { facet(offset(of: "https"), offset(of: " #Ofsted"), link) }
    static var tagFacet: [String: Any] { facet(offset(of: "#Ofsted"), text.utf8.count, tag) }

    /// createRecord of ``text`` with `facets`, in a fresh session.
    func create(_ facets: [[String: Any]], text: String = BlueskyRecordCheckTests.text) throws -> HTTPResponse {
        let session = try probe.post(
            "/xrpc/com.atproto.server.createSession", json: ["identifier": "school.example", "password": LoopbackServer.blueskyPassword])
        let object = EmulatorProbe.object(session)
        let access = try #require(object["accessJwt"] as? String)
        let did = try #require(object["did"] as? String)
        let record: [String: Any] = [
            "repo": did, "collection": "app.bsky.feed.post",
            "record": ["$type": "app.bsky.feed.post", "text": text, "createdAt": "2026-01-01T00:00:00.000Z", "facets": facets],
        ]
        return try probe.post("/xrpc/com.atproto.repo.createRecord", headers: ["Authorization": "Bearer \(access)"], json: record)
    }

    @Test("well-formed link and tag facets are accepted")
    func wellFormed() throws {
        #expect(try create([Self.linkFacet, Self.tagFacet]).status == 200)
        #expect(probe.state.recorder.posts(on: .bluesky).map(\.text) == [Self.text])
    }

    @Test(
        "a facet off a character boundary, past the text, empty or reversed is 400",
        arguments: [
            ("inside é", offset(of: "é") + 1, offset(of: " ☕️")),
            ("between ☕ and its variation selector", offset(of: "☕️"), offset(of: "☕️") + 3),
            ("inside ☕'s bytes", offset(of: "☕️") + 1, offset(of: " https")),
            ("past the end", offset(of: "#Ofsted"), text.utf8.count + 1),
            ("empty", 5, 5), ("reversed", 9, 4), ("negative", -1, 4),
        ])
    func badRange(what: String, start: Int, end: Int) throws {
        let response = try create([Self.facet(start, end, Self.tag)])
        #expect(response.status == 400, "\(what)")
        #expect(EmulatorProbe.object(response)["error"] as? String == "InvalidRequest")
        #expect((EmulatorProbe.object(response)["message"] as? String)?.hasPrefix("Invalid app.bsky.feed.post record: Record/facets/0/") == true)
        #expect(probe.state.recorder.posts(on: .bluesky).isEmpty)
    }

    @Test(
        "a link facet whose uri is not an http(s) URL is 400",
        arguments: ["school.example/a", "javascript:alert(1)", "ftp://school.example/a", "https://", ""])
    func badLink(uri: String) throws {
        let facet = Self.facet(Self.offset(of: "https"), Self.offset(of: " #Ofsted"), ["$type": "app.bsky.richtext.facet#link", "uri": uri])
        let response = try create([facet])
        #expect(response.status == 400)
        #expect(EmulatorProbe.object(response)["message"] as? String == "Invalid app.bsky.feed.post record: Record/facets/0/features/0/uri must be an http(s) URL")
    }

    @Test("a tag facet with a leading #, empty, or over 64 graphemes is 400", arguments: ["#Ofsted", "", String(repeating: "é", count: 65)])
    func badTag(tag: String) throws {
        let response = try create([Self.facet(Self.offset(of: "#Ofsted"), Self.text.utf8.count, ["$type": "app.bsky.richtext.facet#tag", "tag": tag])])
        #expect(response.status == 400)
        #expect(probe.state.recorder.posts(on: .bluesky).isEmpty)
    }

    @Test("a tag of exactly 64 graphemes is accepted")
    func longestTag() throws {
        let tag = String(repeating: "👍🏽", count: 64)   // 64 graphemes, 512 bytes
        let text = "#" + tag
        let facet = Self.facet(0, text.utf8.count, ["$type": "app.bsky.richtext.facet#tag", "tag": tag])
        #expect(try create([facet], text: text).status == 200)
    }

    @Test("a mention whose did is still a handle is 400")
    func unresolvedMention() throws {
        let facet = Self.facet(0, 4, ["$type": "app.bsky.richtext.facet#mention", "did": "alice.example", "unresolved": true])
        #expect(try create([facet]).status == 400)
    }
}
