import Foundation

extension SocialNetwork {
    /// Telegram (a message to a chat or channel).
    public static let telegram = SocialNetwork("telegram", displayName: "Telegram")
}

extension NetworkRule {
    /// Telegram: 4,096 characters per message, counted in UTF-16 code units.
    ///
    /// Telegram measures message entities (offsets and lengths) in UTF-16 code units, so this
    /// rule counts the limit in the same unit: an emoji outside the Basic Multilingual Plane
    /// counts 2. That may call a text of many such emoji too long when Telegram would take it,
    /// never the reverse.
    public static let telegram = NetworkRule(network: .telegram, limit: 4096, counter: .utf16Units)
}

/// Telegram: bold headline, summary "(via Source)" and link, in HTML.
struct TelegramNetwork: NetworkDefinition {
    let network = SocialNetwork.telegram
    /// Telegram: one photo with a caption or an album of up to 10, each at most 10 MB; photos
    /// have no alt text (core.telegram.org/bots/api#sendphoto, #sendmediagroup). Telegram wants
    /// width plus height at most 10,000 (a 8000×6000 photo fails with `PHOTO_INVALID_DIMENSIONS`):
    /// a longest side of 5,000 guarantees it (tdlib/td #2544 quotes the same rule).
    static let images = ImageLimits(
        maximumCount: 10, maximumBytes: 10 * 1024 * 1024, maximumSide: 5_000, formats: [.jpeg, .png, .webp], carriesAltText: false)
    var imageLimits: ImageLimits? { Self.images }
    var rule: NetworkRule { .telegram }
    let defaultTemplate = "<b>{title}</b>\n\n{summary} (via {source})\n\n{link}"
    let defaultSentenceMaximum = 3

    func escape(_ value: String) -> String { TelegramParts.escape(value) }
    func link(_ url: URL, title: String) -> String { TelegramParts.escape(url.absoluteString) }

    func addFields(to payload: inout SharePayload, context: inout PayloadContext) {
        payload.parseMode = TelegramParts.parseMode
    }

    func shareIntent(_ context: ShareIntentContext) -> ShareIntent? {
        let text = context.fittedHeadline(within: .telegram) { "\(context.link)\n\($0)" }
        return context.url("https://t.me/share/url", query: [("url", context.link), ("text", text)])
    }

    let placeholderSettings = ["BOT_TOKEN": "000000:dry-run-bot-token", "CHAT_ID": "@dry_run"]
    let publicSettings: Set<String> = ["API_BASE", "CHAT_ID", "THREAD_ID"]

    func makeClient(settings: AccountSettings, environment: DeliveryEnvironment) throws(DeliveryError) -> any NetworkClient {
        try TelegramClient(settings: settings, environment: environment)
    }

    /// `sendMessage`, `sendPhoto` (one message with a `photo`) and `sendMediaGroup` (one message
    /// per photo, numbered on from `number`) answered as Telegram does.
    func dryRunResponse(to request: HTTPRequest, number: Int) -> HTTPResponse? {
        let path = request.url.path
        let chat = "@dry_run"
        func message(_ id: Int, photo: Bool) -> [String: any Sendable] {
            var message: [String: any Sendable] = [
                "message_id": id, "date": 1_767_225_600,
                "chat": ["id": -1_001_000_000_000, "type": "channel", "username": String(chat.dropFirst())] as [String: any Sendable],
            ]
            if photo {
                message["photo"] = [["file_id": "dry-run-photo-\(id)", "file_unique_id": "dry-run-\(id)", "width": 1280, "height": 853] as [String: any Sendable]]
            }
            return message
        }
        if path.hasSuffix("/sendMessage") { return .json(["ok": true, "result": message(number, photo: false)] as [String: any Sendable]) }
        if path.hasSuffix("/sendPhoto") { return .json(["ok": true, "result": message(number, photo: true)] as [String: any Sendable]) }
        if path.hasSuffix("/deleteMessage") || path.hasSuffix("/deleteMessages") {
            return .json(["ok": true, "result": true] as [String: any Sendable])
        }
        if path.hasSuffix("/editMessageText") || path.hasSuffix("/editMessageCaption") {
            // The edited message, with the id the request named.
            let id = (request.jsonObject?["message_id"] as? Int) ?? number
            return .json(["ok": true, "result": message(id, photo: path.hasSuffix("/editMessageCaption"))] as [String: any Sendable])
        }
        if path.hasSuffix("/sendMediaGroup") {
            let count = request.body.map { body in String(decoding: body, as: UTF8.self).components(separatedBy: "attach://").count - 1 } ?? 0
            let messages = (0..<max(count, 1)).map { message(number * 100 + $0, photo: true) }
            return .json(["ok": true, "result": messages] as [String: any Sendable])
        }
        return nil
    }
}
