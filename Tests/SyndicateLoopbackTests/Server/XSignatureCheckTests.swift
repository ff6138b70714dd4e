import Foundation
import Syndicate
import Testing

@testable import SyndicateLoopback

/// The X emulator recomputes each OAuth 1.0a signature and refuses a wrong one with 401.
@Suite("Loopback X: OAuth 1.0a signature check")
struct XSignatureCheckTests {
    let probe = EmulatorProbe()
    static let body = Data(#"{"text":"Hello"}"#.utf8)

    /// A request to `http://127.0.0.1:8080/2/tweets` as the server receives it, signed by
    /// ``OAuth1Signer`` with these secrets and this time, then changed by `tamper`.
    static func signed(
        consumerSecret: String = LoopbackServer.xConsumerSecret, tokenSecret: String = LoopbackServer.xAccessTokenSecret,
        token: String = LoopbackServer.token, timestamp: Date = EmulatorProbe.now, host: String = "127.0.0.1:8080"
    ) -> LoopbackRequest {
        let url = URL(string: "http://127.0.0.1:8080/2/tweets")!
        let request = HTTPRequest(method: .post, url: url, headers: ["Content-Type": "application/json"], body: body)
        let signer = OAuth1Signer(
            credentials: .init(consumerKey: "ck", consumerSecret: consumerSecret, token: token, tokenSecret: tokenSecret))
        let authorization = signer.authorization(for: request, nonce: "nonce123", timestamp: timestamp)
        return LoopbackRequest(
            method: "POST", path: "/2/tweets",
            headers: ["Host": host, "Content-Type": "application/json", "Authorization": authorization], body: body)
    }

    @Test("a correctly signed request is accepted")
    func correctSignature() throws {
        #expect(try probe.answer(Self.signed()).status == 201)
        #expect(probe.state.recorder.posts(on: .x).map(\.text) == ["Hello"])
    }

    @Test(
        "a wrong secret, another host, a stale timestamp or an unknown token is 401",
        arguments: [
            ("consumer secret", signed(consumerSecret: "wrong")), ("token secret", signed(tokenSecret: "wrong")),
            ("host", signed(host: "127.0.0.1:9090")), ("timestamp", signed(timestamp: EmulatorProbe.now.addingTimeInterval(-301))),
            ("token", signed(token: "someone-else")),
        ])
    func badSignature(what: String, request: LoopbackRequest) throws {
        let response = try probe.answer(request)
        #expect(response.status == 401, "\(what)")
        #expect(response.text == #"{"detail":"Unauthorized","status":401,"title":"Unauthorized","type":"about:blank"}"#)
        #expect(probe.state.recorder.posts(on: .x).isEmpty)
    }

    @Test("a tampered signature value is 401")
    func tamperedSignature() throws {
        var request = Self.signed()
        let header = try #require(request.headers["Authorization"])
        request.headers["Authorization"] = header.replacingOccurrences(of: "oauth_signature=\"", with: "oauth_signature=\"A")
        #expect(try probe.answer(request).status == 401)
    }

    @Test("a header without a signature method is 401")
    func missingSignatureMethod() throws {
        var request = Self.signed()
        let header = try #require(request.headers["Authorization"])
        request.headers["Authorization"] = header.replacingOccurrences(of: "oauth_signature_method=\"HMAC-SHA1\", ", with: "")
        #expect(try probe.answer(request).status == 401)
    }

    @Test("the secrets come from the configuration")
    func configuredSecrets() throws {
        probe.state = LoopbackState(
            tokens: .only([LoopbackServer.token]), blueskyPassword: LoopbackServer.blueskyPassword,
            xSecrets: .init(consumerSecret: "cs2", accessTokenSecret: "ts2"))
        #expect(try probe.answer(Self.signed()).status == 401)
        #expect(try probe.answer(Self.signed(consumerSecret: "cs2", tokenSecret: "ts2")).status == 201)
    }
}
