import Foundation
import Syndicate
import SyndicateLoopback
import SyndicateTestSupport
import Testing

extension ClientsOverLoopback {
    /// ``ThreadsClient`` deleting what it published from a loopback Threads API.
    @Suite("ThreadsClient over loopback: retract")
    struct ThreadsRevisionLoopbackTests {
        typealias Harness = LoopbackClientHarness

        /// A server accepting the default token and `other-token`.
        static let configuration = LoopbackServer.Configuration(
            tokens: .only([LoopbackServer.token, "other-token"]), now: { DryRunHarness.now })

        /// Publishes the example post and returns its copy.
        static func published(_ server: LoopbackServer, _ kind: TransportKind) async throws -> (ThreadsClient, PostedCopy) {
            let (post, payload) = try Harness.payload(for: .threads)
            let client = try ThreadsLoopback.client(server, Harness.environment(kind))
            return (client, PostedCopy(try await client.deliver(payload, of: post)))
        }

        /// The recorded deletes.
        static func deletes(_ server: LoopbackServer) -> [LoopbackRequest] {
            server.requests(to: .threadsObject).filter { $0.method == "DELETE" }
        }

        @Test("DELETE removes the post; deleting it again (\"does not exist\") is no error", arguments: TransportKind.allCases)
        func deleteTwice(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Self.configuration) { server in
                let (client, copy) = try await Self.published(server, kind)
                try await client.retract(copy)
                #expect(server.livePosts(on: .threads).isEmpty)
                try await client.retract(copy)
                let deletes = Self.deletes(server)
                #expect(deletes.count == 2)
                #expect(deletes.allSatisfy { $0.path == "/v1.0/\(copy.remoteID)" && $0.parameter("access_token") == LoopbackServer.token })
            }
        }

        @Test("a carousel post is deleted as one post, its items with it", arguments: TransportKind.allCases)
        func carouselDeletedEntirely(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Self.configuration) { server in
                let (post, payload) = try ThreadsLoopback.imagePayload()
                let client = try ThreadsLoopback.client(server, Harness.environment(kind))
                let copy = PostedCopy(try await client.deliver(payload, of: post))
                #expect(copy.mediaIDs.count == 2)
                try await client.retract(copy)
                #expect(server.livePosts(on: .threads).isEmpty)
                #expect(Self.deletes(server).map(\.path) == ["/v1.0/\(copy.remoteID)"])
            }
        }

        @Test("editing is refused as unsupported without a request", arguments: TransportKind.allCases)
        func editIsUnsupported(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Self.configuration) { server in
                let (client, copy) = try await Self.published(server, kind)
                let (post, payload) = try Harness.payload(for: .threads)
                let before = server.requests.count
                do throws(DeliveryError) {
                    _ = try await client.edit(copy, to: payload, of: post)
                    Issue.record("Threads cannot edit")
                } catch {
                    #expect(error.category == .unsupported)
                    #expect(error.fix.contains(RevisionSupport.repostAdvice))
                }
                #expect(server.requests.count == before)
            }
        }

        @Test("another token's post is refused and stays", arguments: TransportKind.allCases)
        func someoneElsesPost(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Self.configuration) { server in
                let (_, copy) = try await Self.published(server, kind)
                let other = try ThreadsLoopback.client(server, Harness.environment(kind), token: "other-token")
                do throws(DeliveryError) {
                    try await other.retract(copy)
                    Issue.record("another token's post must be refused")
                } catch {
                    #expect(error.category == .forbidden)
                    #expect(error.fix.contains("threads_delete"))
                }
                #expect(server.livePosts(on: .threads).count == 1)
            }
        }

        @Test("a refused token is unauthorized and the post stays", arguments: TransportKind.allCases)
        func refusedToken(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Self.configuration) { server in
                let (_, copy) = try await Self.published(server, kind)
                let revoked = try ThreadsLoopback.client(server, Harness.environment(kind), token: "revoked-token-456")
                do throws(DeliveryError) {
                    try await revoked.retract(copy)
                    Issue.record("a refused token must fail")
                } catch {
                    #expect(error.category == .unauthorized)
                    #expect(!error.description.contains("revoked-token-456"))
                }
                #expect(server.livePosts(on: .threads).count == 1)
            }
        }

        @Test("a 429 on the delete is rate limited", arguments: TransportKind.allCases)
        func rateLimited(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Self.configuration) { server in
                let (client, copy) = try await Self.published(server, kind)
                server.script(.rateLimited(resetAfter: .seconds(300)), for: .threadsObject)
                do throws(DeliveryError) {
                    try await client.retract(copy)
                    Issue.record("a 429 must fail")
                } catch {
                    #expect(error.category == .rateLimited)
                    #expect(error.retryAfter != nil)
                }
                #expect(server.livePosts(on: .threads).count == 1)
            }
        }
    }
}
