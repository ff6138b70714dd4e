import Foundation
import Syndicate
import SyndicateLoopback
import SyndicateTestSupport
import Testing

extension ClientsOverLoopback {
    /// How ``BlueskyClient`` and ``CrossPoster`` read the PDS's error answers, and how the
    /// deterministic record key keeps retries from posting twice. The 429 and the retried 500 are in
    /// ``ErrorAnswerLoopbackTests``.
    @Suite("BlueskyClient over loopback: error answers")
    struct BlueskyErrorAnswerLoopbackTests {
        typealias Harness = LoopbackClientHarness

        @Test("a wrong app password is unauthorized, and nothing is written", arguments: TransportKind.allCases)
        func wrongPasswordIsUnauthorized(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                let (post, payload) = try BlueskyLoopback.payload(server)
                let client = try BlueskyLoopback.client(server, Harness.environment(kind), password: "wrong-app-password")
                let error = await Harness.failure(of: client, payload, of: post)
                #expect(error?.category == .unauthorized)
                #expect(error?.status == 401)
                #expect(error?.networkMessage == "AuthenticationRequired: Invalid identifier or password")
                #expect(error?.description.contains("wrong-app-password") == false)
                #expect(server.requests(to: .blueskyCreateRecord).isEmpty)
            }
        }

        @Test("a 401 InvalidToken from createRecord is unauthorized", arguments: TransportKind.allCases)
        func invalidTokenIsUnauthorized(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                server.script(.status(401), for: .blueskyCreateRecord)
                let (post, payload) = try BlueskyLoopback.payload(server)
                let error = await Harness.failure(of: try BlueskyLoopback.client(server, Harness.environment(kind)), payload, of: post)
                #expect(error?.category == .unauthorized)
                #expect(error?.networkMessage == "InvalidToken: Token could not be verified")
                #expect(server.posts(on: .bluesky).isEmpty)
            }
        }

        @Test("posting the same post again collides with its record key: already posted, one record", arguments: TransportKind.allCases)
        func existingRecordKeyIsAlreadyPosted(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                let (post, payload) = try BlueskyLoopback.payload(server)
                let client = try BlueskyLoopback.client(server, Harness.environment(kind))
                let first = await Harness.crossPost(post, payload: payload, through: client, kind: kind)
                let second = await Harness.crossPost(post, payload: payload, through: client, kind: kind)
                #expect(first.delivery?.remoteID == server.posts(on: .bluesky).first?.id)
                // The record found under the post's key is the copy that is already there.
                #expect(second.outcome == .alreadyPosted(first.delivery))
                #expect(second.delivery?.url != nil)
                #expect(second.attempts == 1)
                let rkeys = server.requests(to: .blueskyCreateRecord).map { Harness.json($0)["rkey"] as? String }
                #expect(rkeys.count == 2 && rkeys[0] != nil && rkeys[0] == rkeys[1])
                #expect(server.posts(on: .bluesky).count == 1)
            }
        }

        @Test("a retried createRecord after a 500 that did write makes exactly one record", arguments: TransportKind.allCases)
        func serverErrorAfterWritingKeepsOneRecord(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                server.script(.afterHandling(.status(500)), for: .blueskyCreateRecord)
                let (post, payload) = try BlueskyLoopback.payload(server)
                let result = await Harness.crossPost(post, payload: payload, through: try BlueskyLoopback.client(server, Harness.environment(kind)), kind: kind)
                // The retry collides with the record the first attempt wrote: the client's duplicate path.
                #expect(result.delivery?.remoteID == server.posts(on: .bluesky).first?.id)
                if case .alreadyPosted = result.outcome {} else { Issue.record("expected already posted, got \(result.outcome)") }
                #expect(result.attempts == 2)
                let requests = server.requests(to: .blueskyCreateRecord)
                #expect(requests.count == 2)
                #expect(Harness.json(requests.first)["rkey"] as? String == Harness.json(requests.last)["rkey"] as? String)
                #expect(server.posts(on: .bluesky).count == 1)
            }
        }
    }
}
