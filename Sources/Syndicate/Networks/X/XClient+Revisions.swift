import Foundation

/// Deleting posts: `DELETE /2/tweets/:id`, authorised like a post (OAuth 1.0a user context,
/// signed with no body parameters, or the OAuth 2.0 user token with `tweet.write`), answered
/// `200 {"data": {"deleted": true}}`. A thread is deleted last part first.
///
/// A post already gone is not an error, so that a delete can be repeated: X does not document
/// its answer for one; a `404` (its "Not Found Error" problem) counts as deleted. A `200` whose
/// `deleted` is `false` is an error: it may mean a refusal, and a live post must never be
/// recorded as retracted.
///
/// X's API cannot edit a post (``RevisionSupport/deleteOnly(_:)``): the v2 API exposes the edit
/// history and `edit_controls` of posts edited in X's own apps, but no endpoint that edits one.
///
/// Sources: docs.x.com "Delete a Post" (`DELETE /2/tweets/:id`, OAuth 1.0a or OAuth 2.0 with
/// `tweet.read tweet.write users.read`, 50 requests per 15 minutes per user, response
/// `TweetDeleteResponse {data: {deleted: boolean}, errors?: [Problem]}`); docs.x.com
/// "Edit Posts" (edit metadata only); twapi-v2 `maker/api/delete_2_tweets_id.yaml` (DELETE, no
/// body, signed with no parameters).
extension XClient {
    package var revisionSupport: RevisionSupport { .deleteOnly(.x) }

    /// The authorised request deleting post `id`.
    func deleteRequest(_ id: String) -> HTTPRequest {
        let url = apiBase.appendingPathComponent("2/tweets").appendingPathComponent(id)
        return authorized(HTTPRequest(method: .delete, url: url, headers: ["Accept": "application/json"]))
    }

    package func retract(_ copy: PostedCopy) async throws(DeliveryError) {
        for id in copy.allIDs.reversed() {
            let response = try await exchange.send(deleteRequest(id))
            // 404: nothing left to delete (by hand, or by an earlier attempt whose answer was lost).
            if response.status == 404 { continue }
            if response.isSuccess, let data = NetworkExchange.jsonObject(response)?["data"] as? [String: Any],
                data["deleted"] as? Bool == false
            {
                throw DeliveryError(
                    .unexpectedResponse, network: network, account: account,
                    message: "X answered that post \(id) was not deleted", status: response.status, mayHaveReachedNetwork: false,
                    fix: "look at the account: delete the post by hand if it is still there, then run again (a post already gone counts as deleted).")
            }
            guard response.isSuccess else {
                var failure = error(for: response)
                if failure.category == .forbidden {
                    failure.message = "X refused to delete post \(id): \(failure.message)"
                }
                throw failure
            }
        }
    }
}
