import Foundation
import SyndicateTestSupport
import Testing

@testable import Syndicate

@Suite("BlueskyClient: retract")
struct BlueskyRevisionTests {
    let settings = AccountSettings(
        network: .bluesky, account: "school",
        values: ["SERVICE": "https://pds.example", "HANDLE": "school.example", "APP_PASSWORD": "bsky-app-password-1234"])

    /// A session answer with the given tokens.
    static func session(_ access: String, _ refresh: String) -> HTTPResponse {
        .json(["accessJwt": access, "refreshJwt": refresh, "did": "did:plc:school", "handle": "school.example"])
    }

    static func uri(_ rkey: String, did: String = "did:plc:school") -> String { "at://\(did)/app.bsky.feed.post/\(rkey)" }

    /// Counts the deletes a responder saw.
    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        func next() -> Int {
            lock.lock()
            defer { lock.unlock() }
            count += 1
            return count
        }
    }

    /// A transport signing in as did:plc:school and answering deletes with `delete` (nil: the
    /// dry run's answer).
    static func transport(delete: @escaping @Sendable (Int) -> HTTPResponse? = { _ in nil }) -> DryRunTransport {
        let counter = Counter()
        return DryRunTransport { request in
            let path = request.url.path
            if path.hasSuffix("createSession") { return session("access-1", "refresh-1") }
            if path.hasSuffix("refreshSession") { return session("access-2", "refresh-2") }
            if path.hasSuffix("deleteRecord") { return delete(counter.next()) }
            return nil
        }
    }

    func client(_ transport: DryRunTransport) throws(DeliveryError) -> BlueskyClient {
        try BlueskyClient(settings: settings, environment: DryRunHarness.environment(transport))
    }

    static func deletes(_ transport: DryRunTransport) async -> [HTTPRequest] {
        await transport.requests.filter { $0.url.path.hasSuffix("com.atproto.repo.deleteRecord") }
    }

    @Test("Bluesky can delete but not edit")
    func support() throws {
        #expect(try client(DryRunTransport()).revisionSupport == .deleteOnly(.bluesky))
    }

    @Test("POST com.atproto.repo.deleteRecord {repo, collection, rkey} with the access token")
    func requestShape() async throws {
        let transport = Self.transport()
        try await client(transport).retract(PostedCopy(network: .bluesky, account: "school", remoteID: Self.uri("3kabc")))
        let requests = await transport.requests
        #expect(requests.map(\.url.absoluteString) == [
            "https://pds.example/xrpc/com.atproto.server.createSession", "https://pds.example/xrpc/com.atproto.repo.deleteRecord",
        ])
        let request = requests[1]
        #expect(request.method == .post)
        #expect(request.headers["Authorization"] == "Bearer access-1")
        #expect(request.headers["Content-Type"] == "application/json")
        #expect(String(decoding: request.body ?? Data(), as: UTF8.self) == #"{"collection":"app.bsky.feed.post","repo":"did:plc:school","rkey":"3kabc"}"#)
    }

    @Test("a thread is deleted last part first")
    func threadOrder() async throws {
        let transport = Self.transport()
        let copy = PostedCopy(network: .bluesky, account: "school", remoteID: Self.uri("a"), partIDs: [Self.uri("a"), Self.uri("b"), Self.uri("c")])
        try await client(transport).retract(copy)
        let rkeys = await Self.deletes(transport).compactMap { try? JSONSerialization.jsonObject(with: $0.body ?? Data()) as? [String: Any] }
            .compactMap { $0["rkey"] as? String }
        #expect(rkeys == ["c", "b", "a"])
    }

    @Test("a record already gone is the PDS's 200 no-op: deleted")
    func alreadyGone() async throws {
        let transport = Self.transport { _ in .json([String: String]()) }
        try await client(transport).retract(PostedCopy(network: .bluesky, account: "school", remoteID: Self.uri("gone")))
        #expect(await Self.deletes(transport).count == 1)
    }

    @Test("an expired access token is refreshed once and the delete sent again")
    func expiredToken() async throws {
        let expired = HTTPResponse(status: 400, body: Data(#"{"error":"ExpiredToken","message":"Token has expired"}"#.utf8))
        let transport = Self.transport { number in number == 1 ? expired : nil }
        try await client(transport).retract(PostedCopy(network: .bluesky, account: "school", remoteID: Self.uri("3kabc")))
        let deletes = await Self.deletes(transport)
        #expect(deletes.map { $0.headers["Authorization"] } == ["Bearer access-1", "Bearer access-2"])
        #expect(await transport.requests.filter { $0.url.path.hasSuffix("refreshSession") }.count == 1)
    }

    @Test("a post in another repository is refused before anything is deleted")
    func anotherRepository() async throws {
        let transport = Self.transport()
        let copy = PostedCopy(network: .bluesky, account: "school", remoteID: Self.uri("a"), partIDs: [Self.uri("a"), Self.uri("b", did: "did:plc:other")])
        do throws(DeliveryError) {
            try await client(transport).retract(copy)
            Issue.record("another repository must be refused")
        } catch {
            #expect(error.category == .forbidden)
            #expect(error.message.contains("did:plc:other"))
            #expect(!error.mayHaveReachedNetwork)
        }
        #expect(await Self.deletes(transport).isEmpty)
    }

    @Test("an id that is no at:// address is refused without a request")
    func notAnAddress() async throws {
        let transport = Self.transport()
        await #expect(throws: DeliveryError.self) {
            try await client(transport).retract(PostedCopy(network: .bluesky, account: "school", remoteID: "https://bsky.app/profile/x/post/y"))
        }
        #expect(await transport.requests.isEmpty)
        #expect(BlueskyClient.recordAddress("at://did:plc:a/app.bsky.feed.post/k")?.rkey == "k")
        #expect(BlueskyClient.recordAddress("at://did:plc:a/app.bsky.feed.post") == nil)
    }

    @Test("429 and 401 read as elsewhere")
    func errors() async throws {
        let reset = Int(DryRunHarness.now.timeIntervalSince1970) + 300
        let limited = Self.transport { _ in
            HTTPResponse(
                status: 429, headers: ["RateLimit-Reset": String(reset)],
                body: Data(#"{"error":"RateLimitExceeded","message":"Rate Limit Exceeded"}"#.utf8))
        }
        do throws(DeliveryError) {
            try await client(limited).retract(PostedCopy(network: .bluesky, account: "school", remoteID: Self.uri("a")))
            Issue.record("a 429 must fail")
        } catch {
            #expect(error.category == .rateLimited)
            #expect(error.retryAfter == Date(timeIntervalSince1970: TimeInterval(reset)))
        }
        let refused = Self.transport { _ in
            HTTPResponse(status: 401, body: Data(#"{"error":"AuthenticationRequired","message":"Authentication Required"}"#.utf8))
        }
        do throws(DeliveryError) {
            try await client(refused).retract(PostedCopy(network: .bluesky, account: "school", remoteID: Self.uri("a")))
            Issue.record("a 401 must fail")
        } catch {
            #expect(error.category == .unauthorized)
            #expect(!error.description.contains("bsky-app-password-1234"))
        }
    }
}
