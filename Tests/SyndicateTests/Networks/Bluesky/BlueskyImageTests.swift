import Foundation
import SyndicateTestSupport
import Testing

@testable import Syndicate

/// Answers createRecord with a 500 until told otherwise, the rest as a dry run does.
private final class FailingCreate: HTTPTransport, @unchecked Sendable {
    private let lock = NSLock()
    private var failing = true
    private var sent: [HTTPRequest] = []
    let dryRun = DryRunTransport()

    var requests: [HTTPRequest] { lock.withLock { sent } }
    func recover() { lock.withLock { failing = false } }

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let fail = lock.withLock {
            sent.append(request)
            return failing && request.url.path.hasSuffix("createRecord")
        }
        if fail { return HTTPResponse(status: 500, body: Data(#"{"error":"InternalServerError","message":"Internal Server Error"}"#.utf8)) }
        return try await dryRun.send(request)
    }
}

@Suite("BlueskyClient: images")
struct BlueskyImageTests {
    let settings = AccountSettings(
        network: .bluesky, account: "school",
        values: ["SERVICE": "https://pds.example", "HANDLE": "school.example", "APP_PASSWORD": "bsky-app-password-1234"])

    static func body(_ request: HTTPRequest) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: request.body ?? Data()) as? [String: Any])
    }

    @Test("dry-run requests for the two-image example match the golden: two uploads, then the record with both")
    func dryRunGolden() async throws {
        let post = try DryRunHarness.examplePost("sports-day.md")
        let (delivery, requests) = try await DryRunHarness.run(post, settings: AccountSettings(network: .bluesky, values: [:]))
        #expect(requests.map(\.url) == [
            "https://bsky.social/xrpc/com.atproto.server.createSession",
            "https://bsky.social/xrpc/com.atproto.repo.uploadBlob",
            "https://bsky.social/xrpc/com.atproto.repo.uploadBlob",
            "https://bsky.social/xrpc/com.atproto.repo.createRecord",
        ])
        #expect(delivery.mediaIDs.count == 2)
        let rendered = try Golden.render(requests)
        #expect(rendered.contains("<image/jpeg 3,805 bytes, 480×320"))
        #expect(rendered.contains("<image/png 31,093 bytes, 320×320"))
        #expect(!rendered.contains("dry-run-app-password"))
        #expect(!rendered.contains("dry-run-access-jwt"))
        assertGolden(rendered, named: "dry-run-bluesky-sports-day-md", target: "SyndicateTests")
    }

    @Test("each image is uploaded as raw bytes with its type; the record embeds both with alt text and aspect ratio, and no card")
    func requestShape() async throws {
        let transport = DryRunTransport()
        let client = try BlueskyClient(settings: settings, environment: DryRunHarness.environment(transport))
        let post = try DryRunHarness.examplePost("sports-day.md")
        let payload = try Composer().payload(for: post, on: .bluesky)
        #expect(payload.embed == nil)
        #expect(payload.images.count == 2)
        let delivery = try await client.deliver(payload, of: post)
        let requests = await transport.requests
        let uploads = requests.filter { $0.url.path.hasSuffix("com.atproto.repo.uploadBlob") }
        try #require(uploads.count == 2)
        let relay = try Data(contentsOf: Fixtures.example("images/sports-day-relay.jpg"))
        let medals = try Data(contentsOf: Fixtures.example("images/sports-day-medals.png"))
        #expect(uploads.map(\.body) == [relay, medals])
        #expect(uploads.map { $0.headers["Content-Type"] } == ["image/jpeg", "image/png"])
        #expect(uploads.allSatisfy { $0.method == .post && $0.headers["Authorization"] == "Bearer dry-run-access-jwt" })

        let last = try #require(requests.last)
        let record = try #require(Self.body(last)["record"] as? [String: Any])
        let embed = try #require(record["embed"] as? [String: Any])
        #expect(embed["$type"] as? String == "app.bsky.embed.images")
        #expect(embed["external"] == nil)
        let images = try #require(embed["images"] as? [[String: Any]])
        #expect(images.map { $0["alt"] as? String } == post.images.map(\.alt))
        #expect(images.map { $0["aspectRatio"] as? [String: Int] } == [["width": 480, "height": 320], ["width": 320, "height": 320]])
        let blobs = images.compactMap { $0["image"] as? [String: Any] }
        #expect(blobs.map { $0["$type"] as? String } == ["blob", "blob"])
        #expect(blobs.map { $0["mimeType"] as? String } == ["image/jpeg", "image/png"])
        #expect(blobs.map { $0["size"] as? Int } == [relay.count, medals.count])
        let cids = blobs.compactMap { ($0["ref"] as? [String: String])?["$link"] }
        #expect(delivery.mediaIDs == cids)
        #expect(Set(cids).count == 2)
        // The link is still a facet of the text.
        let facets = record["facets"] as? [[String: Any]] ?? []
        let features = facets.flatMap { $0["features"] as? [[String: Any]] ?? [] }
        #expect(features.contains { $0["$type"] as? String == "app.bsky.richtext.facet#link" })
    }

    @Test("a post whose record fails after the uploads reports the blobs, and the retry reuses them")
    func retryReusesBlobs() async throws {
        let transport = FailingCreate()
        let client = try BlueskyClient(settings: settings, environment: DryRunHarness.environment(transport))
        let post = try DryRunHarness.examplePost("sports-day.md")
        let payload = try Composer().payload(for: post, on: .bluesky)
        let error = await #expect(throws: DeliveryError.self) { try await client.deliver(payload, of: post) }
        #expect(error?.category == .serverError)
        // A 500 may have created the record with the blobs: they are named, not called unattached.
        #expect(error?.unattachedMediaIDs.isEmpty == true)
        #expect(error?.message.contains("2 images") == true && error?.message.contains("the post may exist with them") == true)
        transport.recover()
        let delivery = try await client.deliver(payload, of: post)
        #expect(transport.requests.filter { $0.url.path.hasSuffix("uploadBlob") }.count == 2)
        #expect(delivery.mediaIDs.count == 2 && delivery.mediaIDs.allSatisfy { error?.message.contains($0) == true })
    }

    @Test("a refused upload is a typed error naming the image, with the blobs already uploaded")
    func refusedUpload() async throws {
        let transport = DryRunTransport { request in
            guard request.url.path.hasSuffix("uploadBlob"), request.headers["Content-Type"] == "image/png" else { return nil }
            return HTTPResponse(status: 400, body: Data(#"{"error":"InvalidRequest","message":"request entity too large"}"#.utf8))
        }
        let client = try BlueskyClient(settings: settings, environment: DryRunHarness.environment(transport))
        let post = try DryRunHarness.examplePost("sports-day.md")
        let payload = try Composer().payload(for: post, on: .bluesky)
        let error = await #expect(throws: DeliveryError.self) { try await client.deliver(payload, of: post) }
        #expect(error?.message.contains("sports-day-medals.png") == true)
        #expect(error?.networkMessage?.contains("request entity too large") == true)
        #expect(error?.unattachedMediaIDs.count == 1)
        #expect(!(await transport.requests.contains { $0.url.path.hasSuffix("createRecord") }))
    }

    @Test("the PDS's BlobTooLarge on the record is a typed error in its words, naming the blobs left unattached")
    func blobTooLarge() async throws {
        let message = "This file is too large. It is 1.14MB but the maximum size is 976.56KB."
        let transport = DryRunTransport { request in
            guard request.url.path.hasSuffix("createRecord") else { return nil }
            return HTTPResponse(status: 400, body: Data(#"{"error":"BlobTooLarge","message":"\#(message)"}"#.utf8))
        }
        let client = try BlueskyClient(settings: settings, environment: DryRunHarness.environment(transport))
        let post = try DryRunHarness.examplePost("sports-day.md")
        let payload = try Composer().payload(for: post, on: .bluesky)
        let error = await #expect(throws: DeliveryError.self) { try await client.deliver(payload, of: post) }
        #expect(error?.category == .invalidPayload)
        #expect(error?.status == 400)
        #expect(error?.networkMessage == "BlobTooLarge: \(message)")
        #expect(error?.unattachedMediaIDs.count == 2)
        #expect(error?.isRetryable == false)
    }

    @Test("the limits are the lexicon's: four images of at most 1,000,000 bytes each")
    func limits() throws {
        let limits = try #require(BlueskyNetwork().imageLimits)
        #expect(limits.maximumCount == BlueskyImagesEmbed.maximumCount)
        #expect(limits.maximumBytes == 1_000_000)
        #expect(limits.transfer == .upload)
    }
}
