import Foundation
import Syndicate
import SyndicateLoopback
import SyndicateTestSupport
import Testing

extension ClientsOverLoopback {
    /// How ``WebhookClient`` reads a 401 (the generic webhook has no credential to refuse). The answers it
    /// shares with the other networks are in ``ErrorAnswerLoopbackTests``.
    @Suite("WebhookClient over loopback: error answers")
    struct WebhookErrorAnswerLoopbackTests {
        typealias Harness = LoopbackClientHarness

        @Test("a 401 is unauthorized", arguments: TransportKind.allCases)
        func unauthorized(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                let (post, payload) = try Harness.payload(for: .webhook)
                server.script(.status(401), for: .webhook)
                let error = await Harness.failure(of: try WebhookLoopback.client(server, Harness.environment(kind)), payload, of: post)
                #expect(error?.category == .unauthorized)
                #expect(error?.status == 401)
                #expect(error?.networkMessage == "Unauthorized")
                #expect(server.posts(on: .webhook).isEmpty)
            }
        }
    }
}
