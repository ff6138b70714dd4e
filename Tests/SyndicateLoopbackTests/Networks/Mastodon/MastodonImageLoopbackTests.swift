import Foundation
import Syndicate
import SyndicateLoopback
import SyndicateTestSupport
import Testing

extension ClientsOverLoopback {
    /// ``MastodonClient`` uploads images over real HTTP to the loopback Mastodon, which sniffs
    /// them, processes the larger one in the background (202, then 206 once) and checks that the
    /// status's `media_ids` are the same token's and processed.
    @Suite("MastodonClient over loopback: images")
    struct MastodonImageLoopbackTests {
        typealias Harness = LoopbackClientHarness

        static func sportsDay() throws -> (Post, SharePayload, [(sha256: String, alt: String?)]) {
            try SportsDayUploads.composed(for: .mastodon)
        }

        static func client(_ server: LoopbackServer, _ kind: TransportKind) throws -> MastodonClient {
            try MastodonLoopback.client(server, Harness.environment(kind))
        }

        @Test("two images: the instance read once, one ready at once and one polled until processed, then one status", arguments: TransportKind.allCases)
        func twoImages(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                let (post, payload, expected) = try Self.sportsDay()
                let delivery = try await Self.client(server, kind).deliver(payload, of: post)
                let posted = server.posts(on: .mastodon)
                #expect(posted.count == 1)
                SportsDayUploads.expectMedia(posted.first, expected)
                #expect(delivery.mediaIDs == posted.first?.media.map(\.id))
                #expect(server.requests(to: .mastodonInstance).count == 1)
                #expect(server.requests(to: .mastodonMedia).count == 2)
                // The PNG (31 KB) is processed in the background: 206 once, then 200.
                #expect(server.requests(to: .mastodonMediaAttachment).count == 2)
                let status = Harness.json(server.requests(to: .mastodonStatuses).first)
                #expect(status["media_ids"] as? [String] == delivery.mediaIDs)
            }
        }

        @Test("a 500 on an upload is retried; each image is on the status once", arguments: TransportKind.allCases)
        func uploadServerError(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                server.script(.status(500), for: .mastodonMedia)
                let (post, payload, expected) = try Self.sportsDay()
                let result = await Harness.crossPost(post, payload: payload, through: try Self.client(server, kind), kind: kind)
                guard case .posted = result.outcome else {
                    Issue.record("expected posted, got \(result.outcome)")
                    return
                }
                #expect(result.attempts == 2)
                #expect(server.posts(on: .mastodon).count == 1)
                SportsDayUploads.expectMedia(server.posts(on: .mastodon).first, expected)
                #expect(server.requests(to: .mastodonMedia).count == 3)
            }
        }

        @Test("a 500 on the status after the uploads: the retry reuses them and the key, no second upload", arguments: TransportKind.allCases)
        func statusServerErrorReusesUploads(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                server.script(.afterHandling(.status(500)), for: .mastodonStatuses)
                let (post, payload, expected) = try Self.sportsDay()
                let result = await Harness.crossPost(post, payload: payload, through: try Self.client(server, kind), kind: kind)
                guard case .posted(let delivery) = result.outcome else {
                    Issue.record("expected posted, got \(result.outcome)")
                    return
                }
                #expect(server.requests(to: .mastodonMedia).count == 2)
                #expect(server.requests(to: .mastodonStatuses).count == 2)
                #expect(server.posts(on: .mastodon).count == 1)
                #expect(server.posts(on: .mastodon).first?.id == delivery.remoteID)
                SportsDayUploads.expectMedia(server.posts(on: .mastodon).first, expected)
            }
        }

        @Test("an instance whose image_size_limit is below an image: that image is left out with a warning", arguments: TransportKind.allCases)
        func instanceLimitLeavesOut(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                let instance = #"{"configuration":{"statuses":{"max_media_attachments":4},"media_attachments":{"supported_mime_types":["image/jpeg","image/png"],"image_size_limit":10000,"image_matrix_limit":33177600}}}"#
                server.script(.response(HTTPResponse(status: 200, headers: ["Content-Type": "application/json"], body: Data(instance.utf8))), for: .mastodonInstance)
                let (post, payload, expected) = try Self.sportsDay()
                let delivery = try await Self.client(server, kind).deliver(payload, of: post)
                #expect(delivery.warnings.count == 1)
                #expect(delivery.warnings.first?.contains("sports-day-medals.png") == true)
                #expect(server.requests(to: .mastodonMedia).count == 1)
                #expect(server.posts(on: .mastodon).first?.media.map(\.sha256) == [expected[0].sha256])
            }
        }

        @Test("Mastodon's 422 for an invalid file and nginx's 413 become invalid-payload errors naming the image", arguments: TransportKind.allCases)
        func refusedUpload(kind: TransportKind) async throws {
            for status in [422, 413] {
                try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                    server.script(.status(status), for: .mastodonMedia)
                    let (post, payload, _) = try Self.sportsDay()
                    let error = try #require(await Harness.failure(of: try Self.client(server, kind), payload, of: post))
                    #expect(error.category == .invalidPayload)
                    #expect(error.status == status)
                    #expect(error.message.contains("sports-day-relay.jpg"))
                    if status == 422 { #expect(error.networkMessage == "Validation failed: File content type is invalid") }
                    #expect(server.posts(on: .mastodon).isEmpty)
                }
            }
        }

        @Test("the server sniffs the bytes: text sent as image/png is 422 'File content type is invalid'", arguments: TransportKind.allCases)
        func serverSniffs(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                var form = MultipartForm()
                form.add("file", fileName: "fake.png", contentType: "image/png", data: Data("not an image".utf8))
                let request = form.request(
                    url: server.baseURL.appendingPathComponent("api/v2/media"), headers: ["Authorization": "Bearer \(LoopbackServer.token)"])
                let response = try await kind.make().send(request)
                #expect(response.status == 422)
                #expect(response.text == #"{"error":"Validation failed: File content type is invalid"}"#)
            }
        }
    }
}
