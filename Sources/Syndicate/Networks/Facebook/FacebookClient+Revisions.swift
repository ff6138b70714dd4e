import Foundation

/// Deleting and editing Page posts on the Graph API.
///
/// - Delete: `DELETE /{version}/{page-post-id}` with `access_token` (and `appsecret_proof`) as
///   query parameters answers `{"success": true}`. A post already gone answers 400, code 100
///   subcode 33 ("Unsupported delete request. Object with ID '…' does not exist, cannot be
///   loaded due to missing permissions, or does not support this operation"), which counts as
///   deleted, so a delete is safe to repeat.
/// - Edit: `POST /{version}/{page-post-id}` with `message` (form fields, as the feed post) answers
///   `{"success": true}`. Only the message changes: the photos attached stay (the update takes
///   `attached_media` too, but leaving it out keeps them), and so does the link card.
///
/// Sources: facebook/facebook-business-sdk-codegen `api_specs/specs/PagePost.json` (`#delete`:
/// DELETE, no params; `#update`: POST with `message`, `attached_media`, …);
/// developers.facebook.com/docs/graph-api/reference/page-post; the subcode-33 answer as
/// quoted by several public clients that treat it as "already deleted".
extension FacebookClient {
    package var revisionSupport: RevisionSupport { .deleteAndEdit }

    /// The Graph error subcode of "Object with ID '…' does not exist".
    static let missingObjectSubcode = 33

    /// Whether `response` says the object does not exist (code 100, subcode 33).
    static func saysMissing(_ response: HTTPResponse) -> Bool {
        guard let graph = GraphAPIError(response) else { return false }
        if graph.subcode == missingObjectSubcode { return true }
        return graph.code == 100 && graph.message?.range(of: "does not exist", options: .caseInsensitive) != nil
    }

    /// `DELETE /{version}/{id}?access_token=…[&appsecret_proof=…]`.
    func deleteRequest(_ id: String) -> HTTPRequest {
        let url = nodeURL(id)
        let withQuery = URL(string: url.absoluteString + "?" + PercentEncoding.query(credentials)) ?? url
        return HTTPRequest(method: .delete, url: withQuery, headers: ["Accept": "application/json"])
    }

    /// `POST /{version}/{id}` with the new `message`.
    func editRequest(_ id: String, message: String) -> HTTPRequest {
        HTTPRequest.form(url: nodeURL(id), fields: [("message", message)] + credentials)
    }

    /// Refuses a copy whose Page post id (`{page id}_{post id}`) names another Page than this
    /// client's: Graph answers subcode 33 ("does not exist") for what the token may not see, so
    /// the copy would read as deleted while it stays up.
    func checkPage(of copy: PostedCopy) throws(DeliveryError) {
        for id in copy.allIDs {
            let parts = id.split(separator: "_")
            guard parts.count == 2, String(parts[0]) != pageID else { continue }
            throw DeliveryError(
                .invalidConfiguration, network: network, account: account,
                message: "post \(id) is on Page \(parts[0]), not on this account's Page \(pageID)", mayHaveReachedNetwork: false,
                fix: "use the account (and Page token) it was posted with, or delete it by hand.")
        }
    }

    package func retract(_ copy: PostedCopy) async throws(DeliveryError) {
        try checkPage(of: copy)
        for id in copy.allIDs.reversed() {
            let response = try await exchange.send(deleteRequest(id))
            // Subcode 33: deleted already (by hand, or by an attempt whose answer was lost).
            guard response.isSuccess || Self.saysMissing(response) else {
                throw GraphAPIError.deliveryError(for: response, exchange: exchange)
            }
        }
    }

    package func edit(_ copy: PostedCopy, to payload: SharePayload, of post: Post) async throws(DeliveryError) -> Delivery {
        try checkPage(of: copy)
        try copy.requireSameParts(as: payload, singlePart: true)
        let message = Self.message(of: payload, withPhotos: !copy.mediaIDs.isEmpty)
        let response = try await exchange.send(editRequest(copy.remoteID, message: message))
        guard response.isSuccess else {
            var failure = GraphAPIError.deliveryError(for: response, exchange: exchange)
            if Self.saysMissing(response) { failure = failure.copyGone("post \(copy.remoteID) is no longer on the Page") }
            throw failure
        }
        return try exchange.delivery(of: copy)
    }
}
