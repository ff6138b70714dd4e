import Foundation

/// Posts messages to a Slack channel through an incoming webhook.
///
/// Settings (`SYNDICATE_SLACK_…`): `WEBHOOK_URL`, the incoming webhook
/// (`https://hooks.slack.com/services/T…/B…/…`); the channel is fixed when the webhook is
/// installed. The URL is the credential: it is redacted everywhere
/// (`https://hooks.slack.com/REDACTED`).
///
/// The payload's text (mrkdwn) is sent with `unfurl_links` on, so Slack shows the link's card.
/// Slack answers `ok` and no message id, so the ``Delivery/remoteID`` is the post's
/// `IdempotencyKey` for this account and the ``Delivery/url`` is nil. Slack has no duplicate
/// detection, so a failure that may have reached it is never retried (``DuplicateProtection/none``).
///
/// Slack's plain-text errors map to categories as follows: `invalid_payload`, `no_text` and
/// other 400s are `.invalidPayload`; `invalid_token`, `no_service`, `no_team`, `team_disabled`
/// (the webhook was revoked or its app removed) are `.unauthorized`; `action_prohibited` and
/// `posting_to_general_channel_denied` (a workspace admin's restriction) are `.forbidden`;
/// `channel_not_found` and `channel_is_archived` (the webhook's channel is gone) are
/// `.invalidConfiguration`, since only a new webhook cures them; 429 waits `Retry-After`.
///
/// Images go by their public URL as Block Kit `image` blocks (`image_url`, `alt_text`) after
/// the text in `section` blocks (docs.slack.com/reference/block-kit/blocks/image-block: both
/// fields required, `alt_text` at most 2,000 characters, a `section`'s text at most 3,000).
/// `text` stays as the notification's fallback. Slack requires alt text, so an image without
/// one gets the neutral ``altTextFallback`` (the composer has already warned about it). A local
/// file is left out with a warning in ``Delivery/warnings``.
package struct SlackClient: NetworkClient {
    package let network = SocialNetwork.slack
    package let account: String
    package let duplicateProtection = DuplicateProtection.none
    package var secrets: [String] { [webhookURL.absoluteString] }

    private let webhookURL: URL
    private let webhookLocation: String
    private let exchange: NetworkExchange

    /// Creates a client from an account's settings.
    ///
    /// - Throws: ``DeliveryError`` `.missingCredential` when `WEBHOOK_URL` is missing, or
    ///   `.invalidConfiguration` when it is not an https URL (plain http only on loopback, for tests).
    package init(settings: AccountSettings, environment: DeliveryEnvironment) throws(DeliveryError) {
        account = settings.account
        webhookLocation = settings.location(of: "WEBHOOK_URL")
        let text = try settings.require("WEBHOOK_URL").trimmingCharacters(in: .whitespacesAndNewlines)
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), let host = url.host?.lowercased(),
            scheme == "https" || (scheme == "http" && ["localhost", "127.0.0.1", "::1", "[::1]"].contains(host)),
            url.path.count > 1
        else {
            throw DeliveryError(
                .invalidConfiguration, network: .slack, account: account,
                message: "\(webhookLocation) is not an https webhook URL",
                fix: "set \(webhookLocation) to the incoming webhook's URL, https://hooks.slack.com/services/T…/B…/… "
                    + "(Slack app settings → Incoming Webhooks).")
        }
        webhookURL = url
        exchange = NetworkExchange(network: .slack, account: account, environment: environment, secrets: settings.secrets + [text])
    }

    /// The webhook's JSON body.
    struct MessageBody: Encodable {
        var text: String
        var blocks: [Block]?
        var unfurl_links: Bool
    }

    /// A Block Kit block: a `section` of mrkdwn text, or an `image`.
    struct Block: Encodable, Equatable {
        /// A `section`'s text object.
        struct Text: Encodable, Equatable {
            var type = "mrkdwn"
            var text: String
        }

        var type: String
        var text: Text?
        var image_url: String?
        var alt_text: String?
    }

    /// The alt text an image without one gets: Slack requires `alt_text`.
    static let altTextFallback = "Image"
    /// The longest text of one `section` block.
    static let sectionLimit = 3000

    /// The blocks for `text` and `images`: the text in sections of at most ``sectionLimit``
    /// characters (split at a line break where one is near), then one `image` block each; nil
    /// without images (the plain `text` message as before).
    static func blocks(text: String, images: [(url: URL, alt: String)]) -> [Block]? {
        guard !images.isEmpty else { return nil }
        var sections: [Block] = []
        var rest = Substring(text)
        while !rest.isEmpty {
            var chunk = rest.prefix(sectionLimit)
            if chunk.count < rest.count, let lineBreak = chunk.lastIndex(of: "\n"), chunk.distance(from: chunk.startIndex, to: lineBreak) > sectionLimit / 2 {
                chunk = rest[rest.startIndex...lineBreak]
            }
            sections.append(Block(type: "section", text: Block.Text(text: String(chunk))))
            rest = rest[chunk.endIndex...]
        }
        let pictures = images.map { image in
            Block(type: "image", image_url: image.url.absoluteString, alt_text: image.alt.isEmpty ? altTextFallback : image.alt)
        }
        return sections + pictures
    }

    /// The request posting `payload` with `images`.
    func request(for payload: SharePayload, images: [(url: URL, alt: String)] = []) throws(DeliveryError) -> HTTPRequest {
        let body = MessageBody(text: payload.text, blocks: Self.blocks(text: payload.text, images: images), unfurl_links: true)
        do {
            return try HTTPRequest.json(url: webhookURL, headers: ["Accept": "text/plain"], body: body)
        } catch {
            throw DeliveryError(.invalidPayload, network: network, account: account, message: "the message could not be encoded")
        }
    }

    package func deliver(_ payload: SharePayload, of post: Post) async throws(DeliveryError) -> Delivery {
        let (images, warnings) = exchange.publicImages(payload.images, limits: SlackNetwork.images)
        let response = try await exchange.send(try request(for: payload, images: images))
        guard response.isSuccess else { throw error(for: response) }
        let key = IdempotencyKey.make(postID: post.id, network: network, account: account)
        var delivery = try exchange.delivery(remoteID: key, url: nil)
        delivery.warnings = warnings
        return delivery
    }

    /// Slack's plain-text error (`channel_not_found`, …) read into a ``DeliveryError``.
    func error(for response: HTTPResponse) -> DeliveryError {
        let said = response.text.trimmingCharacters(in: .whitespacesAndNewlines)
        var error = exchange.error(for: response, networkMessage: said.isEmpty ? nil : String(said.prefix(200)))
        let revoked = "create a new incoming webhook for the channel and set its URL as \(webhookLocation), then run again."
        switch said {
        case "invalid_token", "no_service", "no_team", "team_disabled":
            error.category = .unauthorized
            error.message = "the webhook was revoked or its app removed"
            error.fix = revoked
        case "action_prohibited", "posting_to_general_channel_denied":
            error.category = .forbidden
            error.message = "a workspace admin does not allow this webhook to post"
            error.fix = "ask a Slack admin to allow the app to post in the channel, or use a webhook for another channel."
        case "channel_not_found", "channel_is_archived":
            error.category = .invalidConfiguration
            error.message = said == "channel_is_archived" ? "the webhook's channel is archived" : "the webhook's channel no longer exists"
            error.fix = "unarchive the channel, or \(revoked)"
        case "invalid_payload", "no_text", "invalid_blocks":
            error.category = .invalidPayload
            error.message = "Slack rejected the message"
        default:
            if error.category == .unauthorized { error.fix = revoked }
            return error
        }
        error.mayHaveReachedNetwork = false
        return error
    }
}
