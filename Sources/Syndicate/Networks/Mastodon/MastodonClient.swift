import Foundation

/// Posts statuses to a Mastodon account (`POST /api/v1/statuses`), a thread as replies.
///
/// Settings (`SYNDICATE_MASTODON_…`): `INSTANCE` (the server, such as `mastodon.social`),
/// `ACCESS_TOKEN` (scope `write:statuses`), optional `VISIBILITY` (`public`, `unlisted`,
/// `private`, `direct`; default `public`) and `LANGUAGE` (an ISO 639 code such as `en`;
/// a BCP 47 tag such as `en-GB` is sent as `en`; default the post's).
///
/// Every status carries an `Idempotency-Key` derived from the post, the account and the part
/// (`IdempotencyKey`): Mastodon keeps keys for an hour and answers a repeat with the first
/// status, so a retry never duplicates.
package struct MastodonClient: NetworkClient {
    /// The visibilities Mastodon accepts.
    package static let visibilities: Set<String> = ["public", "unlisted", "private", "direct"]

    package let network = SocialNetwork.mastodon
    package let account: String
    package let duplicateProtection = DuplicateProtection.idempotencyKey
    package var secrets: [String] { [accessToken] }

    /// The server's base URL.
    package let instance: URL
    private let accessToken: String
    private let visibility: String
    private let language: String?
    private let exchange: NetworkExchange

    /// Creates a client from an account's settings.
    ///
    /// - Throws: ``DeliveryError`` `.missingCredential` naming the missing variable, or
    ///   `.invalidConfiguration` for an unusable instance or visibility.
    package init(settings: AccountSettings, environment: DeliveryEnvironment) throws(DeliveryError) {
        account = settings.account
        guard settings.value("INSTANCE") != nil else { throw settings.missing("INSTANCE") }
        instance = try settings.url("INSTANCE", default: "")
        accessToken = try settings.require("ACCESS_TOKEN")
        visibility = settings.value("VISIBILITY")?.lowercased() ?? "public"
        guard Self.visibilities.contains(visibility) else {
            throw DeliveryError(
                .invalidConfiguration, network: .mastodon, account: settings.account,
                message: "the visibility '\(visibility)' is not one Mastodon knows",
                fix: "set \(settings.location(of: "VISIBILITY")) to public, unlisted, private or direct.")
        }
        if let raw = settings.value("LANGUAGE") {
            guard let tag = LanguageTag(raw) else {
                throw DeliveryError(
                    .invalidConfiguration, network: .mastodon, account: settings.account,
                    message: "the language '\(raw)' is not an ISO 639 code",
                    fix: "set \(settings.location(of: "LANGUAGE")) to a two-letter code such as en, fr or de (or leave it out to use the post's).")
            }
            language = tag.primary
        } else {
            language = nil
        }
        exchange = NetworkExchange(network: .mastodon, account: account, environment: environment, secrets: settings.secrets)
    }

    /// The JSON body of one status.
    struct StatusBody: Encodable {
        var status: String
        var visibility: String
        var language: String?
        var in_reply_to_id: String?
    }

    /// The part of a Status this client reads.
    struct Status: Decodable {
        var id: String
        var url: URL?
        var uri: String?
    }

    /// The request creating one status.
    func request(text: String, replyTo: String?, key: String, language: String?) throws(DeliveryError) -> HTTPRequest {
        let body = StatusBody(status: text, visibility: visibility, language: language, in_reply_to_id: replyTo)
        let headers: HTTPHeaders = ["Authorization": "Bearer \(accessToken)", "Idempotency-Key": key]
        do {
            return try HTTPRequest.json(url: instance.appendingPathComponent("api/v1/statuses"), headers: headers, body: body)
        } catch {
            throw DeliveryError(.invalidPayload, network: network, account: account, message: "the status could not be encoded")
        }
    }

    package func deliver(_ payload: SharePayload, of post: Post) async throws(DeliveryError) -> Delivery {
        let texts = payload.parts?.map(\.text) ?? [payload.text]
        let language = self.language ?? post.language.flatMap { LanguageTag($0) }?.primary
        var ids: [String] = []
        var first: Status?
        for (index, text) in texts.enumerated() {
            let key = IdempotencyKey.make(postID: post.id, network: network, account: account, part: index + 1)
            let response = try await exchange.send(try request(text: text, replyTo: ids.last, key: key, language: language))
            guard response.isSuccess else { throw error(for: response) }
            let status = try exchange.decode(Status.self, from: response)
            ids.append(status.id)
            if first == nil { first = status }
        }
        guard let first else { throw DeliveryError(.invalidPayload, network: network, account: account, message: "the payload has no text") }
        let url = first.url ?? URL(string: "\(instance.absoluteString)/statuses/\(first.id)")
        return try exchange.delivery(remoteID: first.id, url: url, partIDs: ids.count > 1 ? ids : [])
    }

    /// Mastodon's `{"error": "…"}` read into a ``DeliveryError``.
    func error(for response: HTTPResponse) -> DeliveryError {
        let said = NetworkExchange.jsonObject(response)?["error"] as? String
        var error = exchange.error(for: response, networkMessage: said)
        if response.status == 422 {
            error.message = "Mastodon refused the status"
        }
        return error
    }
}
