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
///
/// `DELETE /api/webhooks/{id}/{token}/messages/{message_id}` answers `204`; `PATCH` (JSON
/// `content`, `embeds`, `allowed_mentions`; fields left out stay) answers `200` with the
/// message. A message that is not there, or that another webhook sent, is `404 {"message":
/// "Unknown Message", "code": 10008}`; a refused token `401 Invalid Webhook Token`.
struct DiscordEmulator: NetworkEmulator {
    static let routes: [LoopbackRoute] = [.discordWebhook, .discordWebhookMessage]

    static func match(_ segments: [String]) -> RouteMatch? {
        guard segments.count >= 4, segments[0] == "api", segments[1] == "webhooks" else { return nil }
        if segments.count == 6, segments[4] == "messages" {
            return RouteMatch(route: .discordWebhookMessage, captures: ["id": segments[2], "token": segments[3], "message": segments[5]])
        }
        guard segments.count == 4 else { return nil }
        return RouteMatch(route: .discordWebhook, captures: ["id": segments[2], "token": segments[3]])
    }

    private var nextID = 1_300_000_000_000_000_001
    /// Each message still there: the webhook that sent it, its content and embeds, by id.
    private var messages: [String: (webhook: String, content: String, embeds: Data)] = [:]

    mutating func handle(_ request: LoopbackRequest, match: RouteMatch, context: EmulatorContext) -> EmulatorResult {
        let methods: Set<String> = match.route == .discordWebhookMessage ? ["DELETE", "PATCH"] : ["POST"]
        guard methods.contains(request.method) else {
            return EmulatorResult(LoopbackBody.json(405, ["message": "405: Method Not Allowed", "code": 0]))
        }
        guard context.accepts(match.captures["token"]) else {
            return EmulatorResult(Self.error(401, route: match.route, reset: context.now, context: context))
        }
        if match.route == .discordWebhookMessage { return message(request, match: match, context: context) }
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
        messages[id] = (match.captures["id"] ?? "", content, Self.encode(embeds))
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

    /// `DELETE` and `PATCH` of `/messages/{message_id}`.
    private mutating func message(_ request: LoopbackRequest, match: RouteMatch, context: EmulatorContext) -> EmulatorResult {
        let id = match.captures["message"] ?? ""
        guard let stored = messages[id], stored.webhook == match.captures["id"] else {
            return EmulatorResult(LoopbackBody.json(404, ["message": "Unknown Message", "code": 10008]))
        }
        if request.method == "DELETE" {
            messages[id] = nil
            return EmulatorResult(HTTPResponse(status: 204), changes: [.deleted(.discord, id: id)])
        }
        guard let body = request.jsonObject else {
            return EmulatorResult(LoopbackBody.json(400, ["message": "Cannot send an empty message", "code": 50006]))
        }
        let content = body["content"].map { $0 as? String ?? "" } ?? stored.content
        let embeds = body["embeds"].map { $0 as? [Any] ?? [] } ?? Self.decode(stored.embeds)
        guard !content.isEmpty || !embeds.isEmpty else {
            return EmulatorResult(LoopbackBody.json(400, ["message": "Cannot send an empty message", "code": 50006]))
        }
        guard content.count <= 2000 else {
            return EmulatorResult(Self.invalidFormBody(["content": ["_errors": [["code": "BASE_TYPE_MAX_LENGTH", "message": "Must be 2000 or fewer in length."]]]]))
        }
        guard embeds.count <= 10 else {
            return EmulatorResult(Self.invalidFormBody(["embeds": ["_errors": [["code": "BASE_TYPE_MAX_LENGTH", "message": "Must be 10 or fewer in length."]]]]))
        }
        messages[id] = (stored.webhook, content, Self.encode(embeds))
        let message: [String: Any] = [
            "id": id, "type": 0, "content": content, "channel_id": "1300000000000000000", "webhook_id": stored.webhook,
            "timestamp": LoopbackBody.iso8601(context.now), "edited_timestamp": LoopbackBody.iso8601(context.now), "embeds": embeds,
        ]
        let changes: [LoopbackPostChange] = content == stored.content ? [] : [.edited(.discord, id: id, text: content)]
        return EmulatorResult(LoopbackBody.json(200, message), changes: changes)
    }

    /// `embeds` as JSON, to keep.
    private static func encode(_ embeds: [Any]) -> Data {
        (try? JSONSerialization.data(withJSONObject: embeds)) ?? Data("[]".utf8)
    }

    /// Embeds kept by ``encode(_:)``.
    private static func decode(_ data: Data) -> [Any] {
        (try? JSONSerialization.jsonObject(with: data)) as? [Any] ?? []
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
    /// Discord: `DELETE` and `PATCH /api/webhooks/{id}/{token}/messages/{message_id}`.
    public static let discordWebhookMessage = LoopbackRoute("discordWebhookMessage", network: .discord)
}
