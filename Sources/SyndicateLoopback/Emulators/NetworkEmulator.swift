import Foundation
import Syndicate

/// One network's API as the loopback server plays it: its success answers, the state behind
/// them (posts, sessions, idempotency keys) and its own error shapes.
protocol NetworkEmulator: Sendable {
    /// A fresh emulator with no posts.
    init()

    /// The routes the emulator plays.
    static var routes: [LoopbackRoute] { get }

    /// The route of a request path split into segments, or nil when it is not this API's.
    static func match(_ segments: [String]) -> RouteMatch?

    /// Answers `request`, which matched one of this network's routes, changing state as the real
    /// API would.
    mutating func handle(_ request: LoopbackRequest, match: RouteMatch, context: EmulatorContext) -> EmulatorResult

    /// The network's answer with `status` and its own error body and headers; a 429 says to
    /// retry at `reset`.
    static func error(_ status: Int, route: LoopbackRoute, reset: Date, context: EmulatorContext) -> HTTPResponse
}

/// What an emulator needs from the server: the clock and the credentials it accepts.
struct EmulatorContext: Sendable {
    /// The server's clock (reset times, `created_at`).
    var now: Date
    /// The tokens the server accepts.
    var tokens: LoopbackServer.TokenPolicy
    /// The app password Bluesky's createSession accepts.
    var blueskyPassword: String
    /// The secrets X's OAuth 1.0a signatures are checked with.
    var xSecrets: LoopbackServer.XSecrets = .init()

    /// Whether `token` is one the server accepts.
    func accepts(_ token: String?) -> Bool {
        guard let token, !token.isEmpty else { return false }
        switch tokens {
        case .any: return true
        case .only(let accepted): return accepted.contains(token)
        }
    }
}

/// An emulator's answer, the post it created, if any, and the posts it deleted or edited.
struct EmulatorResult: Sendable {
    var response: HTTPResponse
    var post: LoopbackPost?
    var changes: [LoopbackPostChange]

    init(_ response: HTTPResponse, post: LoopbackPost? = nil, changes: [LoopbackPostChange] = []) {
        self.response = response
        self.post = post
        self.changes = changes
    }
}

/// A change an emulator made to a post it created earlier.
enum LoopbackPostChange: Sendable, Equatable {
    /// The post `id` on `network` was deleted.
    case deleted(SocialNetwork, id: String)
    /// The post `id` on `network` now reads `text`.
    case edited(SocialNetwork, id: String, text: String)
}

/// Builds the JSON and text bodies the emulators answer with.
enum LoopbackBody {
    /// A JSON response of a Foundation object, keys sorted so bytes are stable between runs.
    static func json(_ status: Int, _ object: Any, headers: HTTPHeaders = [:]) -> HTTPResponse {
        var all: HTTPHeaders = ["Content-Type": "application/json; charset=utf-8"]
        for field in headers { all.add(name: field.name, value: field.value) }
        return HTTPResponse(status: status, headers: all, body: LoopbackJSONValue.data(object))
    }

    /// A plain-text response (Slack's `ok` and `invalid_token`).
    static func text(_ status: Int, _ text: String, headers: HTTPHeaders = [:]) -> HTTPResponse {
        var all: HTTPHeaders = ["Content-Type": "text/plain; charset=utf-8"]
        for field in headers { all.add(name: field.name, value: field.value) }
        return HTTPResponse(status: status, headers: all, body: Data(text.utf8))
    }

    /// Whole seconds from `now` until `reset`, at least 1.
    static func seconds(until reset: Date, from now: Date) -> Int {
        max(1, Int(reset.timeIntervalSince(now).rounded(.up)))
    }

    /// `reset` as Unix seconds.
    static func epoch(_ reset: Date) -> String {
        String(Int(reset.timeIntervalSince1970.rounded(.up)))
    }

    /// `date` in ISO 8601 with milliseconds (`2026-01-01T00:01:00.000Z`), as Mastodon writes times.
    static func iso8601(_ date: Date) -> String {
        // The format style, unlike ISO8601DateFormatter, builds no ICU formatter per call.
        Date.ISO8601FormatStyle(includingFractionalSeconds: true).format(date)
    }

    /// A reason phrase for `status`.
    static func reason(_ status: Int) -> String {
        switch status {
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 422: "Unprocessable Entity"
        case 429: "Too Many Requests"
        case 500: "Internal Server Error"
        case 502: "Bad Gateway"
        case 503: "Service Unavailable"
        default: "Error"
        }
    }
}
