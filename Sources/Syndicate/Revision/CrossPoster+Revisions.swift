import Foundation
import Logging

extension CrossPoster {
    /// Deletes `copy` through `client`, retrying what ``retryPolicy`` allows: a delete is safe
    /// to repeat, because a copy already gone counts as deleted.
    ///
    /// - Returns: `.retracted`, or `.failed` (`.unsupported` when the network cannot delete).
    public func retract(_ copy: PostedCopy, postID: String, through client: any NetworkClient) async -> RevisionResult {
        if case .unsupported = client.revisionSupport.retract {
            let error = DeliveryError.unsupported(client.revisionSupport.retract, action: "delete", network: client.network, account: client.account)
            return RevisionResult(postID: postID, network: client.network, account: client.account, outcome: .failed(error))
        }
        let (result, attempts) = await repeating("retract \(copy.remoteID)", postID: postID, client: client) { () async throws(DeliveryError) in
            try await client.retract(copy)
            return copy
        }
        let outcome: RevisionResult.Outcome
        switch result {
        case .success: outcome = .retracted(copy)
        case .failure(let error): outcome = .failed(error)
        }
        return RevisionResult(postID: postID, network: client.network, account: client.account, outcome: outcome, attempts: attempts)
    }

    /// Replaces the text of `copy` with `payload`'s through `client`, retrying what
    /// ``retryPolicy`` allows: an edit to the same text is safe to repeat.
    ///
    /// - Returns: `.edited`, or `.failed` (`.unsupported` when the network cannot edit).
    public func edit(
        _ copy: PostedCopy, to payload: SharePayload, of post: Post, through client: any NetworkClient
    ) async -> RevisionResult {
        if case .unsupported = client.revisionSupport.edit {
            let error = DeliveryError.unsupported(client.revisionSupport.edit, action: "edit", network: client.network, account: client.account)
            return RevisionResult(postID: post.id, network: client.network, account: client.account, outcome: .failed(error))
        }
        let (result, attempts) = await repeating("edit \(copy.remoteID)", postID: post.id, client: client) { () async throws(DeliveryError) in
            var delivery = try await client.edit(copy, to: payload, of: post)
            let redactor = Redactor(secrets: client.secrets)
            delivery.mediaIDs = delivery.mediaIDs.map(redactor.redact)
            delivery.warnings = delivery.warnings.map(redactor.redact)
            return delivery
        }
        let outcome: RevisionResult.Outcome
        switch result {
        case .success(let delivery): outcome = .edited(delivery)
        case .failure(let error): outcome = .failed(error)
        }
        return RevisionResult(postID: post.id, network: client.network, account: client.account, outcome: outcome, attempts: attempts)
    }

    /// Runs `operation` until it succeeds or ``retryPolicy`` stops, treating it as safe to
    /// repeat (as with an idempotency key).
    private func repeating<Value: Sendable>(
        _ what: String, postID: String, client: any NetworkClient, _ operation: () async throws(DeliveryError) -> Value
    ) async -> (Result<Value, DeliveryError>, attempts: Int) {
        var attempt = 0
        var waited = Duration.zero
        let metadata: Logger.Metadata = ["network": "\(client.network.rawValue)", "account": "\(client.account)", "post": "\(postID)"]
        while true {
            attempt += 1
            do {
                let value = try await operation()
                environment.logger.info("\(what): done", metadata: metadata)
                return (.success(value), attempt)
            } catch var error {
                error.message = Redactor(secrets: client.secrets).redact(error.message)
                guard
                    let wait = retryPolicy.delay(
                        after: error, attempt: attempt, waited: waited, protection: .idempotencyKey, now: environment.now())
                else {
                    environment.logger.notice("\(what) failed: \(error.description)", metadata: metadata)
                    return (.failure(error), attempt)
                }
                environment.logger.notice("\(what): attempt \(attempt) failed (\(error.category.rawValue)); retrying in \(wait)", metadata: metadata)
                do {
                    try await environment.sleep(wait)
                } catch {
                    return (.failure(DeliveryError(.transport, network: client.network, account: client.account, message: "cancelled while waiting to retry")), attempt)
                }
                waited += wait
            }
        }
    }
}
