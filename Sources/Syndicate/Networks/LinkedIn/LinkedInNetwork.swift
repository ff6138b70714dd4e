import Foundation

extension SocialNetwork {
    /// LinkedIn.
    public static let linkedin = SocialNetwork("linkedin", displayName: "LinkedIn")
}

extension NetworkRule {
    /// LinkedIn: 3,000 characters of post `commentary`, counted as code points.
    public static let linkedin = NetworkRule(network: .linkedin, limit: 3000, counter: .codePoints)
}

/// LinkedIn: headline, summary "(via Source)", link and three hashtags, all in little-text
/// format (escaped, template text included), with an article card.
struct LinkedInNetwork: NetworkDefinition {
    let network = SocialNetwork.linkedin
    /// LinkedIn: one image or a multi-image post of up to 20, at most 36,152,320 pixels each,
    /// JPG, PNG or GIF (Images API), alt text up to 4,086 characters.
    ///
    /// Sources: learn.microsoft.com/linkedin/marketing/community-management/shares/images-api
    /// (pixel count, formats) and multiimage-post-api ("minimum of 2 images and maximum of 20").
    var imageLimits: ImageLimits? { Self.images }
    static let images = ImageLimits(maximumCount: 20, maximumPixels: 36_152_320, formats: [.jpeg, .png, .gif], altTextLimit: 4_086, altTextCounter: .codePoints)
    var rule: NetworkRule { .linkedin }
    let defaultTemplate = "{title}\n\n{summary} (via {source})\n\n{link}\n\n{hashtags}"
    let defaultSentenceMaximum = 4
    let defaultHashtagMaximum = 3
    /// LinkedIn's hashtags are little-text templates, not `#` words in the text.
    let supportsInlineHashtags = false

    func escape(_ value: String) -> String { LinkedInParts.escape(value) }
    /// A literal `(via …)` would otherwise truncate the post: the template's text is escaped too.
    func literal(_ text: String) -> String { LinkedInParts.escape(text) }
    func link(_ url: URL, title: String) -> String { LinkedInParts.escape(url.absoluteString) }
    func hashtag(_ tag: String) -> String { LinkedInParts.hashtag(tag) }

    func addFields(to payload: inout SharePayload, context: inout PayloadContext) {
        payload.commentary = payload.text
        payload.text = context.plainText
        // Images win over the article card: a post has one `content`.
        if let link = context.link, payload.images.isEmpty {
            payload.article = LinkedInParts.article(post: context.post, link: link, description: context.cardDescription)
        }
    }

    func shareIntent(_ context: ShareIntentContext) -> ShareIntent? {
        context.url("https://www.linkedin.com/sharing/share-offsite/", query: [("url", context.link)])
    }

    let placeholderSettings = ["AUTHOR": "urn:li:person:dry-run", "ACCESS_TOKEN": "dry-run-access-token"]
    let publicSettings: Set<String> = ["API_BASE", "AUTHOR", "API_VERSION"]

    func makeClient(settings: AccountSettings, environment: DeliveryEnvironment) throws(DeliveryError) -> any NetworkClient {
        try LinkedInClient(settings: settings, environment: environment)
    }

    func dryRunResponse(to request: HTTPRequest, number: Int) -> HTTPResponse? {
        let path = request.url.path
        if path.hasSuffix("/rest/images"), request.url.query?.contains("action=initializeUpload") == true {
            let id = "D4E10AQDryRun\(number)"
            return .json([
                "value": [
                    "uploadUrlExpiresAt": 1_767_312_000_000,
                    "uploadUrl": "https://www.linkedin.com/dms-uploads/sp/\(id)/uploaded-image/0?ca=vector_feedshare&cn=uploads&sync=0&v=beta",
                    "image": "urn:li:image:\(id)",
                ] as [String: any Sendable]
            ])
        }
        if request.method == .put, path.contains("/dms-uploads/") { return HTTPResponse(status: 201) }
        // A post deleted or edited (`/rest/posts/{urn}`): 204 No Content.
        if path.contains("/rest/posts/"), request.method == .delete || request.method == .post { return HTTPResponse(status: 204) }
        guard path.hasSuffix("/rest/posts") else { return nil }
        return HTTPResponse(status: 201, headers: ["x-restli-id": "urn:li:share:\(7_000_000_000_000_000_000 + number)"])
    }
}
