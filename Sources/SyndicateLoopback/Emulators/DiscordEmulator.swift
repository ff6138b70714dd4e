import Foundation
import Syndicate

/// Discord's execute-webhook `POST /api/webhooks/{id}/{token}`: the URL is the secret (its
/// token must be accepted, else 401 `Invalid Webhook Token`). `content` or `embeds` in; with
/// `?wait=true` a 200 message object out, without a 204. Errors are `{"message","code"}`; a
/// 429 carries `retry_after` (seconds, a float), `Retry-After` and `X-RateLimit-*` headers.
///
/// At most 10 embeds; an embed's `image.url` must be an absolute http(s) URL (else 50035
/// `Invalid Form Body` naming the field, as Discord answers). The post records each embed
/// image (``LoopbackMedia`` with the URL, no alt text: Discord embeds have none).
struct DiscordEmulator: NetworkEmulator {
    static let routes: [LoopbackRoute] = [.discordWebhook]

    static func match(_ segments: [String]) -> RouteMatch? {
        guard segments.count == 4, segments[0] == "api", segments[1] == "webhooks" else { return nil }
        return RouteMatch(route: .discordWebhook, captures: ["id": segments[2], "token": segments[3]])
    }

    private var nextID = 1_300_000_000_000_000_001

    mutating func handle(_ request: LoopbackRequest, match: RouteMatch, context: EmulatorContext) -> EmulatorResult {
        guard request.method == "POST" else {
            return EmulatorResult(LoopbackBody.json(405, ["message": "405: Method Not Allowed", "code": 0]))
        }
        guard context.accepts(match.captures["token"]) else {
            return EmulatorResult(Self.error(401, route: match.route, reset: context.now, context: context))
        }
        let body = request.jsonObject ?? [:]
        let content = body["content"] as? String ?? ""
        let embeds = body["embeds"] as? [Any] ?? []
        guard !content.isEmpty || !embeds.isEmpty else {
            return EmulatorResult(LoopbackBody.json(400, ["message": "Cannot send an empty message", "code": 50006]))
        }
        guard content.count <= 2000 else {
            return EmulatorResult(
                LoopbackBody.json(400, [
                    "message": "Invalid Form Body", "code": 50035,
                    "errors": ["content": ["_errors": [["code": "BASE_TYPE_MAX_LENGTH", "message": "Must be 2000 or fewer in length."]]]],
                ]))
        }
        guard embeds.count <= 10 else {
            return EmulatorResult(Self.invalidFormBody(["embeds": ["_errors": [["code": "BASE_TYPE_MAX_LENGTH", "message": "Must be 10 or fewer in length."]]]]))
        }
        var media: [LoopbackMedia] = []
        for (index, embed) in embeds.enumerated() {
            guard let image = (embed as? [String: Any])?["image"] else { continue }
            guard let url = (image as? [String: Any])?["url"] as? String, BlueskyEmulator.isHTTPURL(url) else {
                return EmulatorResult(
                    Self.invalidFormBody([
                        "embeds": ["\(index)": ["image": ["url": ["_errors": [["code": "URL_TYPE_INVALID_URL", "message": "Not a well formed URL."]]]]]]
                    ]))
            }
            media.append(LoopbackMedia.byURL(url, alt: nil))
        }
        if let mentions = body["allowed_mentions"] {
            let object = mentions as? [String: Any]
            let parse: [String]? = object.flatMap { $0["parse"] == nil ? [] : $0["parse"] as? [String] }
            guard let parse, parse.allSatisfy(["users", "roles", "everyone"].contains) else {
                return EmulatorResult(
                    LoopbackBody.json(400, [
                        "message": "Invalid Form Body", "code": 50035,
                        "errors": ["allowed_mentions": ["_errors": [["code": "MESSAGE_ALLOWED_MENTIONS_PARSE_INVALID", "message": "Invalid allowed_mentions.parse"]]]],
                    ]))
            }
        }
        let id = String(nextID)
        nextID += 1
        var post = LoopbackPost(network: .discord, id: id, text: content, author: match.captures["id"] ?? "")
        post.media = media
        let wait = request.queryItems.contains { $0.name == "wait" && $0.value.lowercased() == "true" }
        guard wait else { return EmulatorResult(HTTPResponse(status: 204), post: post) }
        let message: [String: Any] = [
            "id": id, "type": 0, "content": content, "channel_id": "1300000000000000000", "webhook_id": match.captures["id"] ?? "",
            "timestamp": LoopbackBody.iso8601(context.now), "embeds": embeds,
        ]
        return EmulatorResult(LoopbackBody.json(200, message), post: post)
    }

    /// Discord's 400 `Invalid Form Body` (code 50035) with `errors`.
    static func invalidFormBody(_ errors: [String: Any]) -> HTTPResponse {
        LoopbackBody.json(400, ["message": "Invalid Form Body", "code": 50035, "errors": errors])
    }

    static func error(_ status: Int, route: LoopbackRoute, reset: Date, context: EmulatorContext) -> HTTPResponse {
        switch status {
        case 401: LoopbackBody.json(401, ["message": "Invalid Webhook Token", "code": 50027])
        case 403: LoopbackBody.json(403, ["message": "Missing Permissions", "code": 50013])
        case 404: LoopbackBody.json(404, ["message": "Unknown Webhook", "code": 10015])
        case 429: rateLimited(reset: reset, now: context.now)
        default: LoopbackBody.json(status, ["message": "\(status): \(LoopbackBody.reason(status))", "code": 0])
        }
    }

    static func rateLimited(reset: Date, now: Date) -> HTTPResponse {
        let seconds = max(0.001, reset.timeIntervalSince(now))
        return LoopbackBody.json(
            429, ["message": "You are being rate limited.", "retry_after": seconds, "global": false],
            headers: [
                "Retry-After": String(Int(seconds.rounded(.up))), "X-RateLimit-Limit": "5", "X-RateLimit-Remaining": "0",
                "X-RateLimit-Reset": String(format: "%.3f", reset.timeIntervalSince1970),
                "X-RateLimit-Reset-After": String(format: "%.3f", seconds), "X-RateLimit-Bucket": "loopback",
                "X-RateLimit-Scope": "shared",
            ])
    }
}

extension LoopbackRoute {
    /// Discord: `POST /api/webhooks/{id}/{token}`.
    public static let discordWebhook = LoopbackRoute("discordWebhook", network: .discord)
}
