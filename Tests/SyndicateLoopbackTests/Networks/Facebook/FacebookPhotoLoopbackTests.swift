import Foundation
import Syndicate
import SyndicateLoopback
import SyndicateTestSupport
import Testing

extension ClientsOverLoopback {
    /// ``FacebookClient`` uploads unpublished photos over real HTTP to the loopback Graph API,
    /// which sniffs them and checks that the feed post attaches the same page's photos once.
    @Suite("FacebookClient over loopback: photos")
    struct FacebookPhotoLoopbackTests {
        typealias Harness = LoopbackClientHarness

        static func sportsDay() throws -> (Post, SharePayload, [(sha256: String, alt: String?)]) {
            try SportsDayUploads.composed(for: .facebook)
        }

        static func client(_ server: LoopbackServer, _ kind: TransportKind) throws -> FacebookClient {
            try FacebookLoopback.client(server, Harness.environment(kind))
        }

        @Test("two photos uploaded unpublished with alt text, then one post attaching both", arguments: TransportKind.allCases)
        func twoPhotos(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                let (post, payload, expected) = try Self.sportsDay()
                let delivery = try await Self.client(server, kind).deliver(payload, of: post)
                let posted = server.posts(on: .facebook)
                #expect(posted.count == 1)
                #expect(posted.first?.id == delivery.remoteID)
                SportsDayUploads.expectMedia(posted.first, expected)
                #expect(delivery.mediaIDs == posted.first?.media.map(\.id))
                #expect(server.requests(to: .facebookPhotos).count == 2)
                let proof = AppSecretProof.make(appSecret: "loopback-app-secret", accessToken: LoopbackServer.token)
                #expect(server.requests(to: .facebookPhotos).allSatisfy { $0.parameter("appsecret_proof") == proof })
            }
        }

        @Test("a 500 on a photo upload is retried; each photo is on the post once", arguments: TransportKind.allCases)
        func uploadServerError(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                server.script(.status(500), for: .facebookPhotos)
                let (post, payload, expected) = try Self.sportsDay()
                let result = await Harness.crossPost(post, payload: payload, through: try Self.client(server, kind), kind: kind)
                guard case .posted = result.outcome else {
                    Issue.record("expected posted, got \(result.outcome)")
                    return
                }
                #expect(result.attempts == 2)
                #expect(server.posts(on: .facebook).count == 1)
                SportsDayUploads.expectMedia(server.posts(on: .facebook).first, expected)
                #expect(server.requests(to: .facebookPhotos).count == 3)
            }
        }

        @Test("a 500 on the feed after the uploads: the retry attaches the same photos, no second upload", arguments: TransportKind.allCases)
        func feedServerErrorReusesPhotos(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                server.script(.status(500), for: .facebookFeed)
                let (post, payload, expected) = try Self.sportsDay()
                let result = await Harness.crossPost(post, payload: payload, through: try Self.client(server, kind), kind: kind)
                guard case .posted = result.outcome else {
                    Issue.record("expected posted, got \(result.outcome)")
                    return
                }
                #expect(server.requests(to: .facebookPhotos).count == 2)
                #expect(server.requests(to: .facebookFeed).count == 2)
                #expect(server.posts(on: .facebook).count == 1)
                SportsDayUploads.expectMedia(server.posts(on: .facebook).first, expected)
            }
        }

        @Test("a photo of 4 MB or more is left out with a warning before anything is sent", arguments: TransportKind.allCases)
        func oversizedLeftOut(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                var (post, _, expected) = try Self.sportsDay()
                let big = FileManager.default.temporaryDirectory.appendingPathComponent("fb-oversized-\(UUID().uuidString).jpg")
                defer { try? FileManager.default.removeItem(at: big) }
                try (try Data(contentsOf: post.images[0].url) + Data(count: 4 * 1024 * 1024)).write(to: big)
                post.images[0] = Post.Image(url: big, alt: "too big")
                let payload = try Composer().payload(for: post, on: .facebook)
                let delivery = try await Self.client(server, kind).deliver(payload, of: post)
                #expect(delivery.warnings.count == 1)
                #expect(delivery.warnings.first?.contains(big.lastPathComponent) == true)
                #expect(server.requests(to: .facebookPhotos).count == 1)
                #expect(server.posts(on: .facebook).first?.media.map(\.sha256) == [expected[1].sha256])
            }
        }

        @Test("the Graph API's own answers: #324 for bytes that are not an image, 100/1366046 for 4 MB or more", arguments: TransportKind.allCases)
        func serverRefusals(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                let client = try Self.client(server, kind)
                let post = try DryRunHarness.examplePost("sports-day.md")
                let jpeg = try Data(contentsOf: post.images[0].url)
                let cases: [(PreparedImage, Int, String)] = [
                    (PreparedImage(source: URL(fileURLWithPath: "/tmp/fake.png"), alt: "", data: Data("text".utf8), format: .png, width: 1, height: 1), 324, "(#324) Missing or invalid image file"),
                    (PreparedImage(source: URL(fileURLWithPath: "/tmp/huge.jpg"), alt: "", data: jpeg + Data(count: 4 * 1024 * 1024), format: .jpeg, width: 480, height: 320), 100, "Invalid parameter"),
                ]
                for (image, code, said) in cases {
                    do {
                        _ = try await client.uploadPhoto(image)
                        Issue.record("expected the Graph API to refuse \(image.source.lastPathComponent)")
                    } catch let error as DeliveryError {
                        #expect(error.category == .invalidPayload)
                        #expect(error.status == 400)
                        #expect(error.networkMessage?.hasPrefix(code == 324 ? said : "(#100) \(said)") == true)
                        #expect(error.message.contains(image.source.lastPathComponent))
                    }
                }
                #expect(server.posts(on: .facebook).isEmpty)
            }
        }
    }
}
