import Foundation
import Syndicate

/// Mastodon's `POST /api/v1/statuses`: a bearer token, `status` (JSON or form) in, a Status out.
///
/// An `Idempotency-Key` seen before from the same token answers with the status it first
/// created and creates nothing (Mastodon keeps keys for an hour; here for the server's life).
/// Empty or over-500-character statuses get 422, an unknown `in_reply_to_id` 404. Errors are
/// `{"error": "…"}`; a 429 carries `X-RateLimit-Reset` as an ISO 8601 time.
struct MastodonEmulator: NetworkEmulator {
    static let routes: [LoopbackRoute] = [.mastodonStatuses]

    static func match(_ segments: [String]) -> RouteMatch? {
        segments == ["api", "v1", "statuses"] ? RouteMatch(route: .mastodonStatuses) : nil
    }

    private var nextID = 110_000_000_000_000_001
    /// The status answered for each (token, key).
    private var statusesByKey: [String: HTTPResponse] = [:]
    private var ids: Set<String> = []

    mutating func handle(_ request: LoopbackRequest, match: RouteMatch, context: EmulatorContext) -> EmulatorResult {
        guard request.method == "POST" else { return EmulatorResult(LoopbackBody.json(404, ["error": "Record not found"])) }
        guard let token = request.bearerToken, context.accepts(token) else {
            return EmulatorResult(Self.error(401, route: match.route, reset: context.now, context: context))
        }
        let key = request.headers["Idempotency-Key"]
        if let key, let original = statusesByKey[token + "\n" + key] {
            return EmulatorResult(original)
        }
        let parameters = request.parameters(["status", "in_reply_to_id", "visibility", "language"])
        let text = parameters["status"] ?? ""
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            return EmulatorResult(LoopbackBody.json(422, ["error": "Validation failed: Text can't be blank"]))
        }
        guard MastodonLength.count(text) <= MastodonLength.defaultLimit else {
            return EmulatorResult(LoopbackBody.json(422, ["error": "Validation failed: Text character limit of 500 exceeded"]))
        }
        let replyTo = parameters["in_reply_to_id"]
        if let replyTo, !ids.contains(replyTo) {
            return EmulatorResult(LoopbackBody.json(404, ["error": "Record not found"]))
        }
        let id = String(nextID)
        nextID += 1
        ids.insert(id)
        let host = request.headers["Host"] ?? "127.0.0.1"
        let status: [String: Any] = [
            "id": id, "url": "http://\(host)/@loopback/\(id)", "uri": "http://\(host)/users/loopback/statuses/\(id)",
            "created_at": LoopbackBody.iso8601(context.now), "content": "<p>\(Self.escape(text))</p>",
            "visibility": parameters["visibility"] ?? "public", "in_reply_to_id": replyTo ?? NSNull(),
            "language": parameters["language"] ?? NSNull(),
        ]
        let response = LoopbackBody.json(200, status, headers: Self.rateHeaders(remaining: 299, reset: context.now.addingTimeInterval(300)))
        if let key { statusesByKey[token + "\n" + key] = response }
        return EmulatorResult(response, post: LoopbackPost(network: .mastodon, id: id, text: text, author: token, replyTo: replyTo, idempotencyKey: key))
    }

    static func error(_ status: Int, route: LoopbackRoute, reset: Date, context: EmulatorContext) -> HTTPResponse {
        switch status {
        case 401: LoopbackBody.json(401, ["error": "The access token is invalid"], headers: ["WWW-Authenticate": #"Bearer realm="Doorkeeper", error="invalid_token", error_description="The access token is invalid""#])
        case 403: LoopbackBody.json(403, ["error": "This action is not allowed"])
        case 429: LoopbackBody.json(429, ["error": "Too many requests"], headers: rateHeaders(remaining: 0, reset: reset))
        case 500: LoopbackBody.json(500, ["error": "We're sorry, but something went wrong on our end."])
        default: LoopbackBody.json(status, ["error": LoopbackBody.reason(status)])
        }
    }

    /// `text` with `&`, `<`, `>` and `"` escaped, as Mastodon renders `content`.
    static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 }) else { return text }
        return text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    static func rateHeaders(remaining: Int, reset: Date) -> HTTPHeaders {
        ["X-RateLimit-Limit": "300", "X-RateLimit-Remaining": String(remaining), "X-RateLimit-Reset": LoopbackBody.iso8601(reset)]
    }
}

extension LoopbackRoute {
    /// Mastodon: `POST /api/v1/statuses`.
    public static let mastodonStatuses = LoopbackRoute("mastodonStatuses", network: .mastodon)
}
