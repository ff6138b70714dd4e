import Foundation
import Syndicate
import SyndicateLoopback
import SyndicateTestSupport
import Testing

extension ClientsOverLoopback {
    /// How ``ThreadsClient`` reads a refused token: refused at the container step, so publish is never
    /// asked. The answers it shares with the other networks are in ``ErrorAnswerLoopbackTests``.
    @Suite("ThreadsClient over loopback: error answers")
    struct ThreadsErrorAnswerLoopbackTests {
        typealias Harness = LoopbackClientHarness

        @Test("a token the API refuses (code 190) is unauthorized", arguments: TransportKind.allCases)
        func unauthorized(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                let (post, payload) = try Harness.payload(for: .threads)
                let client = try ThreadsLoopback.client(server, Harness.environment(kind), token: "expired-threads-token")
                let error = await Harness.failure(of: client, payload, of: post)
                #expect(error?.category == .unauthorized)
                #expect(error?.networkMessage == "(#190) Invalid OAuth access token - Cannot parse access token")
                #expect(error?.description.contains("expired-threads-token") == false)
                #expect(server.requests(to: .threadsPublish).isEmpty)
            }
        }
    }
}
