import Foundation
import Syndicate

/// A Slack incoming webhook, `POST /services/T…/B…/{secret}`: the last path segment is the
/// secret and must be accepted (403 `invalid_token` otherwise). JSON `text` or `blocks` in;
/// 200 with the plain-text body `ok` out. Errors are plain text: `invalid_payload`, `no_text`;
/// a 429 is `rate_limited` with `Retry-After`.
struct SlackEmulator: NetworkEmulator {
    static let routes: [LoopbackRoute] = [.slackWebhook]

    static func match(_ segments: [String]) -> RouteMatch? {
        guard segments.first == "services", segments.count >= 2 else { return nil }
        return RouteMatch(route: .slackWebhook, captures: ["token": segments[segments.count - 1]])
    }

    private var number = 0

    mutating func handle(_ request: LoopbackRequest, match: RouteMatch, context: EmulatorContext) -> EmulatorResult {
        guard request.method == "POST" else { return EmulatorResult(LoopbackBody.text(405, "invalid_method")) }
        guard context.accepts(match.captures["token"]) else {
            return EmulatorResult(Self.error(403, route: match.route, reset: context.now, context: context))
        }
        guard let body = request.jsonObject else { return EmulatorResult(LoopbackBody.text(400, "invalid_payload")) }
        let text = body["text"] as? String ?? ""
        guard !text.isEmpty || body["blocks"] != nil else { return EmulatorResult(LoopbackBody.text(400, "no_text")) }
        number += 1
        return EmulatorResult(
            LoopbackBody.text(200, "ok"), post: LoopbackPost(network: .slack, id: String(number), text: text, author: request.path))
    }

    static func error(_ status: Int, route: LoopbackRoute, reset: Date, context: EmulatorContext) -> HTTPResponse {
        switch status {
        case 401, 403: LoopbackBody.text(403, "invalid_token")
        case 404: LoopbackBody.text(404, "no_service")
        case 429: LoopbackBody.text(429, "rate_limited", headers: ["Retry-After": String(LoopbackBody.seconds(until: reset, from: context.now))])
        case 500: LoopbackBody.text(500, "internal_error")
        default: LoopbackBody.text(status, LoopbackBody.reason(status).lowercased().replacingOccurrences(of: " ", with: "_"))
        }
    }
}

extension LoopbackRoute {
    /// Slack incoming webhook: `POST /services/…`.
    public static let slackWebhook = LoopbackRoute("slackWebhook", network: .slack)
}
