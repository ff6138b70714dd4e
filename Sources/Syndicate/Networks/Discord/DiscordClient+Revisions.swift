import Foundation

/// Deleting and editing the webhook's messages, with the webhook's own URL (no other
/// credential; the URL stays a secret and is in no message):
///
/// - `DELETE {webhook}/messages/{message_id}` answers `204 No Content`. A message already gone
///   answers `404 {"message": "Unknown Message", "code": 10008}`, which counts as deleted; a
///   404 with another code (`10015 Unknown Webhook`) is the webhook's, read as for posting.
/// - `PATCH {webhook}/messages/{message_id}` with `content`, `allowed_mentions` and `embeds`
///   as ``deliver(_:of:)`` sends them answers `200` with the message. Fields left out stay as
///   they are, so the images (embeds) are kept when the payload has none to send again. The
///   same text again is simply accepted, so an edit is safe to repeat.
///
/// The webhook URL's query (such as `thread_id`) is kept, `wait` dropped. A copy posted
/// without an answer (`204`, no message id: its ``PostedCopy/remoteID`` is the post's
/// idempotency key) cannot be found again and must be deleted or edited by hand.
///
/// Sources checked: discord.com/developers/docs/resources/webhook (Delete Webhook Message,
/// Edit Webhook Message) as linked from discord.js's `RESTDeleteAPIWebhookWithTokenMessageResult`
/// (`never`: no body) and `RESTPatchAPIWebhookWithTokenMessageResult` (`APIMessage`);
/// oceanic's `EditWebhookMessageOptions` (content, embeds, allowed_mentions…); the JSON error
/// codes 10008 `Unknown Message` (discord/discord-api-docs #2212, discohook #29: what the
/// `/webhooks/:id/:token/messages/:message_id` route answers for a message it does not have)
/// and 10015 `Unknown Webhook` (discord-api-docs #653).
extension DiscordClient {
    package var revisionSupport: RevisionSupport { .deleteAndEdit }

    /// Discord's JSON error code for a message that does not exist (any more).
    static let unknownMessage = 10008

    /// The webhook's URL for message `id` (`…/messages/{id}`, the query kept without `wait`).
    func messageURL(_ id: String) throws(DeliveryError) -> URL {
        guard var components = URLComponents(url: webhookURL, resolvingAgainstBaseURL: false) else {
            throw DeliveryError(.invalidConfiguration, network: network, account: account, message: "\(webhookLocation) is not a URL")
        }
        let path = components.path.hasSuffix("/") ? String(components.path.dropLast()) : components.path
        components.path = path + "/messages/" + id
        let query = (components.queryItems ?? []).filter { $0.name != "wait" }
        components.queryItems = query.isEmpty ? nil : query
        guard let url = components.url else {
            throw DeliveryError(.invalidConfiguration, network: network, account: account, message: "\(webhookLocation) is not a URL")
        }
        return url
    }

    /// `copy`'s message id, which Discord gave when it was posted; else `.unsupported` naming `action`.
    func messageID(of copy: PostedCopy, action: String) throws(DeliveryError) -> String {
        let id = copy.remoteID
        guard (1...20).contains(id.count), id.allSatisfy(\.isASCII), id.allSatisfy(\.isNumber) else {
            throw DeliveryError(
                .unsupported, network: network, account: account,
                message: "Discord gave no message id when this was posted, so the webhook cannot \(action) it",
                mayHaveReachedNetwork: false, fix: "\(action) the message by hand in Discord.")
        }
        return id
    }

    /// Whether `response` is Discord's `Unknown Message` (the message is not there).
    static func isUnknownMessage(_ response: HTTPResponse) -> Bool {
        guard response.status == 404, let code = NetworkExchange.jsonObject(response)?["code"] else { return false }
        return (code as? Int) == unknownMessage || (code as? String) == String(unknownMessage)
    }

    package func retract(_ copy: PostedCopy) async throws(DeliveryError) {
        let id = try messageID(of: copy, action: "delete")
        let request = HTTPRequest(method: .delete, url: try messageURL(id), headers: ["Accept": "application/json"])
        let response = try await exchange.send(request)
        // 404 Unknown Message: deleted already (by hand, or by an attempt whose answer was lost).
        guard response.isSuccess || Self.isUnknownMessage(response) else { throw error(for: response) }
    }

    /// The JSON body of an edit: what ``ExecuteBody`` sends, `embeds` left out when nil.
    struct EditBody: Encodable {
        var content: String
        var allowed_mentions: SharePayload.AllowedMentions
        var embeds: [Embed]?
    }

    package func edit(_ copy: PostedCopy, to payload: SharePayload, of post: Post) async throws(DeliveryError) -> Delivery {
        let id = try messageID(of: copy, action: "edit")
        let (images, warnings) = exchange.publicImages(payload.images, limits: DiscordNetwork.images)
        let body = EditBody(
            content: payload.text, allowed_mentions: payload.allowedMentions ?? .init(), embeds: Self.embeds(images, link: payload.link))
        let request: HTTPRequest
        do {
            request = try HTTPRequest.json(.patch, url: try messageURL(id), body: body)
        } catch let error as DeliveryError {
            throw error
        } catch {
            throw DeliveryError(.invalidPayload, network: network, account: account, message: "the edit could not be encoded")
        }
        let response = try await exchange.send(request)
        guard response.isSuccess else {
            var failure = error(for: response)
            if Self.isUnknownMessage(response) { failure = failure.copyGone("message \(id) is no longer in the webhook's channel") }
            throw failure
        }
        var delivery = try exchange.delivery(of: copy)
        delivery.warnings = warnings
        return delivery
    }
}
