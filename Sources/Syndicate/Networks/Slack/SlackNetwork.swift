import Foundation

extension SocialNetwork {
    /// Slack (an incoming-webhook message).
    public static let slack = SocialNetwork("slack", displayName: "Slack")
}

extension NetworkRule {
    /// Slack: 40,000 characters hard, with a warning over 4,000, counted as code points.
    ///
    /// `chat.postMessage` truncates text past 40,000 characters; Slack recommends at most
    /// 4,000, and longer messages are folded behind "Show more".
    public static let slack = NetworkRule(network: .slack, limit: 40_000, counter: .codePoints, softLimit: 4000)
}

/// Slack: summary, then the link as `<url|title>`, in mrkdwn.
struct SlackNetwork: NetworkDefinition {
    let network = SocialNetwork.slack
    /// Slack: image blocks by public URL, alt text up to 2,000 characters
    /// (docs.slack.com/reference/block-kit/blocks/image-block).
    static let images = ImageLimits(maximumCount: 4, altTextLimit: 2_000, altTextCounter: .codePoints, transfer: .publicURL)
    var imageLimits: ImageLimits? { Self.images }
    var rule: NetworkRule { .slack }
    let defaultTemplate = "{summary}\n\n{link}"

    func escape(_ value: String) -> String { SlackParts.escape(value) }
    func link(_ url: URL, title: String) -> String { SlackParts.link(url, title: title) }

    let placeholderSettings = ["WEBHOOK_URL": "https://hooks.slack.com/services/T000/B000/dry-run-webhook-token"]
    let publicSettings: Set<String> = ["USERNAME", "CHANNEL"]

    func makeClient(settings: AccountSettings, environment: DeliveryEnvironment) throws(DeliveryError) -> any NetworkClient {
        try SlackClient(settings: settings, environment: environment)
    }

    func dryRunResponse(to request: HTTPRequest, number: Int) -> HTTPResponse? {
        guard (request.url.host ?? "").hasSuffix("slack.com") || request.url.path.hasPrefix("/services/") else { return nil }
        return HTTPResponse(status: 200, headers: ["Content-Type": "text/plain"], body: Data("ok".utf8))
    }
}
