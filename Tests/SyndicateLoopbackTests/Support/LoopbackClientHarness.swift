import Foundation
import Syndicate
import SyndicateLoopback
import SyndicateTestSupport
import Testing

/// A transport that gives every request at most `limit` to complete: clients build requests
/// with the 30-second default, and the loopback tests need a slow answer to time out quickly.
struct CappedTimeoutTransport: HTTPTransport {
    let base: any HTTPTransport
    let limit: Duration

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        var request = request
        request.timeout = min(request.timeout, limit)
        return try await base.send(request)
    }
}

/// What every network's loopback tests share: the server's configuration (the dry-run clock,
/// so reset times are exact), environments over a real transport with that clock and a sleep
/// that returns at once, and delivery helpers that return the error instead of throwing it.
enum LoopbackClientHarness {
    /// The fixed time both the clients and the server see.
    static let now = DryRunHarness.now
    /// A server whose clock is the dry-run harness's.
    static let configuration = LoopbackServer.Configuration(now: { DryRunHarness.now })
    /// The timeout of the slow-answer tests (the server answers after ``slowAnswer``).
    static let shortTimeout = Duration.milliseconds(500)
    /// How late a scripted slow answer comes: well past ``shortTimeout``.
    static let slowAnswer = Duration.seconds(2)
    /// The reset the rate-limit tests script, and expect back exactly.
    static let resetAfter: TimeInterval = 300

    /// An environment over a fresh `kind` transport whose requests time out after 2 s at most
    /// (or `timeout`), with the fixed clock and nonce and a sleep that returns at once.
    static func environment(_ kind: TransportKind, timeout: Duration = .seconds(2)) -> DeliveryEnvironment {
        DryRunHarness.environment(CappedTimeoutTransport(base: kind.make(), limit: timeout))
    }

    /// The bundled example post and its payload for `network`, without its images (they are
    /// on a host the tests never reach; the image tests host their own on the loopback server).
    static func payload(for network: SocialNetwork) throws -> (Post, SharePayload) {
        var post = try DryRunHarness.examplePost("ofsted-secondments.html")
        post.images = []
        return (post, try Composer().payload(for: post, on: network))
    }

    /// Posts the example post through `client` (with `summary` when given) and returns the
    /// post and the copy it made.
    static func posted(_ client: any NetworkClient, summary: String? = nil) async throws -> (Post, PostedCopy) {
        var (post, _) = try payload(for: client.network)
        if let summary { post.summary = summary }
        let composed = try Composer().payload(for: post, on: client.network)
        return (post, PostedCopy(try await client.deliver(composed, of: post)))
    }

    /// The error `client` throws delivering `payload`, or nil when it posts.
    static func failure(of client: any NetworkClient, _ payload: SharePayload, of post: Post) async -> DeliveryError? {
        do {
            _ = try await client.deliver(payload, of: post)
            return nil
        } catch {
            return error
        }
    }

    /// Delivers `post` (as `payload`, else as composed for the client's network) through
    /// `client` with ``CrossPoster``'s default retry policy, its sleep returning at once.
    static func crossPost(
        _ post: Post, payload: SharePayload? = nil, through client: any NetworkClient, kind: TransportKind
    ) async -> DeliveryResult {
        let poster = CrossPoster(environment: environment(kind))
        if let payload { return await poster.deliver(payload, of: post, through: client) }
        return await poster.deliver(post, through: client)
    }

    /// The JSON object of `request`'s body, or an empty one.
    static func json(_ request: LoopbackRequest?) -> [String: Any] {
        request?.jsonObject ?? [:]
    }

    /// `value` encoded as a Foundation JSON object (for comparing what a client sent with what
    /// the payload held).
    static func foundationJSON(_ value: some Encodable) throws -> Any {
        try JSONSerialization.jsonObject(with: JSONEncoder().encode(value), options: [.fragmentsAllowed])
    }

    /// Whether two Foundation JSON values are equal.
    static func same(_ lhs: Any?, _ rhs: Any?) -> Bool {
        switch (lhs, rhs) {
        case (nil, nil): return true
        case (let lhs as NSObject, let rhs as NSObject): return lhs.isEqual(rhs)
        default: return false
        }
    }
}
