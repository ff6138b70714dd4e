import Crypto
import Foundation
import Syndicate

/// Telegram's Bot API `POST /bot{token}/sendMessage` (JSON or form): `chat_id` and `text` in,
/// `{"ok":true,"result":{message}}` out. The token in the path must be accepted (401
/// `Unauthorized` otherwise). Errors are `{"ok":false,"error_code","description"}`; a 429 adds
/// `"parameters":{"retry_after":N}`. Telegram has no duplicate detection, and neither has this.
///
/// Photos (multipart): `sendPhoto` takes the file part `photo`, `sendMediaGroup` a `media`
/// JSON array of 2–10 `InputMediaPhoto` whose `media` is `attach://<part name>`, each part
/// used once. Each photo must be an image whose bytes match its declared type (else `Bad
/// Request: IMAGE_PROCESS_FAILED`), at most 10 MB (`PHOTO_SAVE_FILE_INVALID`) and with width
/// plus height at most 10,000 (`PHOTO_INVALID_DIMENSIONS`); a caption is at most 1,024
/// characters after entity parsing (`message caption is too long`). The recorded post (one
/// for an album) carries every photo's bytes (size, SHA-256, sniffed type), no alt text.
struct TelegramEmulator: NetworkEmulator {
    static let routes: [LoopbackRoute] = [.telegramSendMessage, .telegramSendPhoto, .telegramSendMediaGroup]

    static func match(_ segments: [String]) -> RouteMatch? {
        guard segments.count == 2, segments[0].hasPrefix("bot") else { return nil }
        let route: LoopbackRoute
        switch segments[1] {
        case "sendMessage": route = .telegramSendMessage
        case "sendPhoto": route = .telegramSendPhoto
        case "sendMediaGroup": route = .telegramSendMediaGroup
        default: return nil
        }
        return RouteMatch(route: route, captures: ["token": String(segments[0].dropFirst(3))])
    }

    private var nextMessage: [String: Int] = [:]

    mutating func handle(_ request: LoopbackRequest, match: RouteMatch, context: EmulatorContext) -> EmulatorResult {
        guard context.accepts(match.captures["token"]) else {
            return EmulatorResult(Self.error(401, route: match.route, reset: context.now, context: context))
        }
        guard let chat = request.parameter("chat_id"), !chat.isEmpty else {
            return EmulatorResult(Self.failure(400, "Bad Request: chat_id is empty"))
        }
        if match.route != .telegramSendMessage { return photos(request, route: match.route, chat: chat, context: context) }
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
        let number = nextNumber(chat)
        var message = Self.message(number, chat: chat, context: context)
        message["text"] = text
        return EmulatorResult(
            LoopbackBody.json(200, ["ok": true, "result": message]),
            post: LoopbackPost(network: .telegram, id: String(number), text: text, author: chat))
    }

    /// The next message id in `chat`.
    private mutating func nextNumber(_ chat: String) -> Int {
        let number = nextMessage[chat, default: 0] + 1
        nextMessage[chat] = number
        return number
    }

    /// A message object: id, date and chat.
    private static func message(_ number: Int, chat: String, context: EmulatorContext) -> [String: Any] {
        var chatObject: [String: Any] = ["type": "channel", "title": "Loopback"]
        if chat.hasPrefix("@") {
            chatObject["id"] = -1_001_000_000_000
            chatObject["username"] = String(chat.dropFirst())
        } else {
            chatObject["id"] = Int(chat) ?? -1_001_000_000_000
        }
        return ["message_id": number, "date": Int(context.now.timeIntervalSince1970), "chat": chatObject]
    }

    /// One photo: what the bytes of a file part are, or why Telegram refuses them.
    private struct Photo {
        var media: LoopbackMedia
        var width: Int
        var height: Int
    }

    /// The longest caption after entity parsing.
    static let captionLimit = 1024

