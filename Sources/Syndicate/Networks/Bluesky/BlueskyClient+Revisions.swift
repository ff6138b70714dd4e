import Foundation

/// Deleting posts: `POST /xrpc/com.atproto.repo.deleteRecord {"repo", "collection", "rkey"}`
/// with the session's access token (renewed once on `ExpiredToken`, as a post is), for each
/// part's `at://{did}/{collection}/{rkey}`, last part first. A record already gone is a `200`
/// no-op on the PDS ("No-op if record already doesn't exist"), so a delete can be repeated. A
/// post in another repository than the session's is refused here, before anything is sent
/// (the PDS would answer `401 AuthenticationRequired`).
///
/// Bluesky has no edit of a post (its app offers none, and a post's likes, reposts and replies
/// point at the record's content hash): ``RevisionSupport/deleteOnly(_:)``.
///
/// Sources: bluesky-social/atproto `lexicons/com/atproto/repo/deleteRecord.json` (input `repo`,
/// `collection`, `rkey`, optional `swapRecord`/`swapCommit`; output optional `commit`) and
/// `packages/pds/src/api/com/atproto/repo/deleteRecord.ts` (the no-op, `AuthRequiredError`
/// for another DID's repo); bluesky-social/indigo `api/atproto/repodeleteRecord.go`.
extension BlueskyClient {
    package var revisionSupport: RevisionSupport { .deleteOnly(.bluesky) }

    /// The JSON body of a delete.
    struct DeleteRecordBody: Encodable {
        var repo: String
        var collection: String
        var rkey: String
    }

    /// The parts of an `at://{repo}/{collection}/{rkey}` record address, or nil when `uri` is
    /// not one.
    static func recordAddress(_ uri: String) -> (repo: String, collection: String, rkey: String)? {
        guard uri.hasPrefix("at://") else { return nil }
        let parts = uri.dropFirst("at://".count).split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty }) else { return nil }
        return (parts[0], parts[1], parts[2])
    }

    package func retract(_ copy: PostedCopy) async throws(DeliveryError) {
        var addresses: [(repo: String, collection: String, rkey: String)] = []
        for id in copy.allIDs {
            guard let address = Self.recordAddress(id) else {
                throw DeliveryError(
                    .invalidPayload, network: network, account: account,
                    message: "'\(id)' is not the at:// address of a Bluesky post, so it cannot be deleted",
                    mayHaveReachedNetwork: false, fix: "delete the post on bsky.app by hand.")
            }
            addresses.append(address)
        }
        for address in addresses.reversed() {
            let (response, _) = try await sendAuthorized { tokens throws(DeliveryError) in
                guard address.repo == tokens.did || address.repo == tokens.handle else {
                    throw DeliveryError(
                        .forbidden, network: network, account: account,
                        message: "the post at://\(address.repo)/\(address.collection)/\(address.rkey) is in another account's repository, not \(tokens.did)'s",
                        mayHaveReachedNetwork: false,
                        fix: "retract it through the account that posted it, or delete it on bsky.app.")
                }
                let body = DeleteRecordBody(repo: tokens.did, collection: address.collection, rkey: address.rkey)
                do {
                    return try HTTPRequest.json(
                        url: api.endpoint("com.atproto.repo.deleteRecord"),
                        headers: ["Authorization": "Bearer \(tokens.accessJwt)"], body: body)
                } catch {
                    throw DeliveryError(.invalidPayload, network: network, account: account, message: "the delete could not be encoded")
                }
            }
            // 200 whether the record was there or not (no `commit` then).
            guard response.isSuccess else { throw api.error(for: response) }
        }
    }
}
