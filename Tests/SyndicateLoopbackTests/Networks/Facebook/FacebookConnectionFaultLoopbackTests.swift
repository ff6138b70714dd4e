import Foundation
import Syndicate
import SyndicateLoopback
import SyndicateTestSupport
import Testing

extension ClientsOverLoopback {
    /// ``FacebookClient`` when the answer is late or never comes.
    @Suite("FacebookClient over loopback: connection faults")
    struct FacebookConnectionFaultLoopbackTests {
        typealias Harness = LoopbackClientHarness

        @Test("an answer slower than the timeout is a timeout that may have reached Facebook", arguments: TransportKind.allCases)
        func slowAnswerTimesOut(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                server.script(.slow(Harness.slowAnswer), for: .facebookFeed)
                let (post, payload) = try Harness.payload(for: .facebook)
                let client = try FacebookLoopback.client(server, Harness.environment(kind, timeout: Harness.shortTimeout))
                let error = await Harness.failure(of: client, payload, of: post)
                #expect(error?.category == .timeout)
                #expect(error?.mayHaveReachedNetwork == true)
                #expect(server.requests(to: .facebookFeed).count == 1)
            }
        }

        @Test("a dropped connection is a transport failure or timeout that may have reached Facebook", arguments: TransportKind.allCases)
        func droppedConnection(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                server.script(.dropConnection, for: .facebookFeed)
                let (post, payload) = try Harness.payload(for: .facebook)
                let client = try FacebookLoopback.client(server, Harness.environment(kind))
                let error = await Harness.failure(of: client, payload, of: post)
                #expect(error?.category == .transport || error?.category == .timeout)
                #expect(error?.mayHaveReachedNetwork == true)
                #expect(server.requests(to: .facebookFeed).count == 1)
                #expect(server.posts(on: .facebook).isEmpty)
            }
        }
    }
}
