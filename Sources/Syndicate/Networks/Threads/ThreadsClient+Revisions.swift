import Foundation

/// Deleting posts: `DELETE /v1.0/{threads-media-id}?access_token=…` (the token needs
/// `threads_delete`; at most 100 deletes a day per profile), answered
/// `{"success": true, "deleted_id": "…"}`. A post already gone answers a Graph error saying
/// the object "does not exist" (code 100, subcode 33), which counts as deleted, so a delete can
/// be repeated; a 404 too.
///
/// The Threads API has no edit of a post: ``RevisionSupport/deleteOnly(_:)``.
///
/// Sources: developers.facebook.com/docs/threads/posts/delete-posts (endpoint, permissions,
/// limit, example answer); @codybrom/denim `src/api/deleteThread.ts` (DELETE with
/// `access_token` in the query). The "already gone" answer is the Graph API's usual one for a
/// missing object, not documented for this endpoint (unverified).
extension ThreadsClient {
    package var revisionSupport: RevisionSupport { .deleteOnly(.threads) }

    /// The Graph error subcode of an object that does not exist (or cannot be loaded).
    static let missingObjectSubcode = 33

    /// The request deleting post `id`.
    func deleteRequest(_ id: String) -> HTTPRequest? {
        guard var components = URLComponents(url: endpoint(id), resolvingAgainstBaseURL: false) else { return nil }
        components.percentEncodedQuery = PercentEncoding.query([("access_token", accessToken)])
        guard let url = components.url else { return nil }
        return HTTPRequest(method: .delete, url: url, headers: ["Accept": "application/json"])
    }

    /// The delete's answer.
    struct Deleted: Decodable {
        var success: Bool?
    }

    package func retract(_ copy: PostedCopy) async throws(DeliveryError) {
        for id in copy.allIDs.reversed() {
            guard let request = deleteRequest(id) else {
                throw DeliveryError(
                    .invalidPayload, network: network, account: account, message: "'\(id)' is not a Threads post id",
                    mayHaveReachedNetwork: false, fix: "delete the post on threads.com by hand.")
            }
            let response = try await exchange.send(request)
            if response.isSuccess {
                guard try exchange.decode(Deleted.self, from: response).success != false else {
                    throw exchange.unexpected(response, "a delete answered with success false")
                }
                continue
            }
            if response.status == 404 || Self.saysMissing(response) { continue }
            var failure = GraphAPIError.deliveryError(for: response, exchange: exchange)
            if failure.category == .forbidden {
                failure.message = "the token may not delete post \(id)"
                failure.fix = "give the Threads app the threads_delete permission, renew the access token of account '\(account)', and run again."
            }
            throw failure
        }
    }

    /// Whether `response` is the Graph error of an object that does not exist.
    static func saysMissing(_ response: HTTPResponse) -> Bool {
        guard let graph = GraphAPIError(response) else { return false }
        return graph.subcode == missingObjectSubcode
            || (graph.code == 100 && graph.message?.range(of: "does not exist", options: .caseInsensitive) != nil)
    }
}
