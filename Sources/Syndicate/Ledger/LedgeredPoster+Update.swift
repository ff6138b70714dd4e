import Foundation

extension LedgeredPoster {
    /// Brings every copy of `post` the ledger records on the accounts of `clients` up to the
    /// post's current version.
    ///
    /// For each account it composes the payload again (as a thread when the copy is one) and
    /// compares it with the version posted (``LedgerEntry/payloadHash``):
    /// - the same: ``RevisionResult/Outcome/unchanged(_:)``, nothing sent;
    /// - changed, on a network that edits (Mastodon, Facebook, LinkedIn, Telegram, Discord,
    ///   Tumblr): the copy is edited in place, keeping its images, and the ledger records the new
    ///   version;
    /// - changed, on a network that cannot edit (X, Bluesky, Threads), or an edit the network
    ///   refuses as unsupported (a thread whose number of parts changed): `.failed` with
    ///   ``DeliveryError/Category/unsupported`` naming the way out, unless `repost` is true:
    ///   then the copy is deleted and the post posted again (``RevisionResult/Outcome/reposted(_:replacing:)``).
    ///
    /// With `repost`, a repost whose posting failed earlier (``LedgerEntry/State-swift.enum/repostPending``)
    /// is finished, under the same id, so that an attempt that may have reached the network is
    /// not doubled. A copy retracted with ``retract(postID:through:)`` stays retracted. Accounts
    /// without a recorded copy answer `.noCopy`.
    public func update(_ post: Post, through clients: [any NetworkClient], repost: Bool = false) async -> [RevisionResult] {
        await BoundedConcurrency.map(clients, maximum: poster.maximumConcurrency) { client in
            await self.update(post, through: client, repost: repost)
        }
    }

    /// Brings the copy of `post` on `client`'s account up to the post's current version.
    package func update(_ post: Post, through client: any NetworkClient, repost: Bool = false) async -> RevisionResult {
        let key = LedgerEntry.Key(postID: post.id, network: client.network, account: client.account)
        func result(_ outcome: RevisionResult.Outcome, attempts: Int = 0) -> RevisionResult {
            RevisionResult(postID: post.id, network: client.network, account: client.account, outcome: outcome, attempts: attempts)
        }
        let entry: LedgerEntry?
        do {
            entry = try await ledger.entry(key)
        } catch {
            return result(.ledgerFailed(error, sent: false))
        }
        guard let entry else { return result(.noCopy(nil)) }
        let poster = posting(asThread: entry.partIDs.count > 1)
        if entry.state == .repostPending, repost, let remoteID = entry.remoteID {
            let old = PostedCopy(
                network: entry.network, account: entry.account, remoteID: remoteID, partIDs: entry.partIDs, url: entry.url,
                mediaIDs: entry.mediaIDs)
            return await poster.postAgain(post, feed: entry.feed, through: client, replacing: old, attempts: 0)
        }
        guard let copy = entry.copy else { return result(.noCopy(entry)) }
        let payload: SharePayload
        do {
            payload = try poster.poster.composer.payload(for: post, on: client.network)
        } catch {
            return result(.failed(DeliveryError(
                .invalidPayload, network: client.network, account: client.account,
                message: "the new version could not be composed: \(error)", mayHaveReachedNetwork: false,
                fix: "give the post a title, summary or link that fits, or change the \(client.network.displayName) template.")))
        }
        if LedgerClaims.payloadHash(payload) == entry.payloadHash { return result(.unchanged(copy)) }

        if client.revisionSupport.edit.isSupported {
            let edited = await poster.poster.edit(copy, to: payload, of: post, through: client)
            switch edited.outcome {
            case .edited(let delivery):
                let now = poster.poster.environment.now()
                do {
                    _ = try await ledger.update(key) { entry in
                        LedgerRevisions.recordEdited(copy, as: delivery, payload: payload, attempts: edited.attempts, in: &entry, now: now)
                    }
                } catch {
                    return result(.ledgerFailed(error, sent: true), attempts: edited.attempts)
                }
                return edited
            case .failed(let error) where error.category == .unsupported && repost:
                break   // this copy cannot be edited into this version (a thread's parts changed): repost
            default:
                return edited
            }
        } else if !repost || !client.revisionSupport.retract.isSupported {
            return result(.failed(DeliveryError.unsupported(client.revisionSupport.edit, action: "edit", network: client.network, account: client.account)))
        }

        let retracted = await poster.poster.retract(copy, postID: post.id, through: client)
        guard case .retracted = retracted.outcome else { return retracted }
        let recorded = await poster.recordRetracted(copy, key: key, result: retracted, forRepost: true)
        if case .ledgerFailed = recorded.outcome { return recorded }
        return await poster.postAgain(post, feed: entry.feed, through: client, replacing: copy, attempts: retracted.attempts)
    }

    /// This poster composing threads too when `asThread` (a copy posted as a thread is
    /// compared with, and reposted as, a thread).
    private func posting(asThread: Bool) -> LedgeredPoster {
        guard asThread, !poster.composer.configuration.threading else { return self }
        var threaded = self
        threaded.poster.composer.configuration.threading = true
        return threaded
    }

    /// Posts `post` again on `client` after `old` was retracted.
    private func postAgain(
        _ post: Post, feed: String?, through client: any NetworkClient, replacing old: PostedCopy, attempts: Int
    ) async -> RevisionResult {
        let delivered = await deliver(post, feed: feed, through: client, reposting: true)
        let outcome: RevisionResult.Outcome
        var total = attempts
        switch delivered.outcome {
        case .delivered(let result):
            total += result.attempts
            if let delivery = result.delivery {
                outcome = .reposted(delivery, replacing: old)
            } else {
                var error = result.error ?? DeliveryError(.unexpectedResponse, network: client.network, account: client.account, message: "no answer")
                error.message = "the old copy (\(old.remoteID)) was deleted, then posting the new version failed: \(error.message)"
                let key = LedgerEntry.Key(postID: post.id, network: client.network, account: client.account)
                if (try? await ledger.entry(key))?.state == .repostPending {
                    error.fix += " The ledger keeps the repost pending: updating again with repost sends it under the same id, so a copy this attempt may have made is not doubled."
                }
                outcome = .failed(error)
            }
        case .settled(let entry), .busy(let entry), .uncertain(let entry, _):
            outcome = .noCopy(entry)
        case .ledgerFailed(let error, let delivery):
            total += delivery?.attempts ?? 0
            outcome = .ledgerFailed(error, sent: true)
        }
        return RevisionResult(postID: post.id, network: client.network, account: client.account, outcome: outcome, attempts: total)
    }
}
