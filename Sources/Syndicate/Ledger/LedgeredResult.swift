import Foundation

/// What happened to one post on one account when delivered through a ledger.
public struct LedgeredResult: Sendable, Equatable {
    /// The outcome.
    public enum Outcome: Sendable, Equatable {
        /// Sent now (posted, already posted or failed), and recorded.
        case delivered(DeliveryResult)
        /// The ledger says it is done (posted, already posted or seen): nothing sent.
        case settled(LedgerEntry)
        /// It may or may not have been posted: nothing sent until a person decides.
        /// `newlyMarked` when this run found it so.
        case uncertain(LedgerEntry, newlyMarked: Bool)
        /// Another live run is sending it: nothing sent.
        case busy(LedgerEntry)
        /// The ledger could not be read or written. `delivery` is set when the post went out
        /// but its outcome could not be recorded (the next run treats it as interrupted).
        case ledgerFailed(LedgerError, delivery: DeliveryResult?)
    }

    /// The post's id.
    public var postID: String
    /// The network.
    public var network: SocialNetwork
    /// The account's name.
    public var account: String
    /// What happened.
    public var outcome: Outcome
    /// The entry this run took over from an earlier one (failed, or left pending by a run
    /// that died), when it did.
    public var previous: LedgerEntry?

    /// Creates a result.
    public init(postID: String, network: SocialNetwork, account: String, outcome: Outcome, previous: LedgerEntry? = nil) {
        self.postID = postID
        self.network = network
        self.account = account
        self.outcome = outcome
        self.previous = previous
    }

    /// The delivery result, when something was sent.
    public var delivery: DeliveryResult? {
        switch outcome {
        case .delivered(let result): result
        case .ledgerFailed(_, let result): result
        default: nil
        }
    }

    /// Whether nothing is left to do for this post on this account (posted, already posted,
    /// seen or uncertain).
    public var isSettled: Bool {
        switch outcome {
        case .delivered(let result): result.error == nil
        case .settled, .uncertain: true
        case .busy, .ledgerFailed: false
        }
    }
}
