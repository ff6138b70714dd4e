import Foundation

/// Delivers posts through a ``CrossPoster`` with a ``DeliveryLedger`` around each delivery, so
/// that each post reaches each account once across retries, crashes and concurrent runs.
///
/// For each account it composes the payload, claims the entry, sends only when the claim says
/// so, and records the outcome. Accounts are delivered concurrently, at most
/// ``CrossPoster/maximumConcurrency`` at a time.
///
/// A pending entry of another run is left alone while that run may be alive. Whether it is
/// alive is ``isAlive`` to say; without it (the default) a claim is presumed alive for
/// ``remoteLease``. With a ledger shared by processes, pass the `SyndicateLedger` product's
/// process check so that a run that died is recognised at once:
///
/// ```swift
/// let poster = LedgeredPoster(ledger: try SQLiteLedger(path: "ledger.sqlite"),
///                             poster: CrossPoster(environment: environment),
///                             owner: .current(), isAlive: LedgerOwner.isAlive)
/// for result in await poster.deliver(post, feed: nil, to: clients) { print(result.outcome) }
/// ```
public struct LedgeredPoster: Sendable {
    /// Where outcomes are recorded.
    public var ledger: any DeliveryLedger
    /// What composes and sends.
    public var poster: CrossPoster
    /// This run, as it claims entries.
    public var owner: LedgerOwner
    /// Whether the owner of a claim made on this host may still be running; nil when that
    /// cannot be checked (then such a claim is presumed alive for ``remoteLease``).
    public var isAlive: (@Sendable (LedgerOwner) -> Bool)?
    /// How long a claim whose owner cannot be checked (one made on another host, or any when
    /// ``isAlive`` is nil) is presumed alive.
    public var remoteLease: Duration

    /// Creates a poster; `owner` is this process (host name and process id) as a new run
    /// unless given.
    public init(
        ledger: any DeliveryLedger, poster: CrossPoster, owner: LedgerOwner? = nil,
        isAlive: (@Sendable (LedgerOwner) -> Bool)? = nil, remoteLease: Duration = .seconds(3600)
    ) {
        self.ledger = ledger
        self.poster = poster
        self.owner = owner ?? .newRun()
        self.isAlive = isAlive
        self.remoteLease = remoteLease
    }

    /// Delivers `post` to every client the ledger does not already settle; one result per
    /// client, in the clients' order.
    ///
    /// - Parameters:
    ///   - post: The post to deliver.
    ///   - feed: The feed the post came from, recorded with each entry.
    ///   - clients: The accounts to post to.
    public func deliver(_ post: Post, feed: String?, to clients: [any NetworkClient]) async -> [LedgeredResult] {
        await BoundedConcurrency.map(clients, maximum: poster.maximumConcurrency) { client in await self.deliver(post, feed: feed, through: client) }
    }

    /// The id a client is given for `postID` in its `revision`th repost: the post's own id for
    /// the first copy (0), `<id>#repost-<n>` after, so that idempotency keys, Bluesky record
    /// keys and upload memories derived from it never reach back to a deleted copy.
    public static func deliveryID(of postID: String, revision: Int) -> String {
        revision > 0 ? "\(postID)#repost-\(revision)" : postID
    }

    /// Delivers `post` through one client, claiming and recording its ledger entry.
    public func deliver(_ post: Post, feed: String?, through client: any NetworkClient) async -> LedgeredResult {
        await deliver(post, feed: feed, through: client, reposting: false)
    }

    /// Delivers `post` through one client; `reposting` claims a retracted entry too.
    func deliver(_ post: Post, feed: String?, through client: any NetworkClient, reposting: Bool) async -> LedgeredResult {
        let key = LedgerEntry.Key(postID: post.id, network: client.network, account: client.account)
        func result(_ outcome: LedgeredResult.Outcome, previous: LedgerEntry? = nil) -> LedgeredResult {
            LedgeredResult(postID: post.id, network: client.network, account: client.account, outcome: outcome, previous: previous)
        }
        let payload: SharePayload?
        do {
            payload = try poster.composer.payload(for: post, on: client.network)
        } catch {
            payload = nil
        }
        var claimContext = LedgerClaims.Context(
            owner: owner, protection: client.duplicateProtection, payloadHash: payload.map(LedgerClaims.payloadHash),
            feed: feed, title: post.title, now: poster.environment.now(), isAlive: isAlive, remoteLease: remoteLease)
        claimContext.reposting = reposting
        let context = claimContext
        let decision: LedgerClaims.Decision
        let revision: Int
        do {
            (decision, revision) = try await ledger.update(key) { entry in
                (LedgerClaims.claim(&entry, key: key, context: context), entry?.revision ?? 0)
            }
        } catch {
            return result(.ledgerFailed(error, delivery: nil))
        }
        let previous: LedgerEntry?
        switch decision {
        case .settled(let entry): return result(.settled(entry))
        case .uncertain(let entry, let newlyMarked): return result(.uncertain(entry, newlyMarked: newlyMarked))
        case .busy(let entry): return result(.busy(entry))
        case .send(let taken): previous = taken
        }
        // A repost goes out under its own id: keys derived from the post's id are new.
        var sent = post
        sent.id = Self.deliveryID(of: post.id, revision: revision)
        let delivered: DeliveryResult
        if let payload {
            delivered = await poster.deliver(payload, of: sent, through: client)
        } else {
            delivered = await poster.deliver(sent, through: client)   // reports the composing failure
        }
        var recordContext = context
        recordContext.now = poster.environment.now()
        do {
            let finalContext = recordContext
            _ = try await ledger.update(key) { entry in
                LedgerClaims.record(delivered, in: &entry, key: key, context: finalContext)
            }
        } catch {
            return result(.ledgerFailed(error, delivery: delivered), previous: previous)
        }
        return result(.delivered(delivered), previous: previous)
    }
}
