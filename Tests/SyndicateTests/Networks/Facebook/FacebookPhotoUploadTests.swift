import Foundation
import Syndicate
import SyndicateTestSupport
import Testing

@Suite("FacebookClient photos")
struct FacebookPhotoUploadTests {
    static let settings = AccountSettings(
        network: .facebook, account: "school",
        values: ["PAGE_ID": "123456789", "PAGE_TOKEN": "fb-page-token-93c2", "APP_SECRET": "fb-app-secret-7d41"])

    static func sportsDay() throws -> (Post, SharePayload) {
        let post = try DryRunHarness.examplePost("sports-day.md")
        return (post, try Composer().payload(for: post, on: .facebook))
    }

    @Test("dry-run requests for the two-image example match the golden")
    func dryRunGolden() async throws {
        let post = try DryRunHarness.examplePost("sports-day.md")
        let (delivery, requests) = try await DryRunHarness.run(post, settings: AccountSettings(network: .facebook, values: [:]))
        #expect(requests.map(\.url) == [
            "https://graph.facebook.com/v21.0/1000000000/photos", "https://graph.facebook.com/v21.0/1000000000/photos",
            "https://graph.facebook.com/v21.0/1000000000/feed",
        ])
        #expect(delivery.mediaIDs == ["900000000001", "900000000002"])
        let rendered = try Golden.render(requests)
        #expect(!rendered.contains("dry-run-page-token"))
        assertGolden(rendered, named: "dry-run-facebook-sports-day-md", target: "SyndicateTests")
    }

    @Test("photos go unpublished as multipart source with alt_text_custom and the proof; the feed attaches them")
    func requestShapes() async throws {
        let transport = DryRunTransport()
        let client = try FacebookClient(settings: Self.settings, environment: DryRunHarness.environment(transport))
        let (post, payload) = try Self.sportsDay()
        let delivery = try await client.deliver(payload, of: post)
        let requests = await transport.requests
        try #require(requests.count == 3)
        let photo = requests[0]
        #expect(photo.url.absoluteString == "https://graph.facebook.com/v21.0/123456789/photos")
        let boundary = try #require(MultipartForm.boundary(inContentType: photo.headers["Content-Type"]))
        let parts = try #require(MultipartForm.parse(photo.body ?? Data(), boundary: boundary))
        #expect(parts.map(\.name) == ["published", "alt_text_custom", "access_token", "appsecret_proof", "source"])
        let text = Dictionary(parts.filter { $0.fileName == nil }.map { ($0.name, String(decoding: $0.data, as: UTF8.self)) }) { a, _ in a }
        #expect(text["published"] == "false")
        #expect(text["alt_text_custom"] == post.images[0].alt)
        #expect(text["access_token"] == "fb-page-token-93c2")
        #expect(text["appsecret_proof"] == AppSecretProof.make(appSecret: "fb-app-secret-7d41", accessToken: "fb-page-token-93c2"))
        #expect(parts[4].contentType == "image/jpeg")
        #expect(parts[4].data == (try Data(contentsOf: post.images[0].url)))

        let feed = requests[2]
        let fields = PercentEncoding.decodeQuery(String(decoding: feed.body ?? Data(), as: UTF8.self))
        #expect(fields.map(\.name) == ["message", "attached_media[0]", "attached_media[1]", "access_token", "appsecret_proof"])
        #expect(fields[1].value == #"{"media_fbid":"900000000001"}"#)
        #expect(fields[2].value == #"{"media_fbid":"900000000002"}"#)
        // A photo post has no link card: the link ends the message.
        #expect(fields[0].value.hasSuffix(payload.link?.absoluteString ?? "missing"))
        #expect(delivery.mediaIDs == ["900000000001", "900000000002"])
    }

    @Test("Graph's 1366046 answer to a photo names the image and carries Facebook's own reason")
    func refusedPhoto() async throws {
        let transport = DryRunTransport { request in
            request.url.path.hasSuffix("/photos")
                ? HTTPResponse(status: 400, body: Data(#"{"error":{"message":"Invalid parameter","type":"OAuthException","code":100,"error_subcode":1366046,"error_user_title":"Can't Read Files","error_user_msg":"Your photos couldn't be uploaded. Photos should be less than 4 MB and saved as JPG, PNG, GIF or TIFF files.","fbtrace_id":"A1"}}"#.utf8))
                : nil
        }
        let client = try FacebookClient(settings: Self.settings, environment: DryRunHarness.environment(transport))
        let (post, payload) = try Self.sportsDay()
        do {
            _ = try await client.deliver(payload, of: post)
            Issue.record("expected a refusal")
        } catch {
            #expect(error.category == .invalidPayload)
            #expect(error.message.contains("sports-day-relay.jpg"))
            #expect(error.networkMessage?.contains("less than 4 MB") == true)
            #expect(error.unattachedMediaIDs.isEmpty)
        }
        #expect(await transport.requests.allSatisfy { !$0.url.path.hasSuffix("/feed") })
    }

    @Test("a duplicate message after uploads reports the photos as unattached")
    func duplicateAfterUploads() async throws {
        let transport = DryRunTransport { request in
            request.url.path.hasSuffix("/feed")
                ? HTTPResponse(status: 400, body: Data(#"{"error":{"message":"(#506) Duplicate status message","type":"OAuthException","code":506,"fbtrace_id":"A2"}}"#.utf8))
                : nil
        }
        let client = try FacebookClient(settings: Self.settings, environment: DryRunHarness.environment(transport))
        let (post, payload) = try Self.sportsDay()
        do {
            _ = try await client.deliver(payload, of: post)
            Issue.record("expected a duplicate")
        } catch {
            #expect(error.category == .duplicate)
            #expect(error.unattachedMediaIDs == ["900000000001", "900000000002"])
        }
    }
}
