import Foundation
import Syndicate
import Testing

@Suite("Redactor")
struct RedactorTests {
    @Test("authorization headers, secret fields and declared secrets are replaced")
    func request() throws {
        let redactor = Redactor(secrets: ["s3cret-token/+=", "https://discord.com/api/webhooks/123/abcdef"])
        var request = HTTPRequest.form(
            url: try #require(URL(string: "https://graph.example/v21.0/1/feed?access_token=abc&fields=id")),
            fields: [("message", "hello s3cret-token/+="), ("appsecret_proof", "deadbeef"), ("link", "https://a.example")])
        request.headers["Authorization"] = "OAuth oauth_signature=\"x\""
        request.headers["X-Echo"] = "s3cret-token%2F%2B%3D"
        let shown = redactor.redact(request)
        #expect(shown.url == "https://graph.example/v21.0/1/feed?access_token=REDACTED&fields=id")
        #expect(shown.headers.first { $0.name == "Authorization" }?.value == "OAuth REDACTED")
        #expect(shown.headers.first { $0.name == "X-Echo" }?.value == "REDACTED")
        #expect(shown.body == "message=hello%20REDACTED&appsecret_proof=REDACTED&link=https%3A%2F%2Fa.example")
        let webhook = HTTPRequest(method: .post, url: try #require(URL(string: "https://discord.com/api/webhooks/123/abcdef?wait=true")))
        #expect(redactor.redact(webhook).url == "https://discord.com/REDACTED?wait=true")
    }

    @Test("a webhook URL keeps its scheme, host and port; its path is the secret")
    func webhookKeepsWhereItGoes() throws {
        let secret = "http://127.0.0.1:8123/api/webhooks/1/secret"
        let redactor = Redactor(secrets: [secret])
        let request = HTTPRequest(method: .post, url: try #require(URL(string: secret)))
        #expect(redactor.redact(request).url == "http://127.0.0.1:8123/REDACTED")
        #expect(redactor.redact("posting to \(secret) failed") == "posting to http://127.0.0.1:8123/REDACTED failed")
        // No port given: none shown; user info is part of the secret.
        #expect(Redactor(secrets: ["https://user:pw@hooks.example/T1/B2/xyz"]).redact("https://user:pw@hooks.example/T1/B2/xyz")
            == "https://hooks.example/REDACTED")
        #expect(Redactor(secrets: ["https://[::1]:9000/hook/abcd"]).redact("https://[::1]:9000/hook/abcd") == "https://[::1]:9000/REDACTED")
    }

    @Test("JSON bodies keep their shape with secret keys replaced")
    func json() throws {
        let request = try HTTPRequest.json(
            url: try #require(URL(string: "https://pds.example/xrpc/com.atproto.server.createSession")),
            body: ["identifier": "school.example", "password": "app-pass-1234"])
        let shown = Redactor(secrets: []).redact(request)
        #expect(shown.body == #"{"identifier":"school.example","password":"REDACTED"}"#)
    }

    @Test("short values are not treated as secrets (they would blank out ordinary text)")
    func short() {
        #expect(Redactor(secrets: ["a", "", "abc"]).redact("a cab") == "a cab")
    }
}
