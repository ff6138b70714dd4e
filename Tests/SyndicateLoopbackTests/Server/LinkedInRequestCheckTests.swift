import Foundation
import Syndicate
import Testing

@testable import SyndicateLoopback

/// The LinkedIn emulator checks the Posts API's headers, author and body shape.
@Suite("Loopback LinkedIn: header, author and body checks")
struct LinkedInRequestCheckTests {
    let probe = EmulatorProbe()
    static let headers: HTTPHeaders = [
        "Authorization": "Bearer \(LoopbackServer.token)", "LinkedIn-Version": "202601", "X-Restli-Protocol-Version": "2.0.0",
    ]

    /// A Posts API body as LinkedInClient sends it, with `changes` applied.
    static func body(_ changes: [String: Any?] = [:]) -> [String: Any] {
        var body: [String: Any] = [
            "author": "urn:li:organization:42", "commentary": "Hi", "visibility": "PUBLIC",
            "distribution": ["feedDistribution": "MAIN_FEED", "targetEntities": [], "thirdPartyDistributionChannels": []],
            "lifecycleState": "PUBLISHED", "isReshareDisabledByAuthor": false,
            "content": ["article": ["source": "https://school.example/a", "title": "T", "description": "D"]],
        ]
        for (key, value) in changes { body[key] = value }
        return body
    }

    static func message(_ response: HTTPResponse) -> String? {
        EmulatorProbe.object(response)["message"] as? String
    }

    @Test("a complete post is accepted")
    func complete() throws {
        #expect(try probe.post("/rest/posts", headers: Self.headers, json: Self.body()).status == 201)
    }

    @Test("without X-Restli-Protocol-Version 2.0.0 it is 400", arguments: [nil, "1.0.0"])
    func restliVersion(value: String?) throws {
        var headers = Self.headers
        headers["X-Restli-Protocol-Version"] = value
        let response = try probe.post("/rest/posts", headers: headers, json: Self.body())
        #expect(response.status == 400)
        #expect(Self.message(response) == "The X-Restli-Protocol-Version header must be 2.0.0 for the Posts API")
        #expect(probe.state.recorder.posts(on: .linkedin).isEmpty)
    }

    @Test("a LinkedIn-Version that is not YYYYMM is 426 NONEXISTENT_VERSION")
    func badVersion() throws {
        var headers = Self.headers
        headers["LinkedIn-Version"] = "2026-01"
        let response = try probe.post("/rest/posts", headers: headers, json: Self.body())
        #expect(response.status == 426)
        #expect(EmulatorProbe.object(response)["code"] as? String == "NONEXISTENT_VERSION")
    }

    @Test("an author that is not a urn:li: person or organization is 422", arguments: ["42", "urn:li:share:42", "urn:li:person:", "person:42"])
    func badAuthor(author: String) throws {
        let response = try probe.post("/rest/posts", headers: Self.headers, json: Self.body(["author": author]))
        #expect(response.status == 422)
        #expect(Self.message(response) == "ERROR :: /author :: \(author) is not a valid urn:li:person or urn:li:organization URN")
        #expect(probe.state.recorder.posts(on: .linkedin).isEmpty)
    }

    @Test(
        "a body missing visibility, distribution or lifecycleState, or with a bad article, is 422",
        arguments: [
            ("visibility", Optional<String>.none), ("distribution", nil), ("lifecycleState", nil),
            ("content", "article-without-title"), ("content", "article-with-relative-source"),
        ])
    func badShape(field: String, variant: String?) throws {
        let value: Any? =
            switch variant {
            case "article-without-title": ["article": ["source": "https://school.example/a", "description": "D"]]
            case "article-with-relative-source": ["article": ["source": "/a", "title": "T", "description": "D"]]
            default: nil
            }
        let response = try probe.post("/rest/posts", headers: Self.headers, json: Self.body([field: value]))
        #expect(response.status == 422)
        #expect(Self.message(response)?.hasPrefix("ERROR :: /\(field)") == true)
    }
}
