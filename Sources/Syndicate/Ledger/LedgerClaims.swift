import Crypto
import Foundation

/// The decisions taken on a ledger entry before and after a delivery, the same for every
/// ``DeliveryLedger``.
///
/// Before sending, ``claim(_:key:context:)`` turns the entry into a ``Decision``:
///
/// | Entry | Decision |
/// |---|---|
/// | none, or `failed` | claim it (`pending`, owned by this run) and send |
/// | `posted`, `already-posted`, `seen` | ``Decision/settled(_:)``: nothing to do |
/// | `retracted` | settled |
/// | `repost-pending` | settled, unless ``Context/reposting``: then claim it and send |
/// | `uncertain` | ``Decision/uncertain(_:newlyMarked:)``: skipped until a person decides |
/// | `pending`, owner alive | ``Decision/busy(_:)``: another run is sending it; skipped |
/// | `pending`, owner dead | depends on the client's ``DuplicateProtection``, below |
///
/// A pending entry whose owner died was left between sending and recording: the post may
/// exist. With `.idempotencyKey` (Mastodon, Bluesky) it is sent again with the same key, which
/// the network answers with the first post (Mastodon keeps keys for an hour: an older claim is
/// treated as `.none`). With `.rejectsDuplicates` (X, LinkedIn, Facebook) it is sent again and
/// the network's duplicate answer is recorded as `already-posted`. With `.none` (Telegram,
/// Discord, Slack, webhooks, Threads) it is never re-sent: it becomes `uncertain`.
///
/// After sending, ``record(_:in:key:context:)`` writes the outcome. A failure that may have
/// reached a network without duplicate protection (a timeout, a 5xx) is recorded as
/// `uncertain`, not `failed`, for the same reason.
///
/// These are pure state transitions on a ``LedgerEntry``, the same for every ``DeliveryLedger``
/// (``LedgeredPoster`` runs them inside ``DeliveryLedger/update(_:_:)``). Whether the owner of
/// a pending entry is still running is not decided here: ``Context/isAlive`` is given (the
/// `SyndicateLedger` product's `LedgerOwner.isAlive` checks the process on this host); without
/// it a claim is presumed alive for ``Context/remoteLease``.
package enum LedgerClaims {
    /// What a claim or a record needs to know.
    package struct Context: Sendable {
        /// This run.
        package var owner: LedgerOwner
        /// The client's duplicate protection.
        package var protection: DuplicateProtection
        /// The payload's hash (``LedgerClaims/payloadHash(_:)``).
        package var payloadHash: String?
        /// The feed the post came from.
        package var feed: String?
        /// The post's title.
        package var title: String?
        /// The current time.
        package var now: Date
        /// Whether an owner on this run's host may still be running; nil when that cannot be
        /// checked, and then such a claim is presumed alive for ``remoteLease``, as one by
        /// another host is.
        package var isAlive: (@Sendable (LedgerOwner) -> Bool)?
        /// How long a claim whose owner cannot be checked (another host, or no ``isAlive``) is
        /// presumed alive.
        package var remoteLease: Duration
        /// Whether an entry deleted for a repost is to be posted now; a repost that fails leaves
        /// it `repost-pending` (or `uncertain` where a repeat could double it).
        package var reposting = false

        /// Creates a context.
        package init(
            owner: LedgerOwner, protection: DuplicateProtection, payloadHash: String? = nil, feed: String? = nil,
            title: String? = nil, now: Date, isAlive: (@Sendable (LedgerOwner) -> Bool)? = nil,
            remoteLease: Duration = .seconds(3600)
        ) {
            self.owner = owner
            self.protection = protection
            self.payloadHash = payloadHash
            self.feed = feed
            self.title = title
            self.now = now
            self.isAlive = isAlive
            self.remoteLease = remoteLease
        }
    }

    /// What to do with one post on one account.
    package enum Decision: Sendable, Equatable {
        /// The entry is now this run's: send. `previous` is the entry taken over (a failed one,
        /// or a pending one whose run died), nil for a new entry.
        case send(previous: LedgerEntry?)
        /// Posted, already posted or seen: nothing to do.
        case settled(LedgerEntry)
        /// May or may not have been posted: skipped. `newlyMarked` when this claim found the
        /// pending entry of a dead run and marked it.
        case uncertain(LedgerEntry, newlyMarked: Bool)
        /// Another live run holds it: skipped.
        case busy(LedgerEntry)
    }

    /// How long `network` remembers an idempotency key; nil for as long as the post exists
    /// (Bluesky's record key).
    public static func idempotencyKeyLifetime(on network: SocialNetwork) -> Duration? {
        NetworkRegistry.builtIn.definition(for: network)?.idempotencyKeyLifetime
    }

    /// The hex SHA-256 of `payload`'s JSON (sorted keys).
    package static func payloadHash(_ payload: SharePayload) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(payload)) ?? Data(payload.text.utf8)
        return SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }

    /// The text a payload puts on the network: its text, or its thread's parts separated by a
    /// blank line.
    package static func postedText(_ payload: SharePayload) -> String {
        payload.parts.map { $0.map(\.text).joined(separator: "\n\n") } ?? payload.text
    }

    /// Decides what to do with the entry of `key` and changes it accordingly (claiming it for
    /// ``Context/owner`` when the decision is to send).
    package static func claim(_ entry: inout LedgerEntry?, key: LedgerEntry.Key, context: Context) -> Decision {
        guard let current = entry else {
            entry = pending(key: key, previous: nil, context: context)
            return .send(previous: nil)
        }
        switch current.state {
        case .posted, .alreadyPosted, .seen:
            return .settled(current)
        case .retracted:
            return .settled(current)
        case .repostPending:
            guard context.reposting else { return .settled(current) }
            entry = pending(key: key, previous: current, context: context)
            return .send(previous: current)
        case .uncertain:
            return .uncertain(current, newlyMarked: false)
        case .failed:
            entry = pending(key: key, previous: current, context: context)
            return .send(previous: current)
        case .pending:
            guard let owner = current.owner else {
                return takeOver(&entry, current, key: key, context: context, reason: "a run left it pending without an owner")
            }
            if owner.isSameRun(as: context.owner) { return .busy(current) }
            let ownerIsLive: Bool
            if owner.host == context.owner.host, let isAlive = context.isAlive {
                ownerIsLive = isAlive(owner)
            } else {
                ownerIsLive = context.now.timeIntervalSince(owner.claimedAt) < seconds(context.remoteLease)
            }
            if ownerIsLive { return .busy(current) }
            return takeOver(
                &entry, current, key: key, context: context,
                reason: "the run that was sending it (\(owner)) stopped before recording the answer")
        }
    }

    private static func takeOver(
        _ entry: inout LedgerEntry?, _ current: LedgerEntry, key: LedgerEntry.Key, context: Context, reason: String
    ) -> Decision {
        var resend: Bool
        switch context.protection {
        case .idempotencyKey:
            resend = true
            if let lifetime = idempotencyKeyLifetime(on: key.network) {
                let claimed = current.owner?.claimedAt ?? current.updatedAt
                resend = context.now.timeIntervalSince(claimed) < seconds(lifetime)
            }
        case .rejectsDuplicates:
            resend = true
        case .none:
            resend = false
        }
        if resend {
            entry = pending(key: key, previous: current, context: context)
            return .send(previous: current)
        }
        var marked = current
        marked.state = .uncertain
        marked.owner = nil
        marked.updatedAt = context.now
        marked.error = "\(reason), so it may or may not be on \(key.network.displayName) account '\(key.account)'. Fix: "
            + uncertainFix(key)
        marked.errorCategory = nil
        entry = marked
        return .uncertain(marked, newlyMarked: true)
    }

    /// What a person does about an uncertain entry, in the library's terms (the command-line
    /// tool replaces it with its own command).
    package static func uncertainFix(_ key: LedgerEntry.Key) -> String {
        "look at \(key.network.displayName) account '\(key.account)'. If the post is there, nothing more to do "
            + "(the entry stays and the post is skipped); if it is not, remove the entry "
            + "(DeliveryLedger.forget(postID: \"\(key.postID)\", network: .\(key.network.rawValue), account: \"\(key.account)\")) "
            + "and the next run posts it."
    }

    /// Writes `result` (this run's delivery of the entry it claimed) into the entry.
    ///
    /// - Returns: The entry's new state.
    @discardableResult
    package static func record(
        _ result: DeliveryResult, in entry: inout LedgerEntry?, key: LedgerEntry.Key, context: Context
    ) -> LedgerEntry.State {
        var updated = entry ?? pending(key: key, previous: nil, context: context)
        if let owner = updated.owner, !owner.isSameRun(as: context.owner), updated.state.isSettled || result.error != nil {
            // Another run took the entry over in the meantime; keep what it recorded.
            return updated.state
        }
        updated.attempts += result.attempts
        updated.owner = nil
        updated.updatedAt = context.now
        switch result.outcome {
        case .posted(let delivery):
            updated.state = .posted
            updated.remoteID = delivery.remoteID
            updated.url = delivery.url
            updated.partIDs = delivery.partIDs
            updated.mediaIDs = delivery.mediaIDs
            updated.postedText = result.payload.map(postedText)
            updated.error = nil
            updated.errorCategory = nil
        case .alreadyPosted(let delivery):
            updated.state = .alreadyPosted
            if context.reposting, delivery == nil {
                // The network says it has this version, without saying where: not the deleted copy.
                (updated.remoteID, updated.url, updated.partIDs, updated.mediaIDs) = (nil, nil, [], [])
            }
            if let delivery, delivery.remoteID != updated.remoteID {
                updated.partIDs = delivery.partIDs
                updated.mediaIDs = delivery.mediaIDs
            }
            updated.remoteID = delivery?.remoteID ?? updated.remoteID
            updated.url = delivery?.url ?? updated.url
            updated.postedText = result.payload.map(postedText) ?? updated.postedText
            updated.error = nil
            updated.errorCategory = nil
        case .failed(let error):
            if error.mayHaveReachedNetwork && context.protection == .none && result.attempts > 0 {
                updated.state = .uncertain
                updated.error = "\(error.message) after the request may have reached \(key.network.displayName), "
                    + "which has no duplicate protection, so it may or may not have been posted. Fix: " + uncertainFix(key)
            } else {
                // A repost stays pending: no feed run sends it, and the next repost sends it under
                // the same revision (so the same key) — safe also after a timeout, where the
                // network's duplicate protection answers with what the first attempt made.
                updated.state = context.reposting ? .repostPending : .failed
                updated.error = error.description
            }
            updated.errorCategory = error.category
        }
        entry = updated
        return updated.state
    }

    private static func pending(key: LedgerEntry.Key, previous: LedgerEntry?, context: Context) -> LedgerEntry {
        var entry =
            previous
            ?? LedgerEntry(key: key, state: .pending, feed: context.feed, title: context.title, createdAt: context.now)
        entry.state = .pending
        entry.owner = LedgerOwner(
            host: context.owner.host, pid: context.owner.pid, processStart: context.owner.processStart,
            run: context.owner.run, claimedAt: context.now)
        entry.payloadHash = context.payloadHash ?? entry.payloadHash
        entry.idempotencyKey = IdempotencyKey.make(
            postID: LedgeredPoster.deliveryID(of: key.postID, revision: entry.revision), network: key.network, account: key.account)
        entry.feed = entry.feed ?? context.feed
        entry.title = context.title ?? entry.title
        entry.updatedAt = context.now
        return entry
    }

    static func seconds(_ duration: Duration) -> TimeInterval {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
