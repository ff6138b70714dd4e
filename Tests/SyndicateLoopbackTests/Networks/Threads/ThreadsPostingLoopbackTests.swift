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
                let (post, payload) = try Harness.payload(for: .threads)
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
    }
}
