import Foundation
import Syndicate
import SyndicateLoopback
import SyndicateTestSupport
import Testing

extension ClientsOverLoopback {
    /// ``XClient`` uploads images over real HTTP; the loopback X checks the bytes, the alt text
    /// and that the post names media of the same token.
    @Suite("XClient over loopback: images")
    struct XImageLoopbackTests {
        typealias Harness = LoopbackClientHarness

        /// The two-image example, and what the server should hold for its images: sha256 and alt text.
        static func sportsDay() throws -> (Post, SharePayload, [(sha256: String, alt: String?)]) {
            try SportsDayUploads.composed(for: .x)
        }

        @Test("an OAuth 1.0a post with two images: signed uploads, alt texts, one post with both", arguments: TransportKind.allCases)
        func oauth1TwoImages(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                let (post, payload, expected) = try Self.sportsDay()
                let delivery = try await XLoopback.oauth1Client(server, Harness.environment(kind)).deliver(payload, of: post)
                let posted = server.posts(on: .x)
                #expect(posted.count == 1)
                SportsDayUploads.expectMedia(posted.first, expected)
                #expect(delivery.mediaIDs == posted.first?.media.map(\.id))
                #expect(server.requests(to: .xMediaUpload).count == 2)
                #expect(server.requests(to: .xMediaMetadata).count == 2)
                #expect(delivery.warnings.isEmpty)
            }
        }

