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
///
/// Deleting and editing (JSON or form, `chat_id` and `message_id`): `deleteMessage` answers
/// `{"ok":true,"result":true}`; a message that is not there `400 Bad Request: message to delete
/// not found`; another bot's message, or one older than 48 hours by the server's clock, `400
/// Bad Request: message can't be deleted`. `deleteMessages` (`message_ids`, 1–100) skips the
/// ones it cannot find, and refuses the whole request when one can't be deleted. A post is
/// deleted (``LoopbackPost``) once all its messages are (an album's photos). `editMessageText`
/// (`text`, at most 4,096 characters) edits a text message, `editMessageCaption` (`caption`,
/// at most 1,024 after entity parsing) a photo's caption; each answers the edited message, `400
/// Bad Request: message is not modified: …` for the same text, `message to edit not found`,
/// `message can't be edited` (another bot's), `there is no text in the message to edit` (a
/// photo) or `there is no caption in the message to edit` (a text message). The post's text
/// changes when its text message or its first photo's caption does.
struct TelegramEmulator: NetworkEmulator {
    static let routes: [LoopbackRoute] = [
        .telegramSendMessage, .telegramSendPhoto, .telegramSendMediaGroup, .telegramDeleteMessage, .telegramDeleteMessages,
        .telegramEditMessageText, .telegramEditMessageCaption,
    ]

    static func match(_ segments: [String]) -> RouteMatch? {
        guard segments.count == 2, segments[0].hasPrefix("bot") else { return nil }
        let route: LoopbackRoute
        switch segments[1] {
        case "sendMessage": route = .telegramSendMessage
        case "sendPhoto": route = .telegramSendPhoto
        case "sendMediaGroup": route = .telegramSendMediaGroup
        case "deleteMessage": route = .telegramDeleteMessage
        case "deleteMessages": route = .telegramDeleteMessages
        case "editMessageText": route = .telegramEditMessageText
        case "editMessageCaption": route = .telegramEditMessageCaption
        default: return nil
        }
        return RouteMatch(route: route, captures: ["token": String(segments[0].dropFirst(3))])
    }

    private var nextMessage: [String: Int] = [:]

    /// A message still in its chat.
    private struct Message {
        /// The bot that sent it.
        var bot: String
        var isPhoto: Bool
        /// Its text, or a photo's caption ("" when none).
        var text: String
        /// The id of the ``LoopbackPost`` it belongs to (the first message of an album).
        var postID: String
        var date: Date
    }

    /// The messages still there, by chat and id.
    private var sent: [String: [Int: Message]] = [:]

    /// How long a bot may delete its messages.
    static let deleteWindow: TimeInterval = 48 * 3600

    mutating func handle(_ request: LoopbackRequest, match: RouteMatch, context: EmulatorContext) -> EmulatorResult {
        guard context.accepts(match.captures["token"]) else {
            return EmulatorResult(Self.error(401, route: match.route, reset: context.now, context: context))
        }
        guard let chat = request.parameter("chat_id"), !chat.isEmpty else {
            return EmulatorResult(Self.failure(400, "Bad Request: chat_id is empty"))
        }
        let bot = match.captures["token"] ?? ""
        switch match.route {
        case .telegramDeleteMessage, .telegramDeleteMessages: return delete(request, route: match.route, chat: chat, bot: bot, context: context)
        case .telegramEditMessageText, .telegramEditMessageCaption: return edit(request, route: match.route, chat: chat, bot: bot, context: context)
        case .telegramSendMessage: break
        default: return photos(request, route: match.route, chat: chat, bot: bot, context: context)
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
        let number = nextNumber(chat)
        var message = Self.message(number, chat: chat, context: context)
        message["text"] = text
        sent[chat, default: [:]][number] = Message(bot: bot, isPhoto: false, text: text, postID: String(number), date: context.now)
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
    private mutating func photos(_ request: LoopbackRequest, route: LoopbackRoute, chat: String, bot: String, context: EmulatorContext) -> EmulatorResult {
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
        for (index, id) in ids.enumerated() {
            sent[chat, default: [:]][id] = Message(bot: bot, isPhoto: true, text: index == 0 ? caption : "", postID: String(ids[0]), date: context.now)
        }
        var post = LoopbackPost(network: .telegram, id: String(ids[0]), text: caption, author: chat)
        post.media = photos.map(\.media)
        let result: Any = route == .telegramSendPhoto ? messages[0] : messages
        return EmulatorResult(LoopbackBody.json(200, ["ok": true, "result": result]), post: post)
    }

    /// The message ids a delete names: `message_id`, or `deleteMessages`' `message_ids`.
    private static func messageIDs(_ request: LoopbackRequest, route: LoopbackRoute) -> [Int]? {
        guard route == .telegramDeleteMessages else { return request.parameter("message_id").flatMap { Int($0) }.map { [$0] } }
        let value: Any? = request.jsonObject?["message_ids"] ?? request.parameter("message_ids").flatMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) }
        guard let array = value as? [Any] else { return nil }
        let ids = array.compactMap { ($0 as? NSNumber)?.intValue ?? ($0 as? String).flatMap { Int($0) } }
        return ids.count == array.count ? ids : nil
    }

