import Foundation

extension SocialNetwork {
    /// Any HTTP endpoint that takes the post and its text as JSON (a generic webhook).
    public static let webhook = SocialNetwork("webhook", displayName: "Webhook")
}

extension NetworkRule {
    /// A generic JSON webhook: 4,000 characters of `text`, counted as code points.
    ///
    /// A webhook has no limit of its own; 4,000 keeps the text to what chat and automation
    /// tools (Zapier, n8n, Matrix bridges) show without folding. Set your own with
    /// ``withLimit(_:)``.
    public static let webhook = NetworkRule(network: .webhook, limit: 4000, counter: .codePoints)
}

/// A generic JSON webhook: headline, summary and link, plain text. A dry run answers it with
/// the transport's generic JSON success.
struct WebhookNetwork: NetworkDefinition {
    let network = SocialNetwork.webhook
    /// A webhook: the images' public URLs and alt text in the JSON.
    static let images = ImageLimits(maximumCount: 20, transfer: .publicURL)
    var imageLimits: ImageLimits? { Self.images }
    var rule: NetworkRule { .webhook }
    let defaultTemplate = "{title}\n\n{summary}\n\n{link}"

    let placeholderSettings = ["WEBHOOK_URL": "https://hooks.example/dry-run-webhook-token"]

    func makeClient(settings: AccountSettings, environment: DeliveryEnvironment) throws(DeliveryError) -> any NetworkClient {
        try WebhookClient(settings: settings, environment: environment)
    }
}
