import Foundation
import Syndicate
import SyndicateLoopback
import SyndicateTestSupport
import Testing

extension ClientsOverLoopback {
    /// ``XClient`` when the answer is late or never comes.
    @Suite("XClient over loopback: connection faults")
    struct XConnectionFaultLoopbackTests {
        typealias Harness = LoopbackClientHarness

        @Test("an answer slower than the timeout is a timeout that may have reached X", arguments: TransportKind.allCases)
        func slowAnswerTimesOut(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                server.script(.slow(Harness.slowAnswer), for: .xTweets)
                let (post, payload) = try Harness.payload(for: .x)
                let client = try XLoopback.oauth1Client(server, Harness.environment(kind, timeout: Harness.shortTimeout))
                let error = await Harness.failure(of: client, payload, of: post)
                #expect(error?.category == .timeout)
                #expect(error?.mayHaveReachedNetwork == true)
                #expect(server.requests(to: .xTweets).count == 1)
            }
        }

        @Test("a dropped connection is a transport failure or timeout that may have reached X", arguments: TransportKind.allCases)
        func droppedConnection(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                server.script(.dropConnection, for: .xTweets)
                let (post, payload) = try Harness.payload(for: .x)
                let client = try XLoopback.oauth1Client(server, Harness.environment(kind))
                let error = await Harness.failure(of: client, payload, of: post)
                #expect(error?.category == .transport || error?.category == .timeout)
                #expect(error?.mayHaveReachedNetwork == true)
                #expect(server.requests(to: .xTweets).count == 1)
                #expect(server.posts(on: .x).isEmpty)
            }
        }
    }
}
