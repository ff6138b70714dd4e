import Foundation

extension SocialNetwork {
    /// X, formerly Twitter.
    public static let x = SocialNetwork("x", displayName: "X")
}

extension NetworkRule {
    /// X: 280 weighted characters as twitter-text v3 counts them.
    public static let x = NetworkRule.x(limit: TwitterText.Configuration.v3.maxWeightedTweetLength)

    /// X with another limit (Premium accounts may post 4,000 or more weighted characters).
    ///
    /// The length is twitter-text's `weightedLength` and validity is twitter-text's `isValid`,
    /// which also calls an empty text invalid.
    ///
    /// - Parameter limit: The longest valid weighted length.
    /// - Returns: The rule.
    public static func x(limit: Int) -> NetworkRule {
        NetworkRule(network: .x, limit: limit, counter: .twitterText)
    }
}

/// X: short and punchy (one sentence, two hashtags), threads when asked, OAuth 1.0a or a bearer token.
struct XNetwork: NetworkDefinition {
    let network = SocialNetwork.x
    /// X: four images of at most 5 MB (JPEG, PNG, GIF, WebP), alt text up to 1,000 characters.
    var imageLimits: ImageLimits? { Self.images }
    static let images = ImageLimits(maximumCount: 4, maximumBytes: 5 * 1024 * 1024, altTextLimit: 1_000, altTextCounter: .codePoints)
    let aliases = ["twitter"]
    var rule: NetworkRule { .x }
    let defaultTemplate = "{summary} {link} {hashtags}"
    let defaultSentenceMaximum = 1
    let defaultHashtagMaximum = 2
    let supportsThreads = true

    func shareIntent(_ context: ShareIntentContext) -> ShareIntent? {
        let text = context.fittedHeadline(within: .x) { "\($0) \(context.link)" + context.tagLine }
        var items = [("text", text), ("url", context.link)]
        if !context.hashtags.isEmpty { items.append(("hashtags", context.hashtags.joined(separator: ","))) }
        return context.url("https://x.com/intent/tweet", query: items)
    }

    let placeholderSettings = [
        "CONSUMER_KEY": "dry-run-consumer-key", "CONSUMER_SECRET": "dry-run-consumer-secret",
        "ACCESS_TOKEN": "dry-run-access-token", "ACCESS_TOKEN_SECRET": "dry-run-access-token-secret",
    ]

    /// X takes either the four OAuth 1.0a values or a bearer token: with a bearer token, none is added.
    func missingPlaceholders(in settings: AccountSettings) -> [String: String] {
        guard settings.value("BEARER_TOKEN") == nil else { return [:] }
        return placeholderSettings.filter { settings.value($0.key) == nil }
    }

    func makeClient(settings: AccountSettings, environment: DeliveryEnvironment) throws(DeliveryError) -> any NetworkClient {
        try XClient(settings: settings, environment: environment)
    }

    func dryRunResponse(to request: HTTPRequest, number: Int) -> HTTPResponse? {
        let path = request.url.path
        if path.hasSuffix("/2/media/upload") {
            let id = String(1_900_000_000_000_000_000 + number)
            return .json(["data": ["id": id, "media_key": "3_\(id)", "expires_after_secs": XMediaUpload.defaultLifetime]])
        }
        if path.hasSuffix("/2/media/metadata") {
            let id = request.jsonObject?["id"] as? String ?? ""
            return .json(["data": ["id": id, "associated_metadata": request.jsonObject?["metadata"] ?? [:]]])
        }
        if request.method == .delete, request.url.deletingLastPathComponent().path.hasSuffix("/2/tweets") {
            return .json(["data": ["deleted": true]])
        }
        guard path.hasSuffix("/2/tweets") else { return nil }
        let text = request.jsonObject?["text"] as? String ?? ""
        return .json(status: 201, ["data": ["id": String(1_000_000_000_000_000_000 + number), "text": text]])
    }
}
