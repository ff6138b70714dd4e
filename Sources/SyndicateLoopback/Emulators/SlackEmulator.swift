import Foundation
import Syndicate

/// A Slack incoming webhook, `POST /services/T…/B…/{secret}`: the last path segment is the
/// secret and must be accepted (403 `invalid_token` otherwise). JSON `text` or `blocks` in;
/// 200 with the plain-text body `ok` out. Errors are plain text: `invalid_payload`, `no_text`;
/// a 429 is `rate_limited` with `Retry-After`.
///
/// `blocks` (at most 50): a `section`'s text at most 3,000 characters; an `image` block needs
/// an absolute http(s) `image_url` and a non-empty `alt_text` of at most 2,000 characters, else
/// 400 `invalid_blocks`, as Slack answers. The post records each image's URL and alt text.
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
        var media: [LoopbackMedia] = []
        if let blocks = body["blocks"] {
            guard let list = blocks as? [[String: Any]], list.count <= 50 else { return EmulatorResult(LoopbackBody.text(400, "invalid_blocks")) }
            for block in list {
                switch block["type"] as? String {
                case "section":
                    let sectionText = (block["text"] as? [String: Any])?["text"] as? String ?? ""
                    guard !sectionText.isEmpty, sectionText.count <= 3000 else { return EmulatorResult(LoopbackBody.text(400, "invalid_blocks")) }
                case "image":
                    guard let url = block["image_url"] as? String, BlueskyEmulator.isHTTPURL(url),
                        let alt = block["alt_text"] as? String, !alt.isEmpty, alt.count <= 2000
                    else { return EmulatorResult(LoopbackBody.text(400, "invalid_blocks")) }
                    media.append(LoopbackMedia.byURL(url, alt: alt))
                default:
                    return EmulatorResult(LoopbackBody.text(400, "invalid_blocks"))
                }
            }
        }
        number += 1
        var post = LoopbackPost(network: .slack, id: String(number), text: text, author: request.path)
        post.media = media
        return EmulatorResult(LoopbackBody.text(200, "ok"), post: post)
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
