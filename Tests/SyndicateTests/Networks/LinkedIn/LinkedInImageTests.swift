import Foundation
import SyndicateTestSupport
import Testing

@testable import Syndicate

@Suite("LinkedInClient: images")
struct LinkedInImageTests {
    let settings = AccountSettings(
        network: .linkedin, account: "school",
        values: ["ACCESS_TOKEN": "li-access-token-58af", "AUTHOR": "urn:li:organization:2414183"])

    static func body(_ request: HTTPRequest) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: request.body ?? Data()) as? [String: Any])
    }

    @Test("dry-run requests for the two-image example match the golden: initialize and upload each, then a multi-image post")
    func dryRunGolden() async throws {
        let post = try DryRunHarness.examplePost("sports-day.md")
        let (delivery, requests) = try await DryRunHarness.run(post, settings: AccountSettings(network: .linkedin, values: [:]))
        #expect(requests.map { "\($0.method) \($0.url.components(separatedBy: "?")[0])" } == [
            "POST https://api.linkedin.com/rest/images",
            "PUT https://www.linkedin.com/dms-uploads/sp/D4E10AQDryRun1/uploaded-image/0",
            "POST https://api.linkedin.com/rest/images",
            "PUT https://www.linkedin.com/dms-uploads/sp/D4E10AQDryRun3/uploaded-image/0",
            "POST https://api.linkedin.com/rest/posts",
        ])
        #expect(delivery.mediaIDs == ["urn:li:image:D4E10AQDryRun1", "urn:li:image:D4E10AQDryRun3"])
        let rendered = try Golden.render(requests)
        #expect(!rendered.contains("dry-run-access-token"))
        assertGolden(rendered, named: "dry-run-linkedin-sports-day-md", target: "SyndicateTests")
    }

    @Test("initializeUpload names the author as owner; the bytes go to the upload URL with the token; two images are a multiImage")
    func requestShape() async throws {
        let transport = DryRunTransport()
        let client = try LinkedInClient(settings: settings, environment: DryRunHarness.environment(transport))
        let post = try DryRunHarness.examplePost("sports-day.md")
        let payload = try Composer().payload(for: post, on: .linkedin)
        #expect(payload.article == nil)
        _ = try await client.deliver(payload, of: post)
        let requests = await transport.requests
        try #require(requests.count == 5)
        for initialize in [requests[0], requests[2]] {
            #expect(initialize.url.absoluteString == "https://api.linkedin.com/rest/images?action=initializeUpload")
            #expect(initialize.headers["LinkedIn-Version"] == "202601")
            #expect(initialize.headers["X-Restli-Protocol-Version"] == "2.0.0")
            #expect(initialize.headers["Authorization"] == "Bearer li-access-token-58af")
            let request = try #require(try Self.body(initialize)["initializeUploadRequest"] as? [String: String])
            #expect(request == ["owner": "urn:li:organization:2414183"])
        }
        let relay = try Data(contentsOf: Fixtures.example("images/sports-day-relay.jpg"))
        let medals = try Data(contentsOf: Fixtures.example("images/sports-day-medals.png"))
        #expect([requests[1], requests[3]].map(\.method) == [.put, .put])
        #expect([requests[1], requests[3]].map(\.body) == [relay, medals])
        #expect([requests[1], requests[3]].map { $0.headers["Content-Type"] } == ["image/jpeg", "image/png"])
        #expect(requests[1].headers["Authorization"] == "Bearer li-access-token-58af")

        let content = try #require(try Self.body(requests[4])["content"] as? [String: Any])
        #expect(Set(content.keys) == ["multiImage"])
        let images = try #require((content["multiImage"] as? [String: Any])?["images"] as? [[String: String]])
        #expect(images.map { $0["id"] } == ["urn:li:image:D4E10AQDryRun1", "urn:li:image:D4E10AQDryRun3"])
        #expect(images.map { $0["altText"] } == post.images.map(\.alt))
    }

    @Test("one image is content.media with its alt text; images win over the article")
    func oneImage() async throws {
        let transport = DryRunTransport()
        let client = try LinkedInClient(settings: settings, environment: DryRunHarness.environment(transport))
        var post = try DryRunHarness.examplePost("sports-day.md")
        post.images.removeLast()
        let payload = try Composer().payload(for: post, on: .linkedin)
        let delivery = try await client.deliver(payload, of: post)
        let last = try #require(await transport.requests.last)
        let content = try #require(try Self.body(last)["content"] as? [String: Any])
        #expect(Set(content.keys) == ["media"])
        let media = try #require(content["media"] as? [String: String])
        #expect(media == ["id": "urn:li:image:D4E10AQDryRun1", "altText": post.images[0].alt])
        #expect(delivery.mediaIDs == ["urn:li:image:D4E10AQDryRun1"])
    }

    @Test("a refused upload is a typed error naming the image, with the images already uploaded")
    func refusedUpload() async throws {
        let transport = DryRunTransport { request in
            guard request.method == .put, request.headers["Content-Type"] == "image/png" else { return nil }
            return HTTPResponse(status: 400, body: Data(#"{"status":400,"message":"Unsupported media type"}"#.utf8))
        }
        let client = try LinkedInClient(settings: settings, environment: DryRunHarness.environment(transport))
        let post = try DryRunHarness.examplePost("sports-day.md")
        let payload = try Composer().payload(for: post, on: .linkedin)
        let error = await #expect(throws: DeliveryError.self) { try await client.deliver(payload, of: post) }
        #expect(error?.message.contains("sports-day-medals.png") == true)
        #expect(error?.unattachedMediaIDs == ["urn:li:image:D4E10AQDryRun1"])
        #expect(!(await transport.requests.contains { $0.url.path.hasSuffix("/rest/posts") }))
    }
}

/// The upload address an initializeUpload answer names is sent the account's token only when it
/// is LinkedIn's (https) or the configured API's own.
@Suite struct LinkedInUploadAddressTests {
    let api = URL(string: "https://api.linkedin.com")!

    @Test func onlyLinkedInOverHTTPSOrTheConfiguredAPIGetsTheToken() throws {
        #expect(LinkedInClient.mayCarryToken(URL(string: "https://www.linkedin.com/dms-uploads/abc")!, apiBase: api))
        #expect(LinkedInClient.mayCarryToken(URL(string: "https://api.linkedin.com/mediaUpload/abc")!, apiBase: api))
        #expect(!LinkedInClient.mayCarryToken(URL(string: "http://www.linkedin.com/dms-uploads/abc")!, apiBase: api))
        #expect(!LinkedInClient.mayCarryToken(URL(string: "https://evil.example/linkedin.com")!, apiBase: api))
        #expect(!LinkedInClient.mayCarryToken(URL(string: "https://notlinkedin.com/x")!, apiBase: api))
        let loopback = URL(string: "http://127.0.0.1:8123")!
        #expect(LinkedInClient.mayCarryToken(URL(string: "http://127.0.0.1:8123/upload/1")!, apiBase: loopback))
        #expect(!LinkedInClient.mayCarryToken(URL(string: "http://127.0.0.1:9999/upload/1")!, apiBase: loopback))
    }
}
