import Foundation

/// Posts messages to a Discord channel through a webhook (`POST {webhook}?wait=true`).
///
/// Settings (`SYNDICATE_DISCORD_…`): `WEBHOOK_URL`, the channel's webhook
/// (`https://discord.com/api/webhooks/{id}/{token}`, from the channel's Integrations → Webhooks).
/// The URL is the credential: it is redacted everywhere (`https://discord.com/REDACTED`).
///
/// With `wait=true` Discord answers with the message; its id is the ``Delivery/remoteID``. The
/// ``Delivery/url`` stays nil: a message link (`https://discord.com/channels/{guild}/{channel}/{id}`)
/// needs the server's (guild's) id, which the webhook answer does not give. The payload's
/// `allowed_mentions` (none parsed) keeps article text from pinging anyone. Discord has no
/// duplicate detection, so a failure that may have reached it is never retried
/// (``DuplicateProtection/none``).
///
/// Images go by their public URL as embeds, one per image (`embeds: [{"url", "image": {"url"}}]`,
/// discord.com/developers/docs/resources/message#embed-object). Every embed carries the same
/// `url` (the post's link), so that Discord shows up to four of them as one gallery
/// (discord/discord-api-docs #1418 and #2007: the client groups embeds by `url`, at most four
/// images). Discord's embed image has no alt text (only `url`, `height`, `width`), so the
/// images' alt text is not sent. A local file is left out with a warning in
/// ``Delivery/warnings``.
package struct DiscordClient: NetworkClient {
    package let network = SocialNetwork.discord
    package let account: String
    package let duplicateProtection = DuplicateProtection.none
    package var secrets: [String] { [webhookURL.absoluteString, webhookToken] }

    let webhookURL: URL
    let webhookToken: String
    let webhookLocation: String
    let exchange: NetworkExchange

    /// Creates a client from an account's settings.
    ///
    /// - Throws: ``DeliveryError`` `.missingCredential` when `WEBHOOK_URL` is missing, or
    ///   `.invalidConfiguration` when it is not an `https://…/api/webhooks/{id}/{token}` URL
    ///   (plain http is accepted for loopback addresses only, for tests).
    package init(settings: AccountSettings, environment: DeliveryEnvironment) throws(DeliveryError) {
        account = settings.account
        webhookLocation = settings.location(of: "WEBHOOK_URL")
        let text = try settings.require("WEBHOOK_URL").trimmingCharacters(in: .whitespacesAndNewlines)
        guard let url = URL(string: text), let token = Self.webhookToken(of: url) else {
            throw DeliveryError(
                .invalidConfiguration, network: .discord, account: account,
                message: "\(webhookLocation) is not a Discord webhook URL",
                fix: "set \(webhookLocation) to the webhook's URL, https://discord.com/api/webhooks/<id>/<token> "
                    + "(channel settings → Integrations → Webhooks → Copy Webhook URL).")
        }
        webhookURL = url
        webhookToken = token
        exchange = NetworkExchange(
            network: .discord, account: account, environment: environment, secrets: settings.secrets + [token])
    }

    /// The token of a webhook URL shaped `https://host/api[/v{n}]/webhooks/{numeric id}/{token}`,
    /// or nil for any other URL.
    static func webhookToken(of url: URL) -> String? {
        guard let scheme = url.scheme?.lowercased(), let host = url.host?.lowercased() else { return nil }
        let loopback = ["localhost", "127.0.0.1", "::1", "[::1]"].contains(host)
        guard scheme == "https" || (scheme == "http" && loopback) else { return nil }
        var components = url.pathComponents.filter { $0 != "/" }
        guard components.first == "api" else { return nil }
        components.removeFirst()
        if let version = components.first, version.hasPrefix("v"), Int(version.dropFirst()) != nil { components.removeFirst() }
        guard components.count == 3, components[0] == "webhooks", !components[1].isEmpty,
            components[1].allSatisfy(\.isNumber), !components[2].isEmpty
        else { return nil }
        return components[2]
    }

    /// The webhook's JSON body.
    struct ExecuteBody: Encodable {
        var content: String
        var allowed_mentions: SharePayload.AllowedMentions
        var embeds: [Embed]?
    }

    /// An embed showing one image; embeds sharing `url` show as one gallery.
    struct Embed: Encodable, Equatable {
        /// The embed's `image`: its URL only (Discord has no alt text for it).
        struct Image: Encodable, Equatable {
            var url: String
        }

        var url: String
        var image: Image
    }

    /// The embeds of `images` (public URLs), all linking to `link` (else the first image).
    static func embeds(_ images: [(url: URL, alt: String)], link: URL?) -> [Embed]? {
        guard let first = images.first else { return nil }
        let shared = (link ?? first.url).absoluteString
        return images.map { Embed(url: shared, image: Embed.Image(url: $0.url.absoluteString)) }
    }

    /// The part of the message Discord returns that this client reads.
    struct Message: Decodable {
        var id: String
        var channel_id: String?
    }

    /// The request posting `payload`.
    func request(for payload: SharePayload, images: [(url: URL, alt: String)] = []) throws(DeliveryError) -> HTTPRequest {
        guard var components = URLComponents(url: webhookURL, resolvingAgainstBaseURL: false) else {
            throw DeliveryError(.invalidConfiguration, network: network, account: account, message: "\(webhookLocation) is not a URL")
        }
        var query = (components.queryItems ?? []).filter { $0.name != "wait" }
        query.append(URLQueryItem(name: "wait", value: "true"))
        components.queryItems = query
        guard let url = components.url else {
            throw DeliveryError(.invalidConfiguration, network: network, account: account, message: "\(webhookLocation) is not a URL")
        }
        let body = ExecuteBody(
            content: payload.text, allowed_mentions: payload.allowedMentions ?? .init(), embeds: Self.embeds(images, link: payload.link))
        do {
            return try HTTPRequest.json(url: url, body: body)
        } catch {
            throw DeliveryError(.invalidPayload, network: network, account: account, message: "the message could not be encoded")
        }
    }

    package func deliver(_ payload: SharePayload, of post: Post) async throws(DeliveryError) -> Delivery {
        let (images, warnings) = exchange.publicImages(payload.images, limits: DiscordNetwork.images)
        let response = try await exchange.send(try request(for: payload, images: images))
        guard response.isSuccess else { throw error(for: response) }
        var delivery: Delivery
        if response.status == 204 || response.body.isEmpty {
            // Without `wait` (or from a proxy that drops it) Discord gives no message back.
            let key = IdempotencyKey.make(postID: post.id, network: network, account: account)
            delivery = try exchange.delivery(remoteID: key, url: nil)
        } else {
            let message = try exchange.decode(Message.self, from: response)
            delivery = try exchange.delivery(remoteID: message.id, url: nil)
        }
        delivery.warnings = warnings
        return delivery
    }

    /// Discord's `{"message", "code", "retry_after"}` read into a ``DeliveryError``.
    ///
    /// 401 (`Invalid Webhook Token`) and 404 (`Unknown Webhook`, code 10015) mean the webhook was
    /// deleted or the URL is wrong: `.unauthorized`. 429 waits `Retry-After`, or the body's
    /// `retry_after` seconds.
    func error(for response: HTTPResponse) -> DeliveryError {
        let object = NetworkExchange.jsonObject(response)
        let said = (object?["message"] as? String).map { message in
            (object?["code"]).map { "\(message) (code \($0))" } ?? message
        } ?? (response.text.isEmpty ? nil : String(response.text.prefix(200)))
        var error = exchange.error(for: response, networkMessage: said)
        if response.status == 401 || response.status == 404 {
            error.category = .unauthorized
            error.mayHaveReachedNetwork = false
            error.message = "the webhook was refused (deleted, or the URL is wrong)"
            error.fix = "create a webhook in the channel (Integrations → Webhooks), copy its URL into \(webhookLocation) and run again."
        }
        return error
    }
}
