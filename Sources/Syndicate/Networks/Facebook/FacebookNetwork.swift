import Foundation

extension SocialNetwork {
    /// A Facebook Page.
    public static let facebook = SocialNetwork("facebook", displayName: "Facebook")
}

extension NetworkRule {
    /// A Facebook Page post: 63,206 characters of `message`, counted as code points.
    public static let facebook = NetworkRule(network: .facebook, limit: 63_206, counter: .codePoints)
}

/// A Facebook Page: the summary alone as `message`, the link beside it (the card does the work).
struct FacebookNetwork: NetworkDefinition {
    let network = SocialNetwork.facebook
    /// Facebook Pages: unpublished photos attached to the post, each less than 4 MB (the Graph
    /// API's own refusal says "Photos should be less than 4 MB and saved as JPG, PNG, GIF or
    /// TIFF files": facebookarchive/php-graph-sdk #315), ten at most.
    var imageLimits: ImageLimits? { Self.images }
    static let images = ImageLimits(maximumCount: 10, maximumBytes: FacebookPhotoUpload.maximumBytes, formats: [.jpeg, .png, .gif])
    var rule: NetworkRule { .facebook }
    let defaultTemplate = "{summary}"

    func addFields(to payload: inout SharePayload, context: inout PayloadContext) {
        payload.message = FacebookParts.message(payload.text)
    }

    func shareIntent(_ context: ShareIntentContext) -> ShareIntent? {
        context.url("https://www.facebook.com/sharer/sharer.php", query: [("u", context.link)])
    }

    let placeholderSettings = ["PAGE_ID": "1000000000", "PAGE_TOKEN": "dry-run-page-token", "APP_SECRET": "dry-run-app-secret"]
    let publicSettings: Set<String> = ["API_BASE", "PAGE_ID", "API_VERSION"]

    func makeClient(settings: AccountSettings, environment: DeliveryEnvironment) throws(DeliveryError) -> any NetworkClient {
        try FacebookClient(settings: settings, environment: environment)
    }

    func dryRunResponse(to request: HTTPRequest, number: Int) -> HTTPResponse? {
        if request.url.path.hasSuffix("/photos") { return .json(["id": String(900_000_000_000 + number)]) }
        // A Page post (`{page}_{post}`) deleted or edited.
        if request.method == .delete || request.method == .post, request.url.lastPathComponent.contains("_") {
            return .json(["success": true])
        }
        guard request.url.path.hasSuffix("/feed") else { return nil }
        let page = request.url.deletingLastPathComponent().lastPathComponent
        return .json(["id": "\(page)_\(number)"])
    }
}
