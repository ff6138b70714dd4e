import Foundation
import Syndicate
import SyndicateLoopback
import SyndicateTestSupport
import Testing

extension ClientsOverLoopback {
    /// Every network's client when the answer is late or never comes (on Threads, on the publish
    /// step, after the container exists), through every transport.
    @Suite("Network clients over loopback: connection faults")
    struct ConnectionFaultLoopbackTests {
        typealias Harness = LoopbackClientHarness

        @Test(
            "an answer slower than the timeout is a timeout that may have reached the network",
            arguments: LoopbackNetwork.all, TransportKind.allCases)
        func slowAnswerTimesOut(network: LoopbackNetwork, kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                server.script(.slow(Harness.slowAnswer), for: network.postRoute)
                let (post, payload) = try network.payload(server)
                let client = try network.client(server, Harness.environment(kind, timeout: Harness.shortTimeout))
                let error = await Harness.failure(of: client, payload, of: post)
                #expect(error?.category == .timeout)
                #expect(error?.mayHaveReachedNetwork == true)
                #expect(server.requests(to: network.postRoute).count == 1)
            }
        }

        @Test(
            "a dropped connection is a transport failure or timeout that may have reached the network",
            arguments: LoopbackNetwork.all, TransportKind.allCases)
        func droppedConnection(network: LoopbackNetwork, kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                server.script(.dropConnection, for: network.postRoute)
                let (post, payload) = try network.payload(server)
                let client = try network.client(server, Harness.environment(kind))
                let error = await Harness.failure(of: client, payload, of: post)
                #expect(error?.category == .transport || error?.category == .timeout)
                #expect(error?.mayHaveReachedNetwork == true)
                #expect(server.requests(to: network.postRoute).count == 1)
                #expect(server.posts(on: network.network).isEmpty)
            }
        }

        @Test(
            "neither is retried by CrossPoster where the network has no duplicate protection",
            arguments: LoopbackNetwork.acceptingDuplicates, TransportKind.allCases)
        func faultsAreNotRetried(network: LoopbackNetwork, kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                server.script(.dropConnection, for: network.postRoute)
                let (post, payload) = try network.payload(server)
                let client = try network.client(server, Harness.environment(kind))
                let result = await Harness.crossPost(post, payload: payload, through: client, kind: kind)
                #expect(result.error?.category == .transport || result.error?.category == .timeout)
                #expect(result.attempts == 1)
                #expect(server.requests(to: network.postRoute).count == 1)
            }
        }
    }
}
