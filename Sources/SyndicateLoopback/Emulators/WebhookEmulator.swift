import Foundation
import Syndicate

/// A generic JSON webhook on `/hooks/…`: any method and body is accepted (a `POST` is recorded as a post) with `200
/// {"ok":true,"id":"hook-N"}`; no credentials are checked. Scripted errors are
/// `{"error": "…"}`, a 429 with `Retry-After`.
///
/// A body's `images` (`[{"url","alt"}]`, Syndicate's shape) are recorded as the post's media;
/// an image whose `url` is not an absolute http(s) URL is refused with 422 `{"error"}`, as a
/// receiver that fetches them would fail.
///
/// It is also the neutral route for transport tests: script a ``LoopbackFault/response(_:)``
/// on ``LoopbackRoute/webhook`` to get exactly the status, headers and body wanted.
struct WebhookEmulator: NetworkEmulator {
    static let routes: [LoopbackRoute] = [.webhook]

    static func match(_ segments: [String]) -> RouteMatch? {
        segments.first == "hooks" ? RouteMatch(route: .webhook) : nil
    }

    private var number = 0

    mutating func handle(_ request: LoopbackRequest, match: RouteMatch, context: EmulatorContext) -> EmulatorResult {
        var media: [LoopbackMedia] = []
        for (index, image) in (request.jsonObject?["images"] as? [[String: Any]] ?? []).enumerated() {
            guard let url = image["url"] as? String, BlueskyEmulator.isHTTPURL(url) else {
                return EmulatorResult(LoopbackBody.json(422, ["error": "images[\(index)].url is not an http(s) URL"]))
            }
            media.append(LoopbackMedia.byURL(url, alt: image["alt"] as? String))
        }
        number += 1
        let id = "hook-\(number)"
        let text = request.jsonObject.flatMap { ($0["text"] ?? $0["content"] ?? $0["message"]) as? String } ?? request.text
        var post = request.method == "POST" ? LoopbackPost(network: .webhook, id: id, text: text, author: request.path) : nil
        post?.media = media
        return EmulatorResult(LoopbackBody.json(200, ["ok": true, "id": id]), post: post)
    }

    static func error(_ status: Int, route: LoopbackRoute, reset: Date, context: EmulatorContext) -> HTTPResponse {
        switch status {
        case 429: LoopbackBody.json(429, ["error": "rate limited"], headers: ["Retry-After": String(LoopbackBody.seconds(until: reset, from: context.now))])
        default: LoopbackBody.json(status, ["error": LoopbackBody.reason(status)])
        }
    }
}

extension LoopbackRoute {
    /// A generic JSON webhook: any method on `/hooks/…`.
    public static let webhook = LoopbackRoute("webhook", network: .webhook)
}
