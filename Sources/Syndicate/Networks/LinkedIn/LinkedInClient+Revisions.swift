import Foundation

/// Deleting and editing posts through the Posts API, with the headers every Rest.li call carries
/// (bearer token, `LinkedIn-Version`, `X-Restli-Protocol-Version: 2.0.0`):
///
/// - Delete: `DELETE /rest/posts/{URL-encoded post URN}` with `X-RestLi-Method: DELETE`,
///   answered `204 No Content`. LinkedIn documents deletes as idempotent (a post deleted before
///   answers 204 again); a 404 or 410 counts as deleted too, so a delete is safe to repeat.
/// - Edit: `POST /rest/posts/{URL-encoded post URN}` with `X-RestLi-Method: PARTIAL_UPDATE` and
///   `{"patch": {"$set": {"commentary": "…"}}}`, answered `204`. The commentary is the payload's,
///   escaped as little text exactly as for a new post. Only the commentary is set, so the
///   images (`content.media` / `multiImage`) and the article card stay as they are. The Posts API
///   lets only `commentary`, `contentCallToActionLabel`, `contentLandingPage` and
///   `lifecycleState` be updated.
///
/// Sources: learn.microsoft.com/linkedin/marketing/community-management/shares/posts-api
/// (its "Update Posts" and "Delete Posts" sections as quoted by third-party references of the
/// Posts API: the 204 answers, the idempotent delete, the updatable fields; the page's own text
/// of those sections was not read); learn.microsoft.com/linkedin/shared/api-guide/concepts/methods
/// (Rest.li `PARTIAL_UPDATE`, `DELETE`); several public Posts API clients and their tests sending
/// the same requests. UNVERIFIED: the answer to an edit of a deleted post (read as gone when 404
/// or 410), and whether a delete of a never-existing URN is 404.
extension LinkedInClient {
    package var revisionSupport: RevisionSupport { .deleteAndEdit }

    /// `{API_BASE}/rest/posts/{urn}`, the URN percent-encoded as one path segment
    /// (`urn%3Ali%3Ashare%3A…`).
    func postURL(_ urn: String) -> URL {
        let base = apiBase.appendingPathComponent("rest/posts")
        let encoded = PercentEncoding.encode(urn)
        return URL(string: base.absoluteString + "/" + encoded) ?? base.appendingPathComponent(urn)
    }

    /// The `X-RestLi-Method: DELETE` request deleting post `urn`.
    func deleteRequest(_ urn: String) -> HTTPRequest {
        var headers = restHeaders
        headers["X-RestLi-Method"] = "DELETE"
        return HTTPRequest(method: .delete, url: postURL(urn), headers: headers)
    }

    /// The body of a partial update setting the commentary.
    struct CommentaryPatch: Encodable {
        struct Patch: Encodable {
            struct Set: Encodable {
                var commentary: String
            }

            var set: Set

            enum CodingKeys: String, CodingKey {
                case set = "$set"
            }
        }

        var patch: Patch
    }

    /// The `X-RestLi-Method: PARTIAL_UPDATE` request setting post `urn`'s commentary.
    func editRequest(_ urn: String, commentary: String) throws(DeliveryError) -> HTTPRequest {
        var headers = restHeaders
        headers["X-RestLi-Method"] = "PARTIAL_UPDATE"
        do {
            return try HTTPRequest.json(
                url: postURL(urn), headers: headers, body: CommentaryPatch(patch: .init(set: .init(commentary: commentary))))
        } catch {
            throw DeliveryError(.invalidPayload, network: network, account: account, message: "the edit could not be encoded")
        }
    }

    package func retract(_ copy: PostedCopy) async throws(DeliveryError) {
        for urn in copy.allIDs.reversed() {
            let response = try await exchange.send(deleteRequest(urn))
            // 204 again for a post deleted before; 404/410 read the same way.
            guard response.isSuccess || response.status == 404 || response.status == 410 else { throw error(for: response) }
        }
    }

    package func edit(_ copy: PostedCopy, to payload: SharePayload, of post: Post) async throws(DeliveryError) -> Delivery {
        try copy.requireSameParts(as: payload, singlePart: true)
        guard let commentary = payload.commentary else {
            throw DeliveryError(
                .invalidPayload, network: network, account: account,
                message: "the payload has no LinkedIn commentary (it was not composed for LinkedIn)",
                fix: "compose the payload with Composer().payload(for: post, on: .linkedin).")
        }
        let response = try await exchange.send(try editRequest(copy.remoteID, commentary: commentary))
        guard response.isSuccess else {
            var failure = error(for: response)
            if response.status == 404 || response.status == 410 { failure = failure.copyGone("post \(copy.remoteID) is no longer on LinkedIn") }
            throw failure
        }
        return try exchange.delivery(of: copy)
    }
}
