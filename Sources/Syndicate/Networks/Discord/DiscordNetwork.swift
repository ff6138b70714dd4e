import Foundation

extension SocialNetwork {
    /// Discord (a webhook message).
    public static let discord = SocialNetwork("discord", displayName: "Discord")
}

extension NetworkRule {
    /// Discord: 2,000 characters of webhook `content`, counted as code points.
    public static let discord = NetworkRule(network: .discord, limit: 2000, counter: .codePoints)
}

/// Discord: bold headline, summary and link in Markdown, with no mention able to ping anyone.
struct DiscordNetwork: NetworkDefinition {
    let network = SocialNetwork.discord
    /// Discord: up to four embed images by public URL, the most one gallery shows (embed
    /// images have no alt text).
    static let images = ImageLimits(maximumCount: 4, carriesAltText: false, transfer: .publicURL)
    var imageLimits: ImageLimits? { Self.images }
    var rule: NetworkRule { .discord }
    let defaultTemplate = "**{title}**\n{summary}\n{link}"

    func escape(_ value: String) -> String { DiscordParts.escape(value) }

    func addFields(to payload: inout SharePayload, context: inout PayloadContext) {
        payload.allowedMentions = SharePayload.AllowedMentions()
    }

    let placeholderSettings = ["WEBHOOK_URL": "https://discord.com/api/webhooks/000000/dry-run-webhook-token"]
    let publicSettings: Set<String> = ["USERNAME", "THREAD_ID"]

    func makeClient(settings: AccountSettings, environment: DeliveryEnvironment) throws(DeliveryError) -> any NetworkClient {
        try DiscordClient(settings: settings, environment: environment)
    }

    func dryRunResponse(to request: HTTPRequest, number: Int) -> HTTPResponse? {
        guard request.url.path.contains("/api/webhooks/") else { return nil }
        let path = request.url.pathComponents
        if path.count >= 2, path[path.count - 2] == "messages" {
            // Delete: 204 without a body. Edit: the edited message.
            if request.method == .delete { return HTTPResponse(status: 204) }
            return .json(["id": path[path.count - 1], "channel_id": "1", "content": request.jsonObject?["content"] as? String ?? ""])
        }
        return .json(["id": String(1_300_000_000_000_000_000 + number), "channel_id": "1", "content": request.jsonObject?["content"] as? String ?? ""])
    }
}
