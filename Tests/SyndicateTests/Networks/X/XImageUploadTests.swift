import Foundation
import Syndicate
import SyndicateTestSupport
import Testing

@Suite("XClient images")
struct XImageUploadTests {
    static let settings = AccountSettings(network: .x, account: "school", values: ["BEARER_TOKEN": "x-bearer-token-5"])

    static func json(_ request: HTTPRequest) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: request.body ?? Data()) as? [String: Any])
    }

    @Test("dry-run requests for the two-image example match the golden")
    func dryRunGolden() async throws {
        let post = try DryRunHarness.examplePost("sports-day.md")
        let (delivery, requests) = try await DryRunHarness.run(post, settings: AccountSettings(network: .x, values: [:]))
        #expect(requests.map(\.url) == [
            "https://api.x.com/2/media/upload", "https://api.x.com/2/media/metadata",
            "https://api.x.com/2/media/upload", "https://api.x.com/2/media/metadata", "https://api.x.com/2/tweets",
        ])
        #expect(delivery.mediaIDs.count == 2)
        let rendered = try Golden.render(requests)
        #expect(rendered.contains("<image/jpeg 3,805 bytes, 480×320"))
        #expect(!rendered.contains("dry-run-access-token"))
        assertGolden(rendered, named: "dry-run-x-sports-day-md", target: "SyndicateTests")
    }

    @Test("each image is uploaded as multipart media + tweet_image, its alt text set, and the ids go on the post")
    func requestShapes() async throws {
        let transport = DryRunTransport()
        let client = try XClient(settings: Self.settings, environment: DryRunHarness.environment(transport))
        let post = try DryRunHarness.examplePost("sports-day.md")
        let payload = try Composer().payload(for: post, on: .x)
        let delivery = try await client.deliver(payload, of: post)
        let requests = await transport.requests
        try #require(requests.count == 5)
        let upload = requests[0]
        #expect(upload.headers["Authorization"] == "Bearer x-bearer-token-5")
        let boundary = try #require(MultipartForm.boundary(inContentType: upload.headers["Content-Type"]))
        let parts = try #require(MultipartForm.parse(upload.body ?? Data(), boundary: boundary))
        #expect(parts.map(\.name) == ["media_category", "media"])
        #expect(String(decoding: parts[0].data, as: UTF8.self) == "tweet_image")
        #expect(parts[1].contentType == "image/jpeg")
        #expect(parts[1].data == (try Data(contentsOf: post.images[0].url)))
        let metadata = try Self.json(requests[1])
        let id = try #require(metadata["id"] as? String)
        let alt = ((metadata["metadata"] as? [String: Any])?["alt_text"] as? [String: Any])?["text"] as? String
        #expect(alt == post.images[0].alt)
        let tweet = try Self.json(requests[4])
        let ids = (tweet["media"] as? [String: Any])?["media_ids"] as? [String]
        #expect(ids?.first == id)
        #expect(ids == delivery.mediaIDs)
        #expect(ids?.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isNumber) } == true)
    }

    @Test("OAuth 1.0a signs an upload without its multipart fields")
    func oauthSignsNoMultipartFields() throws {
        let signer = OAuth1Signer(credentials: .init(consumerKey: "k", consumerSecret: "s", token: "t", tokenSecret: "ts"))
        var form = MultipartForm()
        form.add("media_category", "tweet_image")
        let withFields = form.request(url: URL(string: "https://api.x.com/2/media/upload")!)
        let bare = HTTPRequest(method: .post, url: URL(string: "https://api.x.com/2/media/upload")!)
        let date = Date(timeIntervalSince1970: 1_767_225_600)
        #expect(signer.authorization(for: withFields, nonce: "n", timestamp: date) == signer.authorization(for: bare, nonce: "n", timestamp: date))
    }

    @Test("a duplicate text after uploads reports the uploaded ids as unattached")
    func duplicateAfterUploads() async throws {
        let transport = DryRunTransport { request in
            request.url.path.hasSuffix("/2/tweets")
                ? HTTPResponse(status: 403, body: Data(#"{"title":"Forbidden","detail":"You are not allowed to create a Tweet with duplicate content.","type":"about:blank","status":403}"#.utf8))
                : nil
        }
        let client = try XClient(settings: Self.settings, environment: DryRunHarness.environment(transport))
        let post = try DryRunHarness.examplePost("sports-day.md")
        do {
            _ = try await client.deliver(try Composer().payload(for: post, on: .x), of: post)
            Issue.record("expected a duplicate")
        } catch let error as DeliveryError {
            #expect(error.category == .duplicate)
            #expect(error.unattachedMediaIDs.count == 2)
            #expect(error.message.contains("after uploading 2 images"))
        }
    }

    @Test("X's invalid-request answer to an upload names the image and stops before the post")
    func refusedUpload() async throws {
        let transport = DryRunTransport { request in
            request.url.path.hasSuffix("/2/media/upload")
                ? HTTPResponse(status: 400, body: Data(#"{"errors":[{"message":"media type unrecognized."}],"title":"Invalid Request","detail":"One or more parameters to your request was invalid.","type":"https://api.twitter.com/2/problems/invalid-request"}"#.utf8))
                : nil
        }
        let client = try XClient(settings: Self.settings, environment: DryRunHarness.environment(transport))
        let post = try DryRunHarness.examplePost("sports-day.md")
        do {
            _ = try await client.deliver(try Composer().payload(for: post, on: .x), of: post)
            Issue.record("expected a refusal")
        } catch let error as DeliveryError {
            #expect(error.category == .invalidPayload)
            #expect(error.message.contains("sports-day-relay.jpg"))
            #expect(error.networkMessage?.contains("media type unrecognized") == true)
            #expect(await transport.requests.allSatisfy { !$0.url.path.hasSuffix("/2/tweets") })
        }
    }
}
