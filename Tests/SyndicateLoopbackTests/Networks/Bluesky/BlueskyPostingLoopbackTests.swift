import Foundation
import Syndicate
import SyndicateLoopback
import SyndicateTestSupport
import Testing

extension ClientsOverLoopback {
    /// ``BlueskyClient`` posts over real HTTP; the server checks the record and its facets.
    @Suite("BlueskyClient over loopback: posting")
    struct BlueskyPostingLoopbackTests {
        typealias Harness = LoopbackClientHarness

        @Test("posts a record whose text, facets and card are the payload's, with the uploaded thumbnail", arguments: TransportKind.allCases)
        func posts(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                let (post, payload) = try BlueskyLoopback.payload(server)
                let facets = try #require(payload.facets)
                #expect(!facets.isEmpty)
                let delivery = try await BlueskyLoopback.client(server, Harness.environment(kind)).deliver(payload, of: post)

                #expect(server.requests(to: .blueskyCreateSession).count == 1)
                let posted = server.posts(on: .bluesky)
                #expect(posted.count == 1)
                #expect(posted.first?.id == delivery.remoteID)
                #expect(posted.first?.text == payload.text)
                let request = try #require(server.requests(to: .blueskyCreateRecord).first)
                let body = Harness.json(request)
                let did = try #require(posted.first?.author)
                #expect(body["repo"] as? String == did)
                #expect(body["collection"] as? String == "app.bsky.feed.post")
                let rkey = try #require(body["rkey"] as? String)
                #expect(rkey.count == 13)
                #expect(delivery.remoteID == "at://\(did)/app.bsky.feed.post/\(rkey)")
                #expect(delivery.url?.absoluteString == "https://bsky.app/profile/\(BlueskyLoopback.handle)/post/\(rkey)")

                let record = BlueskyLoopback.record(request)
                #expect(record["$type"] as? String == "app.bsky.feed.post")
                #expect(record["text"] as? String == payload.text)
                #expect(record["createdAt"] as? String == "2026-01-01T00:00:00.000Z")
                #expect(Harness.same(record["facets"], try Harness.foundationJSON(facets)))

                let external = try #require((record["embed"] as? [String: Any])?["external"] as? [String: Any])
                let card = try #require(payload.embed?.external)
                #expect(external["uri"] as? String == card.uri.absoluteString)
                #expect(external["title"] as? String == card.title)
                #expect(external["description"] as? String == card.description)
                let thumb = try #require(external["thumb"] as? [String: Any])
                #expect(thumb["mimeType"] as? String == "image/png")
                #expect(thumb["size"] as? Int == BlueskyLoopback.png.count)
                let upload = try #require(server.requests(to: .blueskyUploadBlob).first)
                #expect(upload.body == BlueskyLoopback.png)
                #expect(upload.headers["Content-Type"] == "image/png")
            }
        }

        @Test("a mention whose handle resolves becomes a mention facet with its DID; one that does not stays text", arguments: TransportKind.allCases)
        func resolvesMentions(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                var (post, payload) = try BlueskyLoopback.payload(server)
                payload.text = "Thanks @head.bsky.social and @someone.school.nz for sports day, and @head.bsky.social again"
                payload.facets = BlueskyText.facets(in: payload.text)
                payload.embed = nil
                post.id += "#mentions"
                _ = try await BlueskyLoopback.client(server, Harness.environment(kind)).deliver(payload, of: post)

                let lookups = server.requests(to: .blueskyResolveHandle)
                #expect(lookups.map { $0.parameter("handle") } == ["head.bsky.social", "someone.school.nz"])   // each handle once
                let resolved = try #require(lookups.first)
                #expect(resolved.method == "GET")
                let facets = BlueskyLoopback.record(server.requests(to: .blueskyCreateRecord).last)["facets"] as? [[String: Any]] ?? []
                let mentions = facets.flatMap { ($0["features"] as? [[String: Any]] ?? []) }.filter {
                    $0["$type"] as? String == "app.bsky.richtext.facet#mention"
                }
                #expect(mentions.count == 2)
                #expect(mentions.allSatisfy { ($0["did"] as? String)?.hasPrefix("did:plc:loopback") == true })
                #expect(Set(mentions.compactMap { $0["did"] as? String }).count == 1)
                #expect(server.posts(on: .bluesky).count == 1)
            }
        }

        @Test("two deliveries share one session", arguments: TransportKind.allCases)
        func sharesSession(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                let (post, payload) = try BlueskyLoopback.payload(server)
                var other = post
                other.id += "-second"
                let client = try BlueskyLoopback.client(server, Harness.environment(kind))
                _ = try await client.deliver(payload, of: post)
                server.script(.response(HTTPResponse(status: 200, headers: ["Content-Type": "image/png"], body: BlueskyLoopback.png)), for: .webhook)
                _ = try await client.deliver(payload, of: other)
                #expect(server.requests(to: .blueskyCreateSession).count == 1)
                #expect(server.posts(on: .bluesky).count == 2)
            }
        }
    }
}
