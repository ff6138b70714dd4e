import Foundation

/// What happened to one post on one account.
public struct DeliveryResult: Sendable, Equatable {
    /// The outcome.
    public enum Outcome: Sendable, Equatable {
        /// Posted now.
        case posted(Delivery)
        /// The network (or the ledger) already had it: nothing was posted again.
        case alreadyPosted(Delivery?)
        /// Not posted; the error says why and what to do.
        case failed(DeliveryError)
    }

    /// The network.
    public var network: SocialNetwork
    /// The account's name.
    public var account: String
    /// What happened.
    public var outcome: Outcome
    /// The attempts made (0 when nothing was sent).
    public var attempts: Int
    /// The payload that was (or would have been) posted; nil when composing failed.
    public var payload: SharePayload?

    /// Creates a result.
    public init(network: SocialNetwork, account: String, outcome: Outcome, attempts: Int, payload: SharePayload?) {
        self.network = network
        self.account = account
        self.outcome = outcome
        self.attempts = attempts
        self.payload = payload
    }

    /// The delivery, when posted now or already.
    public var delivery: Delivery? {
        switch outcome {
        case .posted(let delivery): delivery
        case .alreadyPosted(let delivery): delivery
        case .failed: nil
        }
    }

    /// The error, when it failed.
    public var error: DeliveryError? {
        if case .failed(let error) = outcome { return error }
        return nil
    }
}
