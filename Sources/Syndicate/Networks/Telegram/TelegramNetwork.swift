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
    /// have no alt text.
    var imageLimits: ImageLimits? { ImageLimits(maximumCount: 10, maximumBytes: 10 * 1024 * 1024, maximumSide: 10_000, formats: [.jpeg, .png, .webp], carriesAltText: false) }
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

    func dryRunResponse(to request: HTTPRequest, number: Int) -> HTTPResponse? {
        guard request.url.path.hasSuffix("/sendMessage") else { return nil }
        let chat = request.jsonObject?["chat_id"].map { "\($0)" } ?? "@dry_run"
        return .json([
            "ok": true,
            "result": [
                "message_id": number, "date": 1_767_225_600,
                "chat": ["id": -1_001_000_000_000, "type": "channel", "username": chat.hasPrefix("@") ? String(chat.dropFirst()) : "dry_run"] as [String: any Sendable],
            ] as [String: any Sendable],
        ] as [String: any Sendable])
    }
}
