import Foundation
import Syndicate
import SyndicateLoopback
import SyndicateTestSupport
import Testing

extension ClientsOverLoopback {
    /// ``ThreadsClient`` posts in two steps over real HTTP.
    @Suite("ThreadsClient over loopback: posting")
    struct ThreadsPostingLoopbackTests {
        typealias Harness = LoopbackClientHarness

        @Test("creates a container with the payload's text, link and topic tag, then publishes exactly it", arguments: TransportKind.allCases)
        func posts(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                let (post, composed) = try Harness.payload(for: .threads)
                var payload = composed
                payload.images = []   // a text post; the image tests are below
                let delivery = try await ThreadsLoopback.client(server, Harness.environment(kind)).deliver(payload, of: post)

                #expect(server.posts(on: .threads) == [LoopbackPost(network: .threads, id: delivery.remoteID, text: payload.text, author: ThreadsLoopback.userID)])
                let create = try #require(server.requests(to: .threadsCreate).first)
                #expect(create.path == "/v1.0/\(ThreadsLoopback.userID)/threads")
                var expected = [("media_type", "TEXT"), ("text", payload.text)]
                if let link = payload.linkAttachment { expected.append(("link_attachment", link.absoluteString)) }
                if let tag = payload.topicTag { expected.append(("topic_tag", tag)) }
                expected.append(("access_token", LoopbackServer.token))
                #expect(create.formFields.map(\.name) == expected.map(\.0))
                #expect(create.formFields.map(\.value) == expected.map(\.1))
                let publish = try #require(server.requests(to: .threadsPublish).first)
                #expect(publish.parameter("creation_id") == "17900000000000001")
                // The container's status was checked before publishing, then the post's permalink.
                let lookups = server.requests(to: .threadsObject)
                #expect(lookups.map(\.path) == ["/v1.0/17900000000000001", "/v1.0/\(delivery.remoteID)"])
                #expect(lookups.map { $0.parameter("fields") } == ["status,error_message", "permalink"])
                #expect(delivery.url?.absoluteString == "https://www.threads.net/@\(ThreadsLoopback.userID)/post/\(delivery.remoteID)")
            }
        }

        @Test("two public images make a carousel: the post carries both URLs with their alt text, once", arguments: TransportKind.allCases)
        func carousel(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                let (post, payload) = try ThreadsLoopback.imagePayload()
                let delivery = try await ThreadsLoopback.client(server, Harness.environment(kind)).deliver(payload, of: post)

                let posted = try #require(server.posts(on: .threads).first)
                #expect(server.posts(on: .threads).count == 1)
                #expect(posted.id == delivery.remoteID)
                #expect(posted.text == payload.text)
                #expect(posted.media == ThreadsLoopback.expectedMedia)
                #expect(delivery.mediaIDs == ["17900000000000001", "17900000000000002"])
                let creates = server.requests(to: .threadsCreate)
                #expect(creates.map { $0.parameter("media_type") } == ["IMAGE", "IMAGE", "CAROUSEL"])
                #expect(creates[2].parameter("children") == "17900000000000001,17900000000000002")
                #expect(creates.allSatisfy { $0.parameter("link_attachment") == nil })
            }
        }

        @Test("one public image: an IMAGE container carrying the text, its URL and alt text", arguments: TransportKind.allCases)
        func oneImage(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                let (post, two) = try ThreadsLoopback.imagePayload()
                var payload = two
                payload.images.removeLast()
                _ = try await ThreadsLoopback.client(server, Harness.environment(kind)).deliver(payload, of: post)
                #expect(server.posts(on: .threads).map(\.media) == [[ThreadsLoopback.expectedMedia[0]]])
                #expect(server.requests(to: .threadsCreate).count == 1)
            }
        }

        @Test("a 500 on an item container stops before anything is published; posting again makes one post with both images", arguments: TransportKind.allCases)
        func serverErrorOnAnItem(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                let (post, payload) = try ThreadsLoopback.imagePayload()
                // The first item is made, but its answer is lost.
                server.script(.afterHandling(.status(500)), for: .threadsCreate)
                let client = try ThreadsLoopback.client(server, Harness.environment(kind))
                let result = await Harness.crossPost(post, payload: payload, through: client, kind: kind)
                #expect(result.error?.category == .serverError)
                #expect(result.attempts == 1)
                #expect(server.requests(to: .threadsPublish).isEmpty)
                #expect(server.posts(on: .threads).isEmpty)

                _ = try await client.deliver(payload, of: post)
                #expect(server.posts(on: .threads).count == 1)
                #expect(server.posts(on: .threads).first?.media == ThreadsLoopback.expectedMedia)
            }
        }

        @Test("a 500 after publishing is not retried: one post with its images, not two", arguments: TransportKind.allCases)
        func serverErrorAfterPublishing(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                let (post, payload) = try ThreadsLoopback.imagePayload()
                server.script(.afterHandling(.status(500)), for: .threadsPublish)
                let client = try ThreadsLoopback.client(server, Harness.environment(kind))
                let result = await Harness.crossPost(post, payload: payload, through: client, kind: kind)
                #expect(result.error?.mayHaveReachedNetwork == true)
                #expect(result.attempts == 1)
                #expect(server.posts(on: .threads).map(\.media) == [ThreadsLoopback.expectedMedia])
            }
        }

        @Test("the local sports-day images are left out with a warning each; the text still posts", arguments: TransportKind.allCases)
        func localImagesLeftOut(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                let post = try DryRunHarness.examplePost("sports-day.md")
                var payload = try Composer().payload(for: post, on: .threads)
                // The composer already leaves local files out for this network; a payload built
                // another way may still hold them, and the client leaves them out too.
                #expect(payload.images.isEmpty && payload.warnings.filter { $0.code == .imageLeftOut }.count == 2)
                payload.images = post.images
                let delivery = try await ThreadsLoopback.client(server, Harness.environment(kind)).deliver(payload, of: post)
                #expect(delivery.warnings.count == 2)
                #expect(server.posts(on: .threads).map(\.media) == [[]])
                #expect(server.requests(to: .threadsCreate).map { $0.parameter("media_type") } == ["TEXT"])
            }
        }

        @Test("the emulator refuses a carousel of 21, an image that is not an http(s) URL, and a carousel item published alone", arguments: TransportKind.allCases)
        func emulatorRefusals(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                let transport = kind.make()
                let url = server.baseURL.appendingPathComponent("v1.0/\(ThreadsLoopback.userID)/threads")
                let token = ("access_token", LoopbackServer.token)
                let many = try await transport.send(.form(url: url, fields: [("media_type", "CAROUSEL"), ("children", (1...21).map(String.init).joined(separator: ",")), token]))
                #expect(many.status == 400)
                #expect(many.text.contains("between 2 and 20 children"))
                let local = try await transport.send(.form(url: url, fields: [("media_type", "IMAGE"), ("image_url", "file:///tmp/relay.jpg"), token]))
                #expect(local.status == 400)
                #expect(local.text.contains("image_url"))
                let item = try await transport.send(.form(url: url, fields: [("media_type", "IMAGE"), ("image_url", "https://school.example/a.jpg"), ("is_carousel_item", "true"), token]))
                let id = try #require(NetworkExchange.jsonObject(item)?["id"] as? String)
                let alone = try await transport.send(.form(url: server.baseURL.appendingPathComponent("v1.0/\(ThreadsLoopback.userID)/threads_publish"), fields: [("creation_id", id), token]))
                #expect(alone.status == 400)
                #expect(server.posts(on: .threads).isEmpty)
            }
        }
    }
}
