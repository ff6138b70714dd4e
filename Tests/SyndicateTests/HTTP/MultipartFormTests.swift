import Foundation
import SyndicateTestSupport
import Testing

@testable import Syndicate

/// Multipart bodies round-trip, have a stable boundary, and show as summaries in dry runs.
@Suite struct MultipartFormTests {
    @Test func aFormParsesBackToItsParts() throws {
        var form = MultipartForm()
        form.add("description", "Pupils \"racing\"\r\nin the rain")
        let jpeg = try Fixtures.exampleData("images/sports-day-relay.jpg")
        form.add("file", fileName: "relay.jpg", contentType: "image/jpeg", data: jpeg)
        let request = form.request(url: URL(string: "https://mastodon.example/api/v2/media")!)
        let boundary = try #require(MultipartForm.boundary(inContentType: request.headers["Content-Type"]))
        let parts = try #require(MultipartForm.parse(request.body ?? Data(), boundary: boundary))
        #expect(parts == form.parts)
        // The same parts give the same bytes (goldens and signatures stay stable); others do not.
        var again = MultipartForm()
        again.add("description", "Pupils \"racing\"\r\nin the rain")
        again.add("file", fileName: "relay.jpg", contentType: "image/jpeg", data: jpeg)
        #expect(again.request(url: request.url) == request)
        #expect(MultipartForm().boundary != form.boundary)
    }

    @Test func aBrokenBodyIsNotAForm() {
        #expect(MultipartForm.parse(Data("--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nno end".utf8), boundary: "b") == nil)
        #expect(MultipartForm.boundary(inContentType: "application/json") == nil)
    }

    @Test func dryRunsShowTextFieldsAndSummariseFiles() throws {
        var form = MultipartForm()
        form.add("description", "Relay in the rain")
        form.add("access_token", "secret-token-123")
        form.add("file", fileName: "relay.jpg", contentType: "image/jpeg", data: try Fixtures.exampleData("images/sports-day-relay.jpg"))
        let shown = Redactor(secrets: ["secret-token-123"]).redact(form.request(url: URL(string: "https://x.example/upload")!))
        let body = try #require(shown.body)
        #expect(body.contains("--description: Relay in the rain"))
        #expect(body.contains("--access_token: REDACTED") && !body.contains("secret-token-123"))
        #expect(body.contains("--file; filename=\"relay.jpg\": <image/jpeg 3,805 bytes, 480×320, sha256 "))
        // A raw image body (Bluesky's uploadBlob, LinkedIn's PUT) is summarised the same way.
        let raw = HTTPRequest(method: .post, url: URL(string: "https://bsky.example/xrpc/com.atproto.repo.uploadBlob")!,
                              headers: ["Content-Type": "image/png"], body: try Fixtures.exampleData("images/sports-day-medals.png"))
        #expect(Redactor(secrets: []).redact(raw).body?.hasPrefix("<image/png 31,093 bytes, 320×320, sha256 ") == true)
    }
}
