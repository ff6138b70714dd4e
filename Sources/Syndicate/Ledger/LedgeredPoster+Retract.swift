import Foundation

extension LedgeredPoster {
    /// Deletes every copy of the post `postID` the ledger records on the accounts of `clients`
    /// (every part of a thread) and records each as retracted.
    ///
    /// A copy the network no longer has counts as deleted. An account without a recorded copy
    /// answers ``RevisionResult/Outcome/noCopy(_:)`` (the entry says whether it was already
    /// retracted); a network whose API cannot delete (Slack's incoming webhooks) answers
    /// `.failed` with ``DeliveryError/Category/unsupported`` and sends nothing. A retracted
    /// entry is never posted again by ``deliver(_:feed:to:)`` or ``FeedSyndicator``, only by a
    /// repost (``update(_:through:repost:)``).
    ///
    /// ```swift
    /// for result in await poster.retract(postID: post.id, through: clients) { print(result.outcome) }
    /// ```
    public func retract(postID: String, through clients: [any NetworkClient]) async -> [RevisionResult] {
        await BoundedConcurrency.map(clients, maximum: poster.maximumConcurrency) { client in
            await self.retract(postID: postID, through: client)
        }
    }

    /// Deletes the copy of `postID` the ledger records on `client`'s account, and records it.
    package func retract(postID: String, through client: any NetworkClient) async -> RevisionResult {
        let key = LedgerEntry.Key(postID: postID, network: client.network, account: client.account)
        func result(_ outcome: RevisionResult.Outcome, attempts: Int = 0) -> RevisionResult {
            RevisionResult(postID: postID, network: client.network, account: client.account, outcome: outcome, attempts: attempts)
        }
        let entry: LedgerEntry?
        do {
            entry = try await ledger.entry(key)
        } catch {
            return result(.ledgerFailed(error, sent: false))
        }
        guard let copy = entry?.copy else { return result(.noCopy(entry)) }
        let retracted = await poster.retract(copy, postID: postID, through: client)
        guard case .retracted = retracted.outcome else { return retracted }
        return await recordRetracted(copy, key: key, result: retracted)
    }

    /// Records `copy` retracted (`forRepost`: deleted for a repost); a ledger failure is
    /// reported with the retraction done.
    func recordRetracted(_ copy: PostedCopy, key: LedgerEntry.Key, result: RevisionResult, forRepost: Bool = false) async -> RevisionResult {
        let now = poster.environment.now()
        do {
            _ = try await ledger.update(key) { entry in LedgerRevisions.recordRetracted(copy, in: &entry, now: now, forRepost: forRepost) }
        } catch {
            var failed = result
            failed.outcome = .ledgerFailed(error, sent: true)
            return failed
        }
        return result
    }
}
