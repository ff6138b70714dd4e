import Foundation

/// What happened to one post's copy on one account when it was retracted or updated.
public struct RevisionResult: Sendable, Equatable {
    /// The outcome.
    public enum Outcome: Sendable, Equatable {
        /// Deleted now, every part of it; also when the network no longer had it.
        case retracted(PostedCopy)
        /// Edited in place: the delivery is the copy as it now stands.
        case edited(Delivery)
        /// Deleted, then posted again: the delivery is the new copy, `replacing` the old one.
        case reposted(Delivery, replacing: PostedCopy)
        /// The network already shows this version: nothing sent.
        case unchanged(PostedCopy)
        /// Nothing on this account to act on: the ledger records no copy with an id (never
        /// posted, failed, seen, uncertain, already retracted, or a duplicate answered without
        /// an id). The entry, when there is one, says which.
        case noCopy(LedgerEntry?)
        /// Not done; the error says why and what to do (`.unsupported` when the network's API
        /// cannot do it).
        case failed(DeliveryError)
        /// The ledger could not be read or written. `sent` when the network was changed first
        /// (the ledger does not show it yet: run again, and the copy, already changed, counts
        /// as done).
        case ledgerFailed(LedgerError, sent: Bool)
    }

    /// The post's id.
    public var postID: String
    /// The network.
    public var network: SocialNetwork
    /// The account's name.
    public var account: String
    /// What happened.
    public var outcome: Outcome
    /// The requests' attempts (0 when nothing was sent).
    public var attempts: Int

    /// Creates a result.
    public init(postID: String, network: SocialNetwork, account: String, outcome: Outcome, attempts: Int = 0) {
        self.postID = postID
        self.network = network
        self.account = account
        self.outcome = outcome
        self.attempts = attempts
    }

    /// The error, when it failed.
    public var error: DeliveryError? {
        if case .failed(let error) = outcome { return error }
        return nil
    }

    /// Whether nothing is left to do on this account: retracted, edited, reposted, unchanged,
    /// or certainly nothing there (no entry, or one never posted, seen or already retracted).
    /// A copy that may exist without the ledger knowing its id (uncertain, pending, a duplicate
    /// answered without an id, a repost not finished) is not done.
    public var isDone: Bool {
        switch outcome {
        case .retracted, .edited, .reposted, .unchanged: true
        case .noCopy(let entry): entry.map { [.failed, .seen, .retracted].contains($0.state) } ?? true
        case .failed, .ledgerFailed: false
        }
    }
}
