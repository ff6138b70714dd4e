import Foundation
import Syndicate
import SyndicateLoopback
import SyndicateTestSupport
import Testing

extension ClientsOverLoopback {
    /// ``BlueskyClient`` when createRecord's answer is late or never comes.
    @Suite("BlueskyClient over loopback: connection faults")
    struct BlueskyConnectionFaultLoopbackTests {
        typealias Harness = LoopbackClientHarness

        @Test("an answer slower than the timeout is a timeout that may have reached Bluesky", arguments: TransportKind.allCases)
        func slowAnswerTimesOut(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                server.script(.slow(Harness.slowAnswer), for: .blueskyCreateRecord)
                let (post, payload) = try BlueskyLoopback.payload(server)
                let client = try BlueskyLoopback.client(server, Harness.environment(kind, timeout: Harness.shortTimeout))
                let error = await Harness.failure(of: client, payload, of: post)
                #expect(error?.category == .timeout)
                #expect(error?.mayHaveReachedNetwork == true)
                #expect(server.requests(to: .blueskyCreateRecord).count == 1)
            }
        }

        @Test("a dropped connection is a transport failure or timeout that may have reached Bluesky", arguments: TransportKind.allCases)
        func droppedConnection(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                server.script(.dropConnection, for: .blueskyCreateRecord)
                let (post, payload) = try BlueskyLoopback.payload(server)
                let client = try BlueskyLoopback.client(server, Harness.environment(kind))
                let error = await Harness.failure(of: client, payload, of: post)
                #expect(error?.category == .transport || error?.category == .timeout)
                #expect(error?.mayHaveReachedNetwork == true)
                #expect(server.requests(to: .blueskyCreateRecord).count == 1)
                #expect(server.posts(on: .bluesky).isEmpty)
            }
        }
    }
}