    /// `sendPhoto` and `sendMediaGroup`.
    private mutating func photos(_ request: LoopbackRequest, route: LoopbackRoute, chat: String, context: EmulatorContext) -> EmulatorResult {
        let parts = request.multipartParts
        // (part name, caption, parse mode) of each photo, in order.
        var items: [(part: String, caption: String?, parseMode: String?)] = []
        if route == .telegramSendPhoto {
            items = [("photo", request.parameter("caption"), request.parameter("parse_mode"))]
        } else {
            guard let json = request.parameter("media"), let array = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]] else {
                return EmulatorResult(Self.failure(400, "Bad Request: can't parse media JSON object"))
            }
            guard array.count <= 10 else { return EmulatorResult(Self.failure(400, "Bad Request: too many messages to send as an album")) }
            guard array.count >= 2 else { return EmulatorResult(Self.failure(400, "Bad Request: wrong number of media in the album: 2 to 10 are needed")) }
            for item in array {
                guard item["type"] as? String == "photo", let media = item["media"] as? String, media.hasPrefix("attach://") else {
                    return EmulatorResult(Self.failure(400, "Bad Request: wrong file identifier/HTTP URL specified"))
                }
                items.append((String(media.dropFirst("attach://".count)), item["caption"] as? String, item["parse_mode"] as? String))
            }
            guard Set(items.map(\.part)).count == items.count else {
                return EmulatorResult(Self.failure(400, "Bad Request: wrong file identifier/HTTP URL specified"))
            }
        }
        var photos: [Photo] = []
        for item in items {
            if let mode = item.parseMode, !["HTML", "MarkdownV2", "Markdown"].contains(mode) {
                return EmulatorResult(Self.failure(400, "Bad Request: unsupported parse_mode"))
            }
            if let caption = item.caption, Self.parsedLength(caption) > Self.captionLimit {
                return EmulatorResult(Self.failure(400, "Bad Request: message caption is too long"))
            }
            guard let part = parts.first(where: { $0.name == item.part && $0.fileName != nil }) else {
                return EmulatorResult(Self.failure(400, "Bad Request: there is no photo in the request"))
            }
            switch Self.photo(part) {
            case .success(let photo): photos.append(photo)
            case .failure(let refusal): return EmulatorResult(Self.failure(400, refusal.description))
            }
        }
        let caption = items.first?.caption ?? ""
        var messages: [[String: Any]] = []
        var ids: [Int] = []
        for photo in photos {
            let number = nextNumber(chat)
            ids.append(number)
            var message = Self.message(number, chat: chat, context: context)
            message["photo"] = [[
                "file_id": photo.media.id, "file_unique_id": String(photo.media.sha256.prefix(16)), "width": photo.width,
                "height": photo.height, "file_size": photo.media.byteCount,
            ] as [String: Any]]
            if messages.isEmpty, !caption.isEmpty { message["caption"] = caption }
            if route == .telegramSendMediaGroup { message["media_group_id"] = "album-\(ids[0])" }
            messages.append(message)
        }
        var post = LoopbackPost(network: .telegram, id: String(ids[0]), text: caption, author: chat)
        post.media = photos.map(\.media)
        let result: Any = route == .telegramSendPhoto ? messages[0] : messages
        return EmulatorResult(LoopbackBody.json(200, ["ok": true, "result": result]), post: post)
    }

    /// Why Telegram refuses a photo part.
    private struct Refusal: Error, CustomStringConvertible {
        var description: String
    }

    /// The photo in `part`, or Telegram's refusal of it.
    private static func photo(_ part: MultipartForm.Part) -> Result<Photo, Refusal> {
        guard let header = ImageHeader(part.data), [.jpeg, .png, .webp].contains(header.format), part.contentType == header.format.mimeType else {
            return .failure(Refusal(description: "Bad Request: IMAGE_PROCESS_FAILED"))
        }
        guard part.data.count <= 10 * 1024 * 1024 else { return .failure(Refusal(description: "Bad Request: PHOTO_SAVE_FILE_INVALID")) }
        let width = header.width ?? 0, height = header.height ?? 0
        guard width + height <= 10_000, width > 0, height > 0, max(width, height) <= 20 * min(width, height) else {
            return .failure(Refusal(description: "Bad Request: PHOTO_INVALID_DIMENSIONS"))
        }
        let digest = SHA256.hash(data: part.data).map { String(format: "%02x", $0) }.joined()
        let media = LoopbackMedia(
            id: "AgAC-\(digest.prefix(24))", contentType: header.format.mimeType, byteCount: part.data.count, sha256: digest)
        return .success(Photo(media: media, width: width, height: height))
    }

    /// The length of an HTML caption after entity parsing: tags dropped, each entity one character.
    static func parsedLength(_ html: String) -> Int {
        let withoutTags = html.replacingOccurrences(of: "<[^>]*>", with: "", options: .regularExpression)
        let entities = withoutTags.replacingOccurrences(of: "&[#A-Za-z0-9]{1,10};", with: "&", options: .regularExpression)
        return entities.utf16.count
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
    /// Telegram: `POST /bot{token}/sendPhoto` (multipart, one photo).
    public static let telegramSendPhoto = LoopbackRoute("telegramSendPhoto", network: .telegram)
    /// Telegram: `POST /bot{token}/sendMediaGroup` (multipart, an album of 2–10 photos).
    public static let telegramSendMediaGroup = LoopbackRoute("telegramSendMediaGroup", network: .telegram)
}
