import Foundation
import Syndicate

/// Telegram's Bot API `POST /bot{token}/sendMessage` (JSON or form): `chat_id` and `text` in,
/// `{"ok":true,"result":{message}}` out. The token in the path must be accepted (401
/// `Unauthorized` otherwise). Errors are `{"ok":false,"error_code","description"}`; a 429 adds
/// `"parameters":{"retry_after":N}`. Telegram has no duplicate detection, and neither has this.
struct TelegramEmulator: NetworkEmulator {
    static let routes: [LoopbackRoute] = [.telegramSendMessage]

    static func match(_ segments: [String]) -> RouteMatch? {
        guard segments.count == 2, segments[0].hasPrefix("bot"), segments[1] == "sendMessage" else { return nil }
        return RouteMatch(route: .telegramSendMessage, captures: ["token": String(segments[0].dropFirst(3))])
    }

    private var nextMessage: [String: Int] = [:]

    mutating func handle(_ request: LoopbackRequest, match: RouteMatch, context: EmulatorContext) -> EmulatorResult {
        guard context.accepts(match.captures["token"]) else {
            return EmulatorResult(Self.error(401, route: match.route, reset: context.now, context: context))
        }
        guard let chat = request.parameter("chat_id"), !chat.isEmpty else {
            return EmulatorResult(Self.failure(400, "Bad Request: chat_id is empty"))
        }
        let text = request.parameter("text") ?? ""
        guard !text.isEmpty else { return EmulatorResult(Self.failure(400, "Bad Request: message text is empty")) }
        guard text.count <= 4096 else { return EmulatorResult(Self.failure(400, "Bad Request: message is too long")) }
        if let mode = request.parameter("parse_mode"), !["HTML", "MarkdownV2", "Markdown"].contains(mode) {
            return EmulatorResult(Self.failure(400, "Bad Request: unsupported parse_mode"))
        }
        if let options = request.jsonObject?["link_preview_options"] {
            let object = options as? [String: Any]
            let url = object?["url"]
            guard object != nil, url == nil || (url as? String).map(BlueskyEmulator.isHTTPURL) == true else { return EmulatorResult(Self.failure(400, "Bad Request: can't parse link preview options")) }
        }
        let number = nextMessage[chat, default: 0] + 1
        nextMessage[chat] = number
        var chatObject: [String: Any] = ["type": "channel", "title": "Loopback"]
        if chat.hasPrefix("@") {
            chatObject["id"] = -1_001_000_000_000
            chatObject["username"] = String(chat.dropFirst())
        } else {
            chatObject["id"] = Int(chat) ?? -1_001_000_000_000
        }
        let message: [String: Any] = [
            "message_id": number, "date": Int(context.now.timeIntervalSince1970), "chat": chatObject, "text": text,
        ]
        return EmulatorResult(
            LoopbackBody.json(200, ["ok": true, "result": message]),
            post: LoopbackPost(network: .telegram, id: String(number), text: text, author: chat))
    }

    static func error(_ status: Int, route: LoopbackRoute, reset: Date, context: EmulatorContext) -> HTTPResponse {
        switch status {
        case 401: failure(401, "Unauthorized")
        case 403: failure(403, "Forbidden: bot is not a member of the channel chat")
        case 429: tooManyRequests(retryAfter: LoopbackBody.seconds(until: reset, from: context.now))
        case 500: failure(500, "Internal Server Error")
        case 502: failure(502, "Bad Gateway")
        default: failure(status, LoopbackBody.reason(status))
        }
    }

    static func tooManyRequests(retryAfter seconds: Int) -> HTTPResponse {
        LoopbackBody.json(429, [
            "ok": false, "error_code": 429, "description": "Too Many Requests: retry after \(seconds)",
            "parameters": ["retry_after": seconds],
        ])
    }

    static func failure(_ status: Int, _ description: String) -> HTTPResponse {
        LoopbackBody.json(status, ["ok": false, "error_code": status, "description": description])
    }
}

extension LoopbackRoute {
    /// Telegram: `POST /bot{token}/sendMessage`.
    public static let telegramSendMessage = LoopbackRoute("telegramSendMessage", network: .telegram)
}
