import Crypto
import Foundation
import Syndicate
import SyndicateLoopback
import SyndicateTestSupport
import Testing

extension ClientsOverLoopback {
    /// ``BlueskyClient`` uploads images as blobs over real HTTP; the PDS sniffs and checks them.
    @Suite("BlueskyClient over loopback: images")
    struct BlueskyImageLoopbackTests {
        typealias Harness = LoopbackClientHarness

        /// The two-image example, its payload, and the hex SHA-256 of each image file.
        static func sportsDay() throws -> (Post, SharePayload, [String]) {
            let post = try DryRunHarness.examplePost("sports-day.md")
            let payload = try Composer().payload(for: post, on: .bluesky)
            let digests = try post.images.map { image in
                SHA256.hash(data: try Data(contentsOf: image.url)).map { String(format: "%02x", $0) }.joined()
            }
            return (post, payload, digests)
        }

        /// Checks that the one post on `server` carries both images, in order, with their alt texts.
        static func expectBothImages(on server: LoopbackServer, post: Post, digests: [String]) {
            let posted = server.posts(on: .bluesky)
            #expect(posted.count == 1)
            let media = posted.first?.media ?? []
            #expect(media.map(\.sha256) == digests)
            #expect(media.map(\.contentType) == ["image/jpeg", "image/png"])
            #expect(media.map(\.byteCount) == [3_805, 31_093])
            #expect(media.map(\.alt) == post.images.map(\.alt))
        }

        @Test("the two-image post ends on the PDS with both blobs, sniffed types and alt texts, and no card", arguments: TransportKind.allCases)
        func twoImages(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                let (post, payload, digests) = try Self.sportsDay()
                let delivery = try await BlueskyLoopback.client(server, Harness.environment(kind)).deliver(payload, of: post)
                Self.expectBothImages(on: server, post: post, digests: digests)
                #expect(server.requests(to: .blueskyUploadBlob).count == 2)
                #expect(delivery.mediaIDs == server.posts(on: .bluesky).first?.media.map(\.id))
                #expect(delivery.warnings.isEmpty)
                let embed = BlueskyLoopback.record(server.requests(to: .blueskyCreateRecord).first)["embed"] as? [String: Any]
                #expect(embed?["$type"] as? String == "app.bsky.embed.images")
            }
        }

        @Test("a 500 on an upload is retried: both images are attached once", arguments: TransportKind.allCases)
        func serverErrorOnUpload(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                let (post, payload, digests) = try Self.sportsDay()
                server.script(.status(500), for: .blueskyUploadBlob)
                let client = try BlueskyLoopback.client(server, Harness.environment(kind))
                let result = await Harness.crossPost(post, payload: payload, through: client, kind: kind)
                #expect(result.error == nil)
                #expect(result.attempts == 2)
                Self.expectBothImages(on: server, post: post, digests: digests)
                #expect(server.requests(to: .blueskyUploadBlob).count == 3)   // the refused one, then each image once
            }
        }

        @Test("a 500 on the post after the uploads: the retry reuses the blobs, and the post exists once", arguments: TransportKind.allCases)
        func serverErrorOnPost(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                let (post, payload, digests) = try Self.sportsDay()
                server.script(.afterHandling(.status(500)), for: .blueskyCreateRecord)
                let client = try BlueskyLoopback.client(server, Harness.environment(kind))
                let result = await Harness.crossPost(post, payload: payload, through: client, kind: kind)
                #expect(result.delivery?.remoteID == server.posts(on: .bluesky).first?.id)
                Self.expectBothImages(on: server, post: post, digests: digests)
                #expect(server.requests(to: .blueskyUploadBlob).count == 2)
                #expect(server.requests(to: .blueskyCreateRecord).count == 2)
            }
        }

        @Test("an image over the blob limit is left out with a warning; the other is posted", arguments: TransportKind.allCases)
        func oversizedImageIsLeftOut(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                let (post, payload, digests) = try Self.sportsDay()
                var large = Data([0xFF, 0xD8, 0xFF, 0xE0])
                large.append(Data(repeating: 0, count: 1_200_000))
                let url = server.hostImage(large, named: "huge.jpg", contentType: "image/jpeg")
                var heavy = payload
                heavy.images.append(Post.Image(url: url, alt: "A photo too large for Bluesky"))
                let delivery = try await BlueskyLoopback.client(server, Harness.environment(kind)).deliver(heavy, of: post)
                #expect(delivery.warnings.count == 1)
                #expect(delivery.warnings.first?.contains("huge.jpg") == true)
                #expect(server.posts(on: .bluesky).first?.media.map(\.sha256) == digests)
                #expect(server.requests(to: .blueskyUploadBlob).count == 2)
            }
        }
    }
}
