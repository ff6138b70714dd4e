import Foundation

extension SocialNetwork {
    /// Tumblr.
    public static let tumblr = SocialNetwork("tumblr", displayName: "Tumblr")
}

extension NetworkRule {
    /// Tumblr: 4,096 Unicode code points, the most one NPF text block holds (npf-spec.md "Post
    /// Content Limits"). The text is sent as one block per paragraph, so no block can be longer
    /// than the whole text.
    public static let tumblr = NetworkRule(network: .tumblr, limit: 4096, counter: .codePoints)
}

/// Tumblr: the summary as NPF text blocks, then the link as a link block (title and card
/// description), the hashtags as the post's `tags`; OAuth 1.0a, no duplicate protection.
struct TumblrNetwork: NetworkDefinition {
    let network = SocialNetwork.tumblr
    /// Tumblr: NPF image blocks that Tumblr fetches from public URLs.
    static let images = ImageLimits(maximumCount: 10, transfer: .publicURL)
    var imageLimits: ImageLimits? { Self.images }
    var rule: NetworkRule { .tumblr }
    /// The link goes in a link block and the tags in `tags`, so the text is the summary alone.
    let defaultTemplate = "{summary}"
    let defaultSentenceMaximum = 3
    let defaultHashtagMaximum = 5

    /// The tags are set here, not written by the template (it has no `{hashtags}`): Tumblr's
    /// tags are a field of the post, and a `#word` in its text is not a tag.
    func addFields(to payload: inout SharePayload, context: inout PayloadContext) {
        payload.hashtags = Array(context.hashtagCandidates.prefix(max(0, context.hashtagMaximum)))
        if let link = context.link {
            payload.linkBlock = SharePayload.LinkBlock(
                url: link, title: Whitespace.collapse(context.post.title), description: context.cardDescription)
        }
    }

    /// Tumblr's share tool as a link post (Help Center "Share button documentation": `posttype`,
    /// `title`, `content`, `caption`, `tags`; the path and `canonicalUrl` are corroborated by
    /// widely used integrations, not by the help page's text: research notes tumblr-api.md §7).
    /// Which of `canonicalUrl` and `content` names the link is UNVERIFIED, so both carry it.
    /// `caption` is left out: the context has no description distinct from the headline, and
    /// without one Tumblr uses the page's `og:description`.
    func shareIntent(_ context: ShareIntentContext) -> ShareIntent? {
        var items = [("posttype", "link"), ("canonicalUrl", context.link), ("content", context.link)]
        if !context.headline.isEmpty { items.append(("title", context.headline)) }
        let tags = TumblrParts.tags(context.hashtags)
        if !tags.isEmpty { items.append(("tags", tags)) }
        return context.url("https://www.tumblr.com/widgets/share/tool", query: items)
    }

    let placeholderSettings = [
        "BLOG": "dry-run-school",
        "CONSUMER_KEY": "dry-run-consumer-key", "CONSUMER_SECRET": "dry-run-consumer-secret",
        "ACCESS_TOKEN": "dry-run-access-token", "ACCESS_TOKEN_SECRET": "dry-run-access-token-secret",
    ]
    /// The blog is an address, not a secret: it shows in every post's URL.
    static let ownPublicSettings: Set<String> = ["API_BASE", "BLOG"]
    var publicSettings: Set<String> { Self.ownPublicSettings }

    func makeClient(settings: AccountSettings, environment: DeliveryEnvironment) throws(DeliveryError) -> any NetworkClient {
        try TumblrClient(settings: settings, environment: environment)
    }

    /// `POST /v2/blog/{blog}/posts` answers api.md's documented `201 Created`:
    /// `{"meta":{"status":201,"msg":"Created"},"response":{"id":"…"}}`, the id a string.
    func dryRunResponse(to request: HTTPRequest, number: Int) -> HTTPResponse? {
        let segments = request.url.path.split(separator: "/")
        // A post deleted (`POST …/post/delete`) or edited (`PUT …/posts/{id}`): 200 OK.
        if request.method == .post, segments.suffix(2) == ["post", "delete"] {
            return .json(["meta": ["status": 200, "msg": "OK"], "response": [String: String]()])
        }
        if request.method == .put, segments.count >= 2, segments[segments.count - 2] == "posts" {
            return .json(["meta": ["status": 200, "msg": "OK"], "response": ["id": String(segments[segments.count - 1])]])
        }
        guard request.method == .post, segments.count >= 4, segments.suffix(4).first == "v2",
            segments[segments.count - 3] == "blog", segments.last == "posts"
        else { return nil }
        return .json(
            status: 201,
            ["meta": ["status": 201, "msg": "Created"], "response": ["id": String(7_100_000_000_000_000 + number)]])
    }
}