        @Test("a bearer-token post with two images", arguments: TransportKind.allCases)
        func bearerTwoImages(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                let (post, payload, expected) = try Self.sportsDay()
                _ = try await XLoopback.bearerClient(server, Harness.environment(kind)).deliver(payload, of: post)
                SportsDayUploads.expectMedia(server.posts(on: .x).first, expected)
                #expect(server.requests(to: .xMediaUpload).allSatisfy { $0.headers["Authorization"] == "Bearer \(LoopbackServer.token)" })
            }
        }

        @Test("a 500 on an upload is retried; each image ends on the post once", arguments: TransportKind.allCases)
        func uploadServerError(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                server.script(.status(500), for: .xMediaUpload)
                let (post, payload, expected) = try Self.sportsDay()
                let client = try XLoopback.oauth1Client(server, Harness.environment(kind))
                let result = await Harness.crossPost(post, payload: payload, through: client, kind: kind)
                guard case .posted = result.outcome else {
                    Issue.record("expected posted, got \(result.outcome)")
                    return
                }
                #expect(result.attempts == 2)
                #expect(server.posts(on: .x).count == 1)
                SportsDayUploads.expectMedia(server.posts(on: .x).first, expected)
                #expect(server.requests(to: .xMediaUpload).count == 3)
            }
        }

        @Test("a 500 on the post after the uploads: the retry reuses the media ids, no second upload", arguments: TransportKind.allCases)
        func postServerErrorReusesUploads(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                server.script(.status(500), for: .xTweets)
                let (post, payload, expected) = try Self.sportsDay()
                let client = try XLoopback.oauth1Client(server, Harness.environment(kind))
                let result = await Harness.crossPost(post, payload: payload, through: client, kind: kind)
                guard case .posted = result.outcome else {
                    Issue.record("expected posted, got \(result.outcome)")
                    return
                }
                #expect(server.requests(to: .xMediaUpload).count == 2)
                #expect(server.requests(to: .xMediaMetadata).count == 2)
                #expect(server.requests(to: .xTweets).count == 2)
                SportsDayUploads.expectMedia(server.posts(on: .x).first, expected)
            }
        }

        @Test("an image over 5 MB is left out with a warning before anything is sent; the other goes", arguments: TransportKind.allCases)
        func oversizedLeftOut(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                var (post, _, expected) = try Self.sportsDay()
                let big = FileManager.default.temporaryDirectory.appendingPathComponent("x-oversized-\(UUID().uuidString).jpg")
                defer { try? FileManager.default.removeItem(at: big) }
                try (try Data(contentsOf: post.images[0].url) + Data(count: 5 * 1024 * 1024)).write(to: big)
                post.images[0] = Post.Image(url: big, alt: "too big")
                let payload = try Composer().payload(for: post, on: .x)
                let delivery = try await XLoopback.bearerClient(server, Harness.environment(kind)).deliver(payload, of: post)
                #expect(delivery.warnings.count == 1)
                #expect(delivery.warnings.first?.contains(big.lastPathComponent) == true)
                #expect(server.requests(to: .xMediaUpload).count == 1)
                #expect(server.posts(on: .x).first?.media.map(\.sha256) == [expected[1].sha256])
            }
        }

        @Test("X's own 400 for bytes that are not an image, or over 5 MB, becomes an invalid-payload error", arguments: TransportKind.allCases)
        func refusedByServer(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                let post = try DryRunHarness.examplePost("sports-day.md")
                let client = try XLoopback.oauth1Client(server, Harness.environment(kind))
                let fake = PreparedImage(
                    source: URL(fileURLWithPath: "/tmp/not-an-image.png"), alt: "x", data: Data("plain text".utf8), format: .png,
                    width: 1, height: 1)
                let jpeg = try Data(contentsOf: post.images[0].url)
                let huge = PreparedImage(
                    source: URL(fileURLWithPath: "/tmp/huge.jpg"), alt: "x", data: jpeg + Data(count: 5 * 1024 * 1024), format: .jpeg,
                    width: 480, height: 320)
                for (image, said) in [(fake, "media type unrecognized."), (huge, "File size exceeds 5242880 bytes.")] {
                    do {
                        _ = try await client.mediaID(of: image, post: post)
                        Issue.record("expected X to refuse \(image.source.lastPathComponent)")
                    } catch let error as DeliveryError {
                        #expect(error.category == .invalidPayload)
                        #expect(error.status == 400)
                        #expect(error.networkMessage == said)
                        #expect(error.message.contains(image.source.lastPathComponent))
                    }
                }
                #expect(server.posts(on: .x).isEmpty)
            }
        }

        @Test("an upload signed with the wrong token secret is X's 401, and nothing is stored", arguments: TransportKind.allCases)
        func uploadSignatureChecked(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                let (post, payload, _) = try Self.sportsDay()
                let client = try XLoopback.oauth1Client(server, Harness.environment(kind), tokenSecret: "not-the-secret")
                let error = try #require(await Harness.failure(of: client, payload, of: post))
                #expect(error.category == .unauthorized)
                #expect(server.requests(to: .xMediaUpload).count == 1)
                #expect(server.requests(to: .xTweets).isEmpty)
            }
        }

        @Test("media ids uploaded by another token are refused on the post", arguments: TransportKind.allCases)
        func mediaOfAnotherToken(kind: TransportKind) async throws {
            let configuration = LoopbackServer.Configuration(tokens: .only([LoopbackServer.token, "other-token"]), now: { DryRunHarness.now })
            try await LoopbackServer.withRunning(configuration: configuration) { server in
                let (post, payload, _) = try Self.sportsDay()
                let mine = try await XLoopback.bearerClient(server, Harness.environment(kind)).deliver(payload, of: post)
                var other = payload
                other.images = []
                other.text += " (again)"
                let transport = kind.make()
                let request = try HTTPRequest.json(
                    url: server.baseURL.appendingPathComponent("2/tweets"), headers: ["Authorization": "Bearer other-token"],
                    body: ["text": .text(other.text), "media": .object(["media_ids": .list(mine.mediaIDs)])] as [String: AnyCodableValue])
                let response = try await transport.send(request)
                #expect(response.status == 400)
                #expect(response.text.contains("Your media IDs are invalid."))
                #expect(server.posts(on: .x).count == 1)
            }
        }
    }
}

/// A JSON value for building raw request bodies in tests.
enum AnyCodableValue: Encodable {
    case text(String)
    case object([String: AnyCodableValue])
    case list([String])

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .text(let text): try container.encode(text)
        case .object(let object): try container.encode(object)
        case .list(let list): try container.encode(list)
        }
    }
}
