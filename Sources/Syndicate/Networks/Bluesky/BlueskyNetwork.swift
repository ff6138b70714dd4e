import Foundation

extension SocialNetwork {
    /// Bluesky (the AT Protocol's `app.bsky.feed.post`).
    public static let bluesky = SocialNetwork("bluesky", displayName: "Bluesky")
}

extension NetworkRule {
    /// Bluesky: 300 grapheme clusters and at most 3,000 UTF-8 bytes, both checked.
    ///
    /// The limits are the `maxGraphemes` and `maxLength` of `app.bsky.feed.post`'s `text`. A
    /// text of many multi-byte graphemes (ZWJ emoji) can hit the byte cap first: it is then
    /// invalid with a ``TextMeasurement/Warning/byteLimitExceeded(bytes:byteLimit:)``.
    public static let bluesky = NetworkRule(
        network: .bluesky, limit: BlueskyText.maxGraphemes, counter: .graphemes, byteLimit: BlueskyText.maxBytes)
}

/// Bluesky: summary and two hashtags with facets, the link as a facet and either the images or
/// a card; threads when asked; the record key makes a repeat collide with the first post.
struct BlueskyNetwork: NetworkDefinition {
    let network = SocialNetwork.bluesky
    /// Bluesky: four images (`app.bsky.embed.images`), each blob at most 1,000,000 bytes, alt
    /// text up to 2,000 graphemes (the app's limit).
    ///
    /// Source: `lexicons/app/bsky/embed/images.json` in bluesky-social/atproto (`maxLength` 4,
    /// `image` a blob with `accept: ["image/*"]` and `maxSize: 1000000`); the PDS refuses a
    /// larger one with 400 `BlobTooLarge`.
    var imageLimits: ImageLimits? { Self.images }
    static let images = ImageLimits(maximumCount: 4, maximumBytes: 1_000_000, altTextLimit: 2_000, altTextCounter: .graphemes)
    var rule: NetworkRule { .bluesky }
    let defaultTemplate = "{summary} {hashtags}\n\n{link}"
    let defaultHashtagMaximum = 2
    let supportsThreads = true

    func addFields(to payload: inout SharePayload, context: inout PayloadContext) {
        payload.facets = BlueskyParts.facets(in: payload.text)
        // A post has one embed: images win over the link card, whose link stays a facet.
        if let link = context.link, payload.images.isEmpty {
            payload.embed = BlueskyParts.embed(post: context.post, link: link, description: context.cardDescription)
        }
    }

    func finishThreadPart(_ part: inout SharePayload.ThreadPart) {
        part.facets = BlueskyParts.facets(in: part.text)
    }

    func shareIntent(_ context: ShareIntentContext) -> ShareIntent? {
        let compose = { (title: String) in "\(title) \(context.link)" + context.tagLine }
        let text = compose(context.fittedHeadline(within: .bluesky, compose: compose))
        return context.url("https://bsky.app/intent/compose", query: [("text", text)])
    }

    let placeholderSettings = [
        "SERVICE": "https://bsky.social", "HANDLE": "dry-run.bsky.social", "APP_PASSWORD": "dry-run-app-password",
    ]
    let publicSettings: Set<String> = ["SERVICE", "HANDLE", "LANGUAGE"]

    func makeClient(settings: AccountSettings, environment: DeliveryEnvironment) throws(DeliveryError) -> any NetworkClient {
        try BlueskyClient(settings: settings, environment: environment)
    }

    func dryRunResponse(to request: HTTPRequest, number: Int) -> HTTPResponse? {
        let path = request.url.path
        guard path.contains("/xrpc/com.atproto.") else { return nil }
        let body = request.jsonObject
        if path.hasSuffix("com.atproto.server.createSession") || path.hasSuffix("com.atproto.server.refreshSession") {
            let handle = body?["identifier"] as? String ?? "dry-run.bsky.social"
            return .json([
                "accessJwt": "dry-run-access-jwt", "refreshJwt": "dry-run-refresh-jwt", "handle": handle,
                "did": "did:plc:dryrun",
            ])
        }
        if path.hasSuffix("com.atproto.identity.resolveHandle") {
            let handle = URLComponents(url: request.url, resolvingAgainstBaseURL: false)?.queryItems?.first { $0.name == "handle" }?.value ?? ""
            return .json(["did": "did:plc:dryrun" + String(StableID.digest(handle.lowercased()).prefix(8))])
        }
        if path.hasSuffix("com.atproto.repo.uploadBlob") {
            let type = request.headers["Content-Type"] ?? "image/jpeg"
            return .json([
                "blob": [
                    "$type": "blob", "ref": ["$link": "bafkreidryrun\(number)"], "mimeType": type,
                    "size": request.body?.count ?? 0,
                ] as [String: any Sendable]
            ] as [String: any Sendable])
        }
        if path.hasSuffix("com.atproto.repo.deleteRecord") {
            return .json(["commit": ["cid": "bafyreidryrun\(number)", "rev": "3dryrun\(number)"]])
        }
        if path.hasSuffix("com.atproto.repo.createRecord") {
            let repo = body?["repo"] as? String ?? "did:plc:dryrun"
            let rkey = body?["rkey"] as? String ?? "dry-run-\(number)"
            return .json(["uri": "at://\(repo)/app.bsky.feed.post/\(rkey)", "cid": "bafyreidryrun\(number)"])
        }
        return nil
    }
}
