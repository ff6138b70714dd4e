import Foundation
import SyndicateTestSupport
import Testing

@testable import Syndicate

@Suite("BlueskySession")
struct BlueskySessionTests {
    let settings = AccountSettings(
        network: .bluesky, account: "school",
        values: ["SERVICE": "https://pds.example", "HANDLE": "school.example", "APP_PASSWORD": "bsky-app-password-1234"])

    /// A session answer with the given tokens.
    static func session(_ access: String, _ refresh: String) -> HTTPResponse {
        .json(["accessJwt": access, "refreshJwt": refresh, "did": "did:plc:school", "handle": "school.example"])
    }

    static let expired = HTTPResponse(status: 400, body: Data(#"{"error":"ExpiredToken","message":"Token has expired"}"#.utf8))

    static func count(_ requests: [HTTPRequest], _ method: String) -> Int {
        requests.filter { $0.url.path.hasSuffix(method) }.count
    }

    func deliverConcurrently(_ client: BlueskyClient, times: Int) async throws -> [Delivery] {
        let post = try DryRunHarness.examplePost("ofsted-secondments.html")
        let payload = try CardComposer.composer.payload(for: post, on: .bluesky)
        return try await withThrowingTaskGroup(of: Delivery.self) { group in
            for _ in 0..<times { group.addTask { try await client.deliver(payload, of: post) } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
    }

    @Test("five concurrent deliveries sign in exactly once and share the session")
    func concurrentDeliveriesSignInOnce() async throws {
        let dryRun = DryRunTransport()
        let transport = DelayingTransport(wrapped: dryRun, delayed: "createSession")
        let client = try BlueskyClient(settings: settings, environment: DryRunHarness.environment(transport))
        let deliveries = try await deliverConcurrently(client, times: 5)
        #expect(deliveries.count == 5)
        let requests = await dryRun.requests
        #expect(Self.count(requests, "com.atproto.server.createSession") == 1)
        #expect(Self.count(requests, "com.atproto.repo.createRecord") == 5)
        // A later delivery reuses it too.
        _ = try await deliverConcurrently(client, times: 1)
        #expect(Self.count(await dryRun.requests, "com.atproto.server.createSession") == 1)
        // The session's tokens are declared secrets once known.
        #expect(client.secrets.contains("dry-run-access-jwt") && client.secrets.contains("dry-run-refresh-jwt"))
    }

    @Test("an expired access token is refreshed once with the refresh token, then the new one is used")
    func refreshOnExpiredToken() async throws {
        let transport = DryRunTransport { request in
            let path = request.url.path
            if path.hasSuffix("createSession") { return Self.session("jwt-a", "refresh-a") }
            if path.hasSuffix("refreshSession") {
                return request.headers["Authorization"] == "Bearer refresh-a" ? Self.session("jwt-b", "refresh-b") : Self.expired
            }
            if path.hasSuffix("createRecord"), request.headers["Authorization"] == "Bearer jwt-a" { return Self.expired }
            return nil
        }
        let client = try BlueskyClient(settings: settings, environment: DryRunHarness.environment(transport))
        _ = try await deliverConcurrently(client, times: 1)
        var requests = await transport.requests
        #expect(requests.map { $0.url.lastPathComponent } == [
            "com.atproto.server.createSession", "spielman-ascl.jpg", "com.atproto.repo.createRecord",
            "com.atproto.server.refreshSession", "com.atproto.repo.createRecord",
        ])
        #expect(requests.last?.headers["Authorization"] == "Bearer jwt-b")
        await transport.removeAllRequests()
        _ = try await deliverConcurrently(client, times: 1)
        requests = await transport.requests
        #expect(Self.count(requests, "Session") == 0)
        #expect(requests.last?.headers["Authorization"] == "Bearer jwt-b")
    }

    @Test("concurrent deliveries that all meet an expired token refresh it once")
    func concurrentExpiryRefreshesOnce() async throws {
        let dryRun = DryRunTransport { request in
            let path = request.url.path
            if path.hasSuffix("createSession") { return Self.session("jwt-a", "refresh-a") }
            if path.hasSuffix("refreshSession") { return Self.session("jwt-b", "refresh-b") }
            if path.hasSuffix("createRecord"), request.headers["Authorization"] == "Bearer jwt-a" { return Self.expired }
            return nil
        }
        let transport = DelayingTransport(wrapped: dryRun, delayed: "refreshSession")
        let client = try BlueskyClient(settings: settings, environment: DryRunHarness.environment(transport))
        _ = try await deliverConcurrently(client, times: 5)
        let requests = await dryRun.requests
        #expect(Self.count(requests, "createSession") == 1)
        #expect(Self.count(requests, "refreshSession") == 1)
        #expect(requests.filter { $0.url.path.hasSuffix("createRecord") && $0.headers["Authorization"] == "Bearer jwt-b" }.count == 5)
    }

    @Test("when refreshing fails the client signs in again, once")
    func signInAgainWhenRefreshFails() async throws {
        let signIns = Counter()
        let transport = DryRunTransport { request in
            let path = request.url.path
            if path.hasSuffix("createSession") {
                return signIns.next() == 1 ? Self.session("jwt-a", "refresh-a") : Self.session("jwt-c", "refresh-c")
            }
            if path.hasSuffix("refreshSession") { return Self.expired }
            if path.hasSuffix("createRecord"), request.headers["Authorization"] == "Bearer jwt-a" {
                return HTTPResponse(status: 401, body: Self.expired.body)
            }
            return nil
        }
        let client = try BlueskyClient(settings: settings, environment: DryRunHarness.environment(transport))
        _ = try await deliverConcurrently(client, times: 1)
        let requests = await transport.requests
        #expect(Self.count(requests, "createSession") == 2)
        #expect(Self.count(requests, "refreshSession") == 1)
        #expect(requests.last?.headers["Authorization"] == "Bearer jwt-c")
    }

    @Test("when refreshing and signing in again both fail, the delivery fails as unauthorized without looping")
    func renewalFails() async throws {
        let signIns = Counter()
        let transport = DryRunTransport { request in
            let path = request.url.path
            if path.hasSuffix("createSession") {
                return signIns.next() == 1
                    ? Self.session("jwt-a", "refresh-a")
                    : HTTPResponse(status: 401, body: Data(#"{"error":"AuthenticationRequired","message":"Invalid identifier or password"}"#.utf8))
            }
            if path.hasSuffix("refreshSession") { return Self.expired }
            if path.hasSuffix("createRecord") { return Self.expired }
            return nil
        }
        let client = try BlueskyClient(settings: settings, environment: DryRunHarness.environment(transport))
        await #expect {
            try await deliverConcurrently(client, times: 1)
        } throws: { error in
            let error = error as? DeliveryError
            return error?.category == .unauthorized && error?.fix.contains("SYNDICATE_BLUESKY_APP_PASSWORD") == true
        }
        let requests = await transport.requests
        #expect(Self.count(requests, "createSession") == 2)
        #expect(Self.count(requests, "refreshSession") == 1)
        #expect(Self.count(requests, "createRecord") == 1)
    }
}

/// Counts calls from any thread.
private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    /// The next count, from 1.
    func next() -> Int {
        lock.lock()
        defer { lock.unlock() }
        value += 1
        return value
    }
}

/// Holds requests to one endpoint back for a moment, so that concurrent callers overlap.
private struct DelayingTransport: HTTPTransport {
    let wrapped: DryRunTransport
    let delayed: String

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        if request.url.path.hasSuffix(delayed) { try await Task.sleep(for: .milliseconds(50)) }
        return try await wrapped.send(request)
    }
}
