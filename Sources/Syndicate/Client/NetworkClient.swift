import Foundation

/// Posts payloads to one account of one network: builds the network's requests, sends them
/// through an ``HTTPTransport`` and reads the answers into a ``Delivery`` or a ``DeliveryError``.
///
/// Syndicate has a client per network, in the network's folder (`XClient`, `MastodonClient`, …);
/// ``NetworkRegistry/makeClient(settings:environment:)`` builds the right one from an account's
/// settings. Conform your own type to post somewhere Syndicate does not know:
///
/// ```swift
/// struct IntranetClient: NetworkClient {
///     let network = SocialNetwork.webhook, account = "intranet"
///     let duplicateProtection = DuplicateProtection.none
///     var secrets: [String] { [] }
///     func deliver(_ payload: SharePayload, of post: Post) async throws(DeliveryError) -> Delivery {
///         Delivery(network: network, account: account, remoteID: post.id, url: nil)
///     }
/// }
/// ```
///
/// The contract: `deliver` sends nothing but what the payload says; it throws only
/// ``DeliveryError``, whose message and fix contain no secret; it may be called concurrently.
public protocol NetworkClient: Sendable {
    /// The network posted to.
    var network: SocialNetwork { get }
    /// The account's name, as errors and results name it.
    var account: String { get }
    /// What keeps a repeated request from posting twice, which decides whether a failure that
    /// may have reached the network can be retried.
    var duplicateProtection: DuplicateProtection { get }
    /// Every secret the client holds (tokens, passwords, webhook URLs), for redaction.
    var secrets: [String] { get }

    /// Posts `payload` (composed from `post`) and returns where it landed.
    ///
    /// - Throws: ``DeliveryError``.
    func deliver(_ payload: SharePayload, of post: Post) async throws(DeliveryError) -> Delivery
}

/// What stops a repeated request from creating a second post.
public enum DuplicateProtection: String, Sendable, Equatable, Codable {
    /// The request carries a key the network de-duplicates on (Mastodon's `Idempotency-Key`,
    /// Bluesky's record key): a repeat returns or collides with the first post.
    case idempotencyKey
    /// The network rejects a repeat of the same text as a duplicate (X, LinkedIn, Facebook),
    /// which Syndicate reads as "already posted".
    case rejectsDuplicates
    /// Nothing: a repeat posts twice (webhooks, Telegram), so a failure that may have reached
    /// the network is never retried blindly.
    case none
}
