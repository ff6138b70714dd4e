import Foundation
import Syndicate
import SyndicateLoopback
import SyndicateTestSupport
import Testing

extension ClientsOverLoopback {
    /// ``BlueskyClient`` deleting what it posted from a loopback PDS.
    @Suite("BlueskyClient over loopback: retract")
    struct BlueskyRevisionLoopbackTests {
        typealias Harness = LoopbackClientHarness

        /// The rkeys of the recorded deleteRecord requests, in order.
        static func deletedKeys(_ server: LoopbackServer) -> [String] {
            server.requests(to: .blueskyDeleteRecord).compactMap { $0.jsonObject?["rkey"] as? String }
        }

        @Test("deleteRecord removes the post; deleting it again is the PDS's no-op", arguments: TransportKind.allCases)
        func deleteTwice(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                let (post, payload) = try BlueskyLoopback.payload(server)
                let client = try BlueskyLoopback.client(server, Harness.environment(kind))
                let copy = PostedCopy(try await client.deliver(payload, of: post))
                try await client.retract(copy)
                #expect(server.livePosts(on: .bluesky).isEmpty)
                try await client.retract(copy)
                let rkey = try #require(copy.remoteID.split(separator: "/").last.map(String.init))
                #expect(Self.deletedKeys(server) == [rkey, rkey])
                #expect(server.requests(to: .blueskyCreateSession).count == 1, "one session for all")
            }
        }

        @Test("a thread is deleted entirely, last part first", arguments: TransportKind.allCases)
        func threadDeletedEntirely(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                var (post, payload) = try BlueskyLoopback.payload(server)
                payload.parts = [
                    .init(index: 1, text: "Secondments 1/3", length: 15), .init(index: 2, text: "Details 2/3", length: 11),
                    .init(index: 3, text: "Apply 3/3", length: 9),
                ]
                let client = try BlueskyLoopback.client(server, Harness.environment(kind))
                let copy = PostedCopy(try await client.deliver(payload, of: post))
                #expect(copy.partIDs.count == 3)
                try await client.retract(copy)
                #expect(server.livePosts(on: .bluesky).isEmpty)
                #expect(Self.deletedKeys(server) == copy.partIDs.reversed().compactMap { $0.split(separator: "/").last.map(String.init) })
            }
        }

        @Test("an expired access token is refreshed and the delete goes through", arguments: TransportKind.allCases)
        func expiredToken(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                let (post, payload) = try BlueskyLoopback.payload(server)
                let client = try BlueskyLoopback.client(server, Harness.environment(kind))
                let copy = PostedCopy(try await client.deliver(payload, of: post))
                server.script(.status(400), for: .blueskyDeleteRecord)   // ExpiredToken
                try await client.retract(copy)
                #expect(server.livePosts(on: .bluesky).isEmpty)
                #expect(server.requests(to: .blueskyRefreshSession).count == 1)
                #expect(server.requests(to: .blueskyDeleteRecord).count == 2)
            }
        }

        @Test("another account's post is refused without a request", arguments: TransportKind.allCases)
        func anotherRepository(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                let (post, payload) = try BlueskyLoopback.payload(server)
                let client = try BlueskyLoopback.client(server, Harness.environment(kind))
                let copy = PostedCopy(try await client.deliver(payload, of: post))
                var foreign = copy
                foreign.remoteID = copy.remoteID.replacingOccurrences(of: String(copy.remoteID.split(separator: "/")[1]), with: "did:plc:someone")
                do throws(DeliveryError) {
                    try await client.retract(foreign)
                    Issue.record("another repository must be refused")
                } catch {
                    #expect(error.category == .forbidden)
                }
                #expect(server.requests(to: .blueskyDeleteRecord).isEmpty)
                #expect(server.livePosts(on: .bluesky).count == 1)
            }
        }

        @Test("the PDS: another account's repo is 401, an unknown repo 400, an absent record a 200 no-op without a commit")
        func pdsAnswers() async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                let transport = Harness.environment(.urlSession).transport
                func send(_ method: String, _ body: [String: String], token: String? = nil) async throws -> (Int, [String: Any]) {
                    var headers: HTTPHeaders = ["Content-Type": "application/json"]
                    if let token { headers["Authorization"] = "Bearer \(token)" }
                    let request = HTTPRequest(
                        method: .post, url: server.baseURL.appendingPathComponent("xrpc/\(method)"), headers: headers,
                        body: try JSONSerialization.data(withJSONObject: body))
                    let response = try await transport.send(request)
                    return (response.status, (try? JSONSerialization.jsonObject(with: response.body)) as? [String: Any] ?? [:])
                }
                let password = LoopbackServer.blueskyPassword
                let (_, school) = try await send("com.atproto.server.createSession", ["identifier": "school.example", "password": password])
                let (_, other) = try await send("com.atproto.server.createSession", ["identifier": "other.example", "password": password])
                let token = try #require(school["accessJwt"] as? String)
                let did = try #require(school["did"] as? String)
                let otherDID = try #require(other["did"] as? String)
                let key = ["collection": "app.bsky.feed.post", "rkey": "3kabsent"]
                let foreign = try await send("com.atproto.repo.deleteRecord", key.merging(["repo": otherDID]) { $1 }, token: token)
                #expect(foreign.0 == 401 && foreign.1["error"] as? String == "AuthenticationRequired")
                let unknown = try await send("com.atproto.repo.deleteRecord", key.merging(["repo": "did:plc:nobody"]) { $1 }, token: token)
                #expect(unknown.0 == 400 && unknown.1["error"] as? String == "InvalidRequest")
                let absent = try await send("com.atproto.repo.deleteRecord", key.merging(["repo": did]) { $1 }, token: token)
                #expect(absent.0 == 200 && absent.1["commit"] == nil)
            }
        }

        @Test("a refused token is unauthorized and the post stays", arguments: TransportKind.allCases)
        func refusedToken(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                let (post, payload) = try BlueskyLoopback.payload(server)
                let client = try BlueskyLoopback.client(server, Harness.environment(kind))
                let copy = PostedCopy(try await client.deliver(payload, of: post))
                server.script(.status(401), for: .blueskyDeleteRecord)
                do throws(DeliveryError) {
                    try await client.retract(copy)
                    Issue.record("a refused token must fail")
                } catch {
                    #expect(error.category == .unauthorized)
                    #expect(!error.description.contains(LoopbackServer.blueskyPassword))
                }
                #expect(server.livePosts(on: .bluesky).count == 1)
            }
        }

        @Test("a 429 on the delete is rate limited until the PDS's reset", arguments: TransportKind.allCases)
        func rateLimited(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                let (post, payload) = try BlueskyLoopback.payload(server)
                let client = try BlueskyLoopback.client(server, Harness.environment(kind))
                let copy = PostedCopy(try await client.deliver(payload, of: post))
                server.script(.rateLimited(resetAfter: .seconds(300)), for: .blueskyDeleteRecord)
                do throws(DeliveryError) {
                    try await client.retract(copy)
                    Issue.record("a 429 must fail")
                } catch {
                    #expect(error.category == .rateLimited)
                    #expect(error.retryAfter == DryRunHarness.now.addingTimeInterval(Harness.resetAfter))
                }
                #expect(server.livePosts(on: .bluesky).count == 1)
            }
        }
    }
}
