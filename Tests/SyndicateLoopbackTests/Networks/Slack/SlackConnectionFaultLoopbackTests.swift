import Foundation
import Syndicate
import SyndicateLoopback
import SyndicateTestSupport
import Testing

extension ClientsOverLoopback {
    /// ``SlackClient`` when the answer is late or never comes.
    @Suite("SlackClient over loopback: connection faults")
    struct SlackConnectionFaultLoopbackTests {
        typealias Harness = LoopbackClientHarness

        @Test("an answer slower than the timeout is a timeout that may have reached Slack", arguments: TransportKind.allCases)
        func slowAnswerTimesOut(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                server.script(.slow(Harness.slowAnswer), for: .slackWebhook)
                let (post, payload) = try Harness.payload(for: .slack)
                let client = try SlackLoopback.client(server, Harness.environment(kind, timeout: Harness.shortTimeout))
                let error = await Harness.failure(of: client, payload, of: post)
                #expect(error?.category == .timeout)
                #expect(error?.mayHaveReachedNetwork == true)
                #expect(server.requests(to: .slackWebhook).count == 1)
            }
        }

        @Test("a dropped connection is a transport failure or timeout that may have reached Slack", arguments: TransportKind.allCases)
        func droppedConnection(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                server.script(.dropConnection, for: .slackWebhook)
                let (post, payload) = try Harness.payload(for: .slack)
                let client = try SlackLoopback.client(server, Harness.environment(kind))
                let error = await Harness.failure(of: client, payload, of: post)
                #expect(error?.category == .transport || error?.category == .timeout)
                #expect(error?.mayHaveReachedNetwork == true)
                #expect(server.requests(to: .slackWebhook).count == 1)
                #expect(server.posts(on: .slack).isEmpty)
            }
        }

        @Test("neither is retried by CrossPoster: Slack has no duplicate protection", arguments: TransportKind.allCases)
        func faultsAreNotRetried(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                server.script(.dropConnection, for: .slackWebhook)
                let (post, payload) = try Harness.payload(for: .slack)
                let client = try SlackLoopback.client(server, Harness.environment(kind))
                let result = await Harness.crossPost(post, payload: payload, through: client, kind: kind)
                #expect(result.error?.category == .transport || result.error?.category == .timeout)
                #expect(result.attempts == 1)
                #expect(server.requests(to: .slackWebhook).count == 1)
            }
        }
    }
}
