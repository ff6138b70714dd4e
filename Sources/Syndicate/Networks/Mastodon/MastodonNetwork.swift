import Foundation

extension SocialNetwork {
    /// Mastodon and other servers speaking its API.
    public static let mastodon = SocialNetwork("mastodon", displayName: "Mastodon")
}

extension NetworkRule {
    /// Mastodon's upstream default: 500 characters, each URL counting 23.
    public static let mastodon = NetworkRule.mastodon(limit: 500, urlLength: 23)

    /// Mastodon with an instance's own settings.
    ///
    /// Read them from `GET /api/v2/instance`: `configuration.statuses.max_characters` and
    /// `characters_reserved_per_url`. The length is grapheme clusters, URLs counting
    /// `urlLength` each and a remote mention `@user@host` counting as `@user`.
    ///
    /// - Parameters:
    ///   - limit: The instance's `max_characters`.
    ///   - urlLength: The instance's `characters_reserved_per_url`.
    /// - Returns: The rule.
    public static func mastodon(limit: Int, urlLength: Int = 23) -> NetworkRule {
        NetworkRule(
            network: .mastodon, limit: limit,
            counter: Counter(name: "mastodon(urlLength: \(urlLength))", unit: .graphemes) {
                MastodonLength.count($0, urlLength: urlLength)
            })
    }
}

/// Mastodon: summary, link and a tag bar of up to four hashtags; threads when asked; an
/// `Idempotency-Key` the server keeps for an hour.
struct MastodonNetwork: NetworkDefinition {
    let network = SocialNetwork.mastodon
    /// Mastodon's defaults: four images of at most 16 MB and 33,177,600 pixels, alt text up to
    /// 1,500 characters (an instance may say less in `/api/v2/instance`; the client reads it).
    var imageLimits: ImageLimits? { Self.images }
    static let images = ImageLimits(
        maximumCount: 4, maximumBytes: 16 * 1024 * 1024, maximumPixels: 33_177_600,
        formats: ImageFormat.common.union([.avif, .heic]), altTextLimit: 1_500, altTextCounter: .codePoints)
    var rule: NetworkRule { .mastodon }
    let defaultTemplate = "{summary}\n\n{link}\n\n{hashtags}"
    let defaultSentenceMaximum = 3
    let defaultHashtagMaximum = 4
    let supportsThreads = true

    func shareIntent(_ context: ShareIntentContext) -> ShareIntent? {
        guard let instance = context.instance else {
            return .omitted(reason: "no Mastodon instance given; Mastodon's share page lives on each server, so name one (such as mastodon.social).")
        }
        guard let host = ShareLinks.instanceHost(from: instance) else {
            return .omitted(reason: "'\(instance)' is not a server name; give a host such as mastodon.social.")
        }
        let compose = { (title: String) in "\(title) \(context.link)" + context.tagLine }
        let text = compose(context.fittedHeadline(within: .mastodon, compose: compose))
        return context.url("https://\(host)/share", query: [("text", text)])
    }

    let placeholderSettings = ["INSTANCE": "https://mastodon.example", "ACCESS_TOKEN": "dry-run-access-token"]
    let publicSettings: Set<String> = ["INSTANCE", "VISIBILITY", "LANGUAGE"]

    func makeClient(settings: AccountSettings, environment: DeliveryEnvironment) throws(DeliveryError) -> any NetworkClient {
        try MastodonClient(settings: settings, environment: environment)
    }

    func dryRunResponse(to request: HTTPRequest, number: Int) -> HTTPResponse? {
        let host = request.url.host ?? "example.invalid"
        if request.url.path.hasSuffix("/api/v2/media") {
            // A MediaAttachment already processed (200), as Mastodon answers small images.
            let id = String(110_000_000_000_000_000 + number)
            return .json([
                "id": id, "type": "image", "url": "https://\(host)/system/media_attachments/files/\(id)/original.jpg",
                "preview_url": "https://\(host)/system/media_attachments/files/\(id)/small.jpg",
            ])
        }
        let path = request.url.pathComponents
        if path.count >= 2, path[path.count - 2] == "statuses", request.method == .delete || request.method == .put {
            // The deleted status (with its source text) or the edited one.
            let statusID = path[path.count - 1]
            return .json([
                "id": statusID, "url": "https://\(host)/@dry-run/\(statusID)",
                "uri": "https://\(host)/users/dry-run/statuses/\(statusID)", "created_at": "2026-01-01T00:00:00.000Z",
            ])
        }
        guard request.url.path.hasSuffix("/api/v1/statuses") else { return nil }
        let statusID = String(100_000_000_000_000_000 + number)
        return .json([
            "id": statusID, "url": "https://\(host)/@dry-run/\(statusID)",
            "uri": "https://\(host)/users/dry-run/statuses/\(statusID)", "created_at": "2026-01-01T00:00:00.000Z",
        ])
    }

    /// Mastodon keeps an `Idempotency-Key` for an hour.
    var idempotencyKeyLifetime: Duration? { .seconds(3600) }
}
