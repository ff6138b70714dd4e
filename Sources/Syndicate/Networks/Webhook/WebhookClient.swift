import Foundation

/// Posts the post and its text as JSON to any HTTP endpoint: an automation tool, a chat bridge,
/// your own service.
///
/// Settings (`SYNDICATE_WEBHOOK_…`): `WEBHOOK_URL`, the http(s) address to `POST` to. It is
/// treated as a secret (many webhook URLs carry their token) and redacted everywhere
/// (`https://hooks.example/REDACTED`).
///
/// The body has a fixed shape, every key present (`null` when unknown):
///
/// ```json
/// {"id": "<post id>", "title": "…", "url": "<canonical URL>", "text": "<composed text>",
///  "link": "<tracked link>", "hashtags": ["Ofsted"], "summary": "…", "tags": ["Ofsted"],
///  "images": [{"url": "…", "alt": "…"}], "published": "2019-03-09T10:00:00Z"}
/// ```
///
/// `images` are the images the composer chose for the webhook (lead image first), each with its
/// public `url` and its `alt` text (`null` when it has none), as before. Only `http(s)` images
/// go: a receiver elsewhere cannot open a `file:` URL, and the path would show the sender's
/// folders, so a local image is left out with a warning in ``Delivery/warnings`` (publish it
/// on the site and give its URL). The request carries an `Idempotency-Key` header (the post's
/// `IdempotencyKey` for this account) for receivers that de-duplicate; Syndicate cannot know
/// whether one does, so a failure that may have reached it is never retried
/// (``DuplicateProtection/none``). The ``Delivery/remoteID`` is the `id` of a JSON answer
/// (string or number) when there is one, else the idempotency key; the ``Delivery/url`` is the
/// answer's `url`, if any.
package struct WebhookClient: NetworkClient {
    package let network = SocialNetwork.webhook
    package let account: String
    package let duplicateProtection = DuplicateProtection.none
    package var secrets: [String] { [webhookURL.absoluteString] }

    private let webhookURL: URL
    private let exchange: NetworkExchange

    /// Creates a client from an account's settings.
    ///
    /// - Throws: ``DeliveryError`` `.missingCredential` when `WEBHOOK_URL` is missing, or
    ///   `.invalidConfiguration` when it is not an http(s) URL.
    package init(settings: AccountSettings, environment: DeliveryEnvironment) throws(DeliveryError) {
        account = settings.account
        let text = try settings.require("WEBHOOK_URL").trimmingCharacters(in: .whitespacesAndNewlines)
        // Taken exactly as written (a trailing slash may matter to the receiver).
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
            url.host != nil
        else {
            throw DeliveryError(
                .invalidConfiguration, network: .webhook, account: account,
                message: "\(settings.location(of: "WEBHOOK_URL")) is not an http(s) URL",
                fix: "set \(settings.location(of: "WEBHOOK_URL")) to the address to post to, such as https://hooks.example/syndicate.")
        }
        webhookURL = url
        exchange = NetworkExchange(network: .webhook, account: account, environment: environment, secrets: settings.secrets + [text])
    }

    /// The JSON body: the post and its composed text.
    struct Body: Encodable {
        struct Image: Encodable {
            var url: String
            var alt: String?

            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(url, forKey: .url)
                try container.encode(alt, forKey: .alt)
            }

            private enum CodingKeys: String, CodingKey { case url, alt }
        }

        var id: String
        var title: String
        var url: String?
        var text: String
        var link: String?
        var hashtags: [String]
        var summary: String?
        var tags: [String]
        var images: [Image]
        var published: String?

        private enum CodingKeys: String, CodingKey {
            case id, title, url, text, link, hashtags, summary, tags, images, published
        }

        /// Encodes every key, `null` included, so that receivers see one fixed shape.
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)
            try container.encode(title, forKey: .title)
            try container.encode(url, forKey: .url)
            try container.encode(text, forKey: .text)
            try container.encode(link, forKey: .link)
            try container.encode(hashtags, forKey: .hashtags)
            try container.encode(summary, forKey: .summary)
            try container.encode(tags, forKey: .tags)
            try container.encode(images, forKey: .images)
            try container.encode(published, forKey: .published)
        }
    }

    /// The request posting `payload` of `post`.
    func request(for payload: SharePayload, of post: Post, images: [(url: URL, alt: String)]) throws(DeliveryError) -> HTTPRequest {
        let key = IdempotencyKey.make(postID: post.id, network: network, account: account)
        let body = Body(
            id: post.id, title: post.title, url: post.url?.absoluteString, text: payload.text,
            link: payload.link?.absoluteString, hashtags: payload.hashtags, summary: post.summary, tags: post.tags,
            images: images.map { Body.Image(url: $0.url.absoluteString, alt: $0.alt.isEmpty ? nil : $0.alt) },
            published: post.published.map(ISO8601.string(from:)))
        do {
            return try HTTPRequest.json(url: webhookURL, headers: ["Idempotency-Key": key], body: body)
        } catch {
            throw DeliveryError(.invalidPayload, network: network, account: account, message: "the post could not be encoded")
        }
    }

    package func deliver(_ payload: SharePayload, of post: Post) async throws(DeliveryError) -> Delivery {
        let (images, warnings) = exchange.publicImages(payload.images, limits: WebhookNetwork.images)
        let response = try await exchange.send(try request(for: payload, of: post, images: images))
        guard response.isSuccess else { throw error(for: response) }
        let object = NetworkExchange.jsonObject(response)
        let id: String? =
            switch object?["id"] {
            case let text as String where !text.isEmpty: text
            case let number as NSNumber: number.stringValue
            default: nil
            }
        let url = (object?["url"] as? String).flatMap(URL.init(string:))
        let remoteID = id ?? IdempotencyKey.make(postID: post.id, network: network, account: account)
        var delivery = try exchange.delivery(remoteID: remoteID, url: url)
        delivery.warnings = warnings
        return delivery
    }

    /// An unsuccessful answer read into a ``DeliveryError`` by its status, quoting a JSON
    /// `error` or `message`, or the start of the body.
    func error(for response: HTTPResponse) -> DeliveryError {
        let object = NetworkExchange.jsonObject(response)
        let text = response.text.trimmingCharacters(in: .whitespacesAndNewlines)
        let said = (object?["error"] as? String) ?? (object?["message"] as? String) ?? (text.isEmpty ? nil : String(text.prefix(200)))
        return exchange.error(for: response, networkMessage: said)
    }
}