    /// `deleteMessage` and `deleteMessages`.
    private mutating func delete(_ request: LoopbackRequest, route: LoopbackRoute, chat: String, bot: String, context: EmulatorContext) -> EmulatorResult {
        guard let ids = Self.messageIDs(request, route: route), !ids.isEmpty else {
            return EmulatorResult(Self.failure(400, route == .telegramDeleteMessages ? "Bad Request: message identifiers are not specified" : "Bad Request: message identifier is not specified"))
        }
        guard ids.count <= 100 else { return EmulatorResult(Self.failure(400, "Bad Request: too many message identifiers specified")) }
        let chatMessages = sent[chat] ?? [:]
        let found = ids.filter { chatMessages[$0] != nil }
        if route == .telegramDeleteMessage, found.isEmpty { return EmulatorResult(Self.failure(400, "Bad Request: message to delete not found")) }
        for id in found {
            guard let message = chatMessages[id], message.bot == bot, context.now.timeIntervalSince(message.date) < Self.deleteWindow else {
                return EmulatorResult(Self.failure(400, "Bad Request: message can't be deleted"))
            }
        }
        var changes: [LoopbackPostChange] = []
        for id in found {
            guard let message = sent[chat]?.removeValue(forKey: id) else { continue }
            if !(sent[chat] ?? [:]).values.contains(where: { $0.postID == message.postID }) {
                changes.append(.deleted(.telegram, id: message.postID))
            }
        }
        return EmulatorResult(LoopbackBody.json(200, ["ok": true, "result": true]), changes: changes)
    }

    /// `editMessageText` and `editMessageCaption`.
    private mutating func edit(_ request: LoopbackRequest, route: LoopbackRoute, chat: String, bot: String, context: EmulatorContext) -> EmulatorResult {
        guard let id = request.parameter("message_id").flatMap({ Int($0) }) else {
            return EmulatorResult(Self.failure(400, "Bad Request: message identifier is not specified"))
        }
        guard var message = sent[chat]?[id] else { return EmulatorResult(Self.failure(400, "Bad Request: message to edit not found")) }
        guard message.bot == bot else { return EmulatorResult(Self.failure(400, "Bad Request: message can't be edited")) }
        let captioning = route == .telegramEditMessageCaption
        if captioning, !message.isPhoto { return EmulatorResult(Self.failure(400, "Bad Request: there is no caption in the message to edit")) }
        if !captioning, message.isPhoto { return EmulatorResult(Self.failure(400, "Bad Request: there is no text in the message to edit")) }
        let text = request.parameter(captioning ? "caption" : "text") ?? ""
        if let mode = request.parameter("parse_mode"), !["HTML", "MarkdownV2", "Markdown"].contains(mode) {
            return EmulatorResult(Self.failure(400, "Bad Request: unsupported parse_mode"))
        }
        if captioning {
            guard Self.parsedLength(text) <= Self.captionLimit else { return EmulatorResult(Self.failure(400, "Bad Request: message caption is too long")) }
        } else {
            guard !text.isEmpty else { return EmulatorResult(Self.failure(400, "Bad Request: message text is empty")) }
            guard text.count <= 4096 else { return EmulatorResult(Self.failure(400, "Bad Request: message is too long")) }
        }
        guard text != message.text else {
            return EmulatorResult(Self.failure(400, "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message"))
        }
        message.text = text
        sent[chat]?[id] = message
        var answer = Self.message(id, chat: chat, context: context)
        answer[captioning ? "caption" : "text"] = text
        answer["edit_date"] = Int(context.now.timeIntervalSince1970)
        let changes: [LoopbackPostChange] = String(id) == message.postID ? [.edited(.telegram, id: message.postID, text: text)] : []
        return EmulatorResult(LoopbackBody.json(200, ["ok": true, "result": answer]), changes: changes)
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
    /// Telegram: `POST /bot{token}/deleteMessage` (`chat_id`, `message_id`).
    public static let telegramDeleteMessage = LoopbackRoute("telegramDeleteMessage", network: .telegram)
    /// Telegram: `POST /bot{token}/deleteMessages` (`chat_id`, `message_ids`).
    public static let telegramDeleteMessages = LoopbackRoute("telegramDeleteMessages", network: .telegram)
    /// Telegram: `POST /bot{token}/editMessageText` (`chat_id`, `message_id`, `text`).
    public static let telegramEditMessageText = LoopbackRoute("telegramEditMessageText", network: .telegram)
    /// Telegram: `POST /bot{token}/editMessageCaption` (`chat_id`, `message_id`, `caption`).
    public static let telegramEditMessageCaption = LoopbackRoute("telegramEditMessageCaption", network: .telegram)
}
