import Foundation
import Syndicate
import SyndicateLoopback
import SyndicateTestSupport
import Testing

extension ClientsOverLoopback {
    /// ``LinkedInClient`` posts over real HTTP; the server checks its headers, author and body.
    @Suite("LinkedInClient over loopback: posting")
    struct LinkedInPostingLoopbackTests {
        typealias Harness = LoopbackClientHarness

        @Test("posts the payload's commentary and article card as the author, with the Posts API headers", arguments: TransportKind.allCases)
        func posts(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                let (post, payload) = try Harness.payload(for: .linkedin)
                let commentary = try #require(payload.commentary)
                let article = try #require(payload.article)
                let delivery = try await LinkedInLoopback.client(server, Harness.environment(kind)).deliver(payload, of: post)

                let posted = server.posts(on: .linkedin)
                #expect(posted.count == 1)
                #expect(posted.first?.id == delivery.remoteID)
                #expect(delivery.remoteID.hasPrefix("urn:li:share:"))
                #expect(delivery.url?.absoluteString == "https://www.linkedin.com/feed/update/\(delivery.remoteID)")
                #expect(posted.first?.text == commentary)
                #expect(posted.first?.author == LinkedInLoopback.author)

                let request = try #require(server.requests(to: .linkedInPosts).first)
                #expect(request.headers["LinkedIn-Version"] == LinkedInClient.defaultAPIVersion)
                #expect(request.headers["X-Restli-Protocol-Version"] == "2.0.0")
                #expect(request.headers["Authorization"] == "Bearer \(LoopbackServer.token)")
                let body = Harness.json(request)
                #expect(body["visibility"] as? String == "PUBLIC")
                #expect(body["lifecycleState"] as? String == "PUBLISHED")
                #expect((body["distribution"] as? [String: Any])?["feedDistribution"] as? String == "MAIN_FEED")
                let sent = try #require((body["content"] as? [String: Any])?["article"] as? [String: Any])
                #expect(sent["source"] as? String == article.source.absoluteString)
                #expect(sent["title"] as? String == article.title)
                #expect(sent["description"] as? String == article.description)
            }
        }
    }
}
