import Foundation
import Syndicate
import SyndicateLoopback
import SyndicateTestSupport
import Testing

extension ClientsOverLoopback {
    /// ``FacebookClient`` posts to a Page feed over real HTTP.
    @Suite("FacebookClient over loopback: posting")
    struct FacebookPostingLoopbackTests {
        typealias Harness = LoopbackClientHarness

        @Test("posts the payload's message and link as form fields, with the token and appsecret_proof", arguments: TransportKind.allCases)
        func posts(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                let (post, payload) = try Harness.payload(for: .facebook)
                let message = payload.message ?? payload.text
                let link = try #require(payload.link)
                let delivery = try await FacebookLoopback.client(server, Harness.environment(kind)).deliver(payload, of: post)

                #expect(delivery.remoteID == "\(FacebookLoopback.pageID)_1")
                #expect(delivery.url?.absoluteString == "https://www.facebook.com/\(FacebookLoopback.pageID)_1")
                #expect(server.posts(on: .facebook) == [LoopbackPost(network: .facebook, id: delivery.remoteID, text: message, author: FacebookLoopback.pageID)])
                let request = try #require(server.requests(to: .facebookFeed).first)
                #expect(request.path == "/v21.0/\(FacebookLoopback.pageID)/feed")
                let fields = request.formFields
                #expect(fields.map(\.name) == ["message", "link", "access_token", "appsecret_proof"])
                #expect(request.parameter("message") == message)
                #expect(request.parameter("link") == link.absoluteString)
                #expect(request.parameter("access_token") == LoopbackServer.token)
                #expect(request.parameter("appsecret_proof") == AppSecretProof.make(appSecret: "loopback-app-secret", accessToken: LoopbackServer.token))
            }
        }
    }
}
