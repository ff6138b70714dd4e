import Foundation

extension SocialNetwork {
    /// Threads, by Meta.
    public static let threads = SocialNetwork("threads", displayName: "Threads")
}

extension NetworkRule {
    /// Threads: 500 characters, an emoji counting as its UTF-8 bytes.
    ///
    /// Meta documents that "emojis are counted as the number of UTF-8 bytes". Precisely: each
    /// grapheme cluster counts 1, except an emoji cluster, which counts the bytes of its UTF-8
    /// encoding (😀 = 4, 👍🏽 = 8, 👨‍👩‍👧‍👧 = 25, 🇫🇷 = 8). A cluster is an emoji when it
    /// holds a code point with the Emoji_Presentation property, or an Emoji code point
    /// followed by the emoji variation selector U+FE0F (❤️, 1️⃣); ❤ or © alone count 1.
    public static let threads = NetworkRule(
        network: .threads, limit: 500,
        counter: Counter(name: "threads", unit: .graphemesWithEmojiAsBytes) { ThreadsLength.count($0) })
}

/// Threads: summary and link, one topic tag, the link as `link_attachment`; containers are
/// created, then published.
struct ThreadsNetwork: NetworkDefinition {
    let network = SocialNetwork.threads
    /// Threads: one image or a carousel of up to 20, JPEG or PNG of at most 8 MB, which Threads
    /// fetches from a public URL itself; alt text up to 1,000 characters
    /// (developers.facebook.com/documentation/threads/posts, "Carousel Posts" and "Media Specifications").
    static let images = ImageLimits(
        maximumCount: 20, maximumBytes: 8 * 1024 * 1024, formats: [.jpeg, .png], altTextLimit: 1_000, altTextCounter: .codePoints,
        transfer: .publicURL)
    var imageLimits: ImageLimits? { Self.images }
    var rule: NetworkRule { .threads }
    let defaultTemplate = "{summary}\n\n{link}"
    let defaultHashtagMaximum = 1

    /// At most one word, no longer than a topic tag may be.
    func hashtags(from candidates: [String], maximum: Int) -> [String] {
        Array(candidates.filter { $0.count <= Hashtags.maximumTopicTagLength }.prefix(min(maximum, 1)))
    }

    func addFields(to payload: inout SharePayload, context: inout PayloadContext) {
        payload.topicTag = ThreadsParts.topicTag(from: Array(context.hashtagCandidates.prefix(max(0, context.hashtagMaximum))))
        payload.hashtags = payload.topicTag.map { [$0] } ?? []
        payload.linkAttachment = context.link
    }

    func shareIntent(_ context: ShareIntentContext) -> ShareIntent? {
        let text = context.fittedHeadline(within: .threads) { "\($0) \(context.link)" }
        var items = [("text", text), ("url", context.link)]
        if let topic = context.hashtags.first { items.append(("tag", topic)) }
        return context.url("https://www.threads.com/intent/post", query: items)
    }

    let placeholderSettings = ["USER_ID": "1000000000", "ACCESS_TOKEN": "dry-run-access-token"]
    let publicSettings: Set<String> = ["API_BASE", "USER_ID"]

    func makeClient(settings: AccountSettings, environment: DeliveryEnvironment) throws(DeliveryError) -> any NetworkClient {
        try ThreadsClient(settings: settings, environment: environment)
    }

    func dryRunResponse(to request: HTTPRequest, number: Int) -> HTTPResponse? {
        let path = request.url.path
        if request.method == .delete { return .json(["success": true, "deleted_id": request.url.lastPathComponent]) }
        if path.hasSuffix("/threads_publish") { return .json(["id": String(18_000_000_000_000_000 + number)]) }
        if path.hasSuffix("/threads") { return .json(["id": String(17_000_000_000_000_000 + number)]) }
        // A container's status: ready at once.
        if request.method == .get, request.url.query?.contains("fields=status") == true {
            return .json(["id": request.url.lastPathComponent, "status": "FINISHED"])
        }
        return nil
    }
}
