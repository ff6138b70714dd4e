import Foundation

/// Deleting and editing statuses: `DELETE /api/v1/statuses/:id` (answers the deleted status; a
/// status already gone answers 404, which counts as deleted once `GET /api/v1/statuses/:id`
/// confirms it: Mastodon answers a delete of another account's status 404 too, and a token of
/// the wrong account must not record a live status as deleted) and `PUT /api/v1/statuses/:id`
/// (`status`, `language` and the `media_ids` to keep: an edit without them would drop the
/// images). A thread is deleted last part first, and edited part by part when the new version
/// has as many parts. Sources: docs.joinmastodon.org/methods/statuses (delete, edit),
/// abraham/mastodon-openapi.
extension MastodonClient {
    package var revisionSupport: RevisionSupport { .deleteAndEdit }

    /// The URL of status `id`.
    func statusURL(_ id: String) -> URL {
        instance.appendingPathComponent("api/v1/statuses").appendingPathComponent(id)
    }

    package func retract(_ copy: PostedCopy) async throws(DeliveryError) {
        for id in copy.allIDs.reversed() {
            let request = HTTPRequest(method: .delete, url: statusURL(id), headers: ["Authorization": "Bearer \(accessToken)", "Accept": "application/json"])
            let response = try await exchange.send(request)
            if response.isSuccess { continue }
            guard response.status == 404 else { throw error(for: response) }
            // 404: deleted already (by hand, or by an attempt whose answer was lost), unless the
            // status is there but another account's.
            let check = HTTPRequest(method: .get, url: statusURL(id), headers: ["Authorization": "Bearer \(accessToken)", "Accept": "application/json"])
            let answer = try await exchange.send(check)
            if answer.isSuccess {
                throw DeliveryError(
                    .forbidden, network: network, account: account,
                    message: "status \(id) is still on \(instance.host ?? "the server") but this account cannot delete it",
                    status: 404, mayHaveReachedNetwork: false,
                    fix: "retract it with the account that posted it (the ledger records account '\(account)'; check its access token), or delete it by hand.")
            }
        }
    }

    /// The JSON body of an edit.
    struct EditBody: Encodable {
        var status: String
        var language: String?
        var media_ids: [String]
    }

    package func edit(_ copy: PostedCopy, to payload: SharePayload, of post: Post) async throws(DeliveryError) -> Delivery {
        try copy.requireSameParts(as: payload)
        let texts = payload.parts?.map(\.text) ?? [payload.text]
        let ids = copy.allIDs
        let language = self.language ?? post.language.flatMap { LanguageTag($0) }?.primary
        var first: Status?
        for (index, (id, text)) in zip(ids, texts).enumerated() {
            let body = EditBody(status: text, language: language, media_ids: index == 0 ? copy.mediaIDs : [])
            let request: HTTPRequest
            do {
                request = try HTTPRequest.json(.put, url: statusURL(id), headers: ["Authorization": "Bearer \(accessToken)"], body: body)
            } catch {
                throw DeliveryError(.invalidPayload, network: network, account: account, message: "the edit could not be encoded")
            }
            let response = try await exchange.send(request)
            guard response.isSuccess else {
                var failure = error(for: response)
                if response.status == 404 {
                    failure = failure.copyGone("status \(id) is no longer on the server")
                } else if response.status == 422 {
                    failure.message = "Mastodon refused the edit of status \(id)"
                }
                throw failure
            }
            let status = try exchange.decode(Status.self, from: response)
            if first == nil { first = status }
        }
        return try exchange.delivery(of: copy, url: first?.url)
    }
}
