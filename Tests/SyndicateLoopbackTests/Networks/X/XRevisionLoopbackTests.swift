import Foundation
import Syndicate
import SyndicateLoopback
import SyndicateTestSupport
import Testing

extension ClientsOverLoopback {
    /// ``XClient`` deleting what it posted over real HTTP, the server checking each signature.
    @Suite("XClient over loopback: retract")
    struct XRevisionLoopbackTests {
        typealias Harness = LoopbackClientHarness

        /// A server accepting the default token and `other`.
        static let configuration = LoopbackServer.Configuration(
            tokens: .only([LoopbackServer.token, "other-token"]), now: { DryRunHarness.now })

        /// A three-part thread of the example post.
        static func thread() throws -> (Post, SharePayload) {
            var (post, payload) = try Harness.payload(for: .x)
            payload.parts = [
                .init(index: 1, text: "Secondments 1/3", length: 15), .init(index: 2, text: "Details 2/3", length: 11),
                .init(index: 3, text: "Apply 3/3", length: 9),
            ]
            return (post, payload)
        }

        @Test("a signed delete removes the post; deleting it again (404) is no error", arguments: TransportKind.allCases)
        func deleteTwice(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Self.configuration) { server in
                let (post, payload) = try Harness.payload(for: .x)
                let client = try XLoopback.oauth1Client(server, Harness.environment(kind))
                let copy = PostedCopy(try await client.deliver(payload, of: post))
                try await client.retract(copy)
                #expect(server.livePosts(on: .x).isEmpty)
                try await client.retract(copy)
                let deletes = server.requests(to: .xTweet)
                #expect(deletes.map(\.method) == ["DELETE", "DELETE"])
                #expect(deletes.allSatisfy { $0.path == "/2/tweets/\(copy.remoteID)" })
                // Gone posts free their text: the same text can be posted again.
                _ = try await client.deliver(payload, of: post)
                #expect(server.livePosts(on: .x).count == 1)
            }
        }

        @Test("a thread is deleted entirely, last part first, with a bearer token too", arguments: TransportKind.allCases)
        func threadDeletedEntirely(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Self.configuration) { server in
                let (post, payload) = try Self.thread()
                let client = try XLoopback.bearerClient(server, Harness.environment(kind))
                let copy = PostedCopy(try await client.deliver(payload, of: post))
                #expect(copy.partIDs.count == 3)
                try await client.retract(copy)
                #expect(server.livePosts(on: .x).isEmpty)
                #expect(server.requests(to: .xTweet).map(\.path) == copy.partIDs.reversed().map { "/2/tweets/\($0)" })
            }
        }

        @Test("editing is refused as unsupported, naming the repost, without a request", arguments: TransportKind.allCases)
        func editIsUnsupported(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Self.configuration) { server in
                let (post, payload) = try Harness.payload(for: .x)
                let client = try XLoopback.oauth1Client(server, Harness.environment(kind))
                let copy = PostedCopy(try await client.deliver(payload, of: post))
                try await client.retract(copy)
                let before = server.requests.count
                do throws(DeliveryError) {
                    _ = try await client.edit(copy, to: payload, of: post)
                    Issue.record("X cannot edit")
                } catch {
                    #expect(error.category == .unsupported)
                    #expect(error.fix.contains(RevisionSupport.repostAdvice))
                }
                #expect(server.requests.count == before)
            }
        }

        @Test("another account's post is refused (403) and stays", arguments: TransportKind.allCases)
        func someoneElsesPost(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Self.configuration) { server in
                let (post, payload) = try Harness.payload(for: .x)
                let copy = PostedCopy(try await XLoopback.oauth1Client(server, Harness.environment(kind)).deliver(payload, of: post))
                let other = try XLoopback.oauth1Client(server, Harness.environment(kind), token: "other-token")
                do throws(DeliveryError) {
                    try await other.retract(copy)
                    Issue.record("another account's post must be refused")
                } catch {
                    #expect(error.category == .forbidden)
                }
                #expect(server.livePosts(on: .x).count == 1)
            }
        }

        @Test("a refused token is unauthorized and the post stays", arguments: TransportKind.allCases)
        func refusedToken(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Self.configuration) { server in
                let (post, payload) = try Harness.payload(for: .x)
                let copy = PostedCopy(try await XLoopback.oauth1Client(server, Harness.environment(kind)).deliver(payload, of: post))
                let revoked = try XLoopback.bearerClient(server, Harness.environment(kind), token: "revoked-token-456")
                do throws(DeliveryError) {
                    try await revoked.retract(copy)
                    Issue.record("a refused token must fail")
                } catch {
                    #expect(error.category == .unauthorized)
                    #expect(!error.description.contains("revoked-token-456"))
                }
                #expect(server.livePosts(on: .x).count == 1)
            }
        }

        @Test("a 429 on the delete is rate limited until X's reset", arguments: TransportKind.allCases)
        func rateLimited(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Self.configuration) { server in
                let (post, payload) = try Harness.payload(for: .x)
                let client = try XLoopback.oauth1Client(server, Harness.environment(kind))
                let copy = PostedCopy(try await client.deliver(payload, of: post))
                server.script(.rateLimited(resetAfter: .seconds(300)), for: .xTweet)
                do throws(DeliveryError) {
                    try await client.retract(copy)
                    Issue.record("a 429 must fail")
                } catch {
                    #expect(error.category == .rateLimited)
                    #expect(error.retryAfter == DryRunHarness.now.addingTimeInterval(Harness.resetAfter))
                }
                #expect(server.livePosts(on: .x).count == 1)
            }
        }
    }
}
