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

    /// What the network lets this client do to a post it made: delete it, edit it.
    var revisionSupport: RevisionSupport { get }

    /// Deletes `copy`, every part of a thread (the last first). A copy already gone (deleted by
    /// hand, or by an earlier attempt whose answer was lost) counts as deleted: no error.
    ///
    /// - Throws: ``DeliveryError``; `.unsupported` when the network cannot delete.
    func retract(_ copy: PostedCopy) async throws(DeliveryError)

    /// Replaces the text of `copy` with `payload`'s (composed from `post`), keeping its images,
    /// and returns the copy as it now stands.
    ///
    /// - Throws: ``DeliveryError``; `.unsupported` when the network cannot edit, or cannot
    ///   edit this copy into this payload (a thread whose number of parts changed).
    func edit(_ copy: PostedCopy, to payload: SharePayload, of post: Post) async throws(DeliveryError) -> Delivery
}

extension NetworkClient {
    /// Neither delete nor edit, unless the client says otherwise.
    public var revisionSupport: RevisionSupport {
        .none("this \(network.displayName) client cannot delete or edit what it posted; do it on \(network.displayName) by hand")
    }

    /// Throws `.unsupported` with ``revisionSupport``'s reason.
    public func retract(_ copy: PostedCopy) async throws(DeliveryError) {
        throw DeliveryError.unsupported(revisionSupport.retract, action: "delete", network: network, account: account)
    }

    /// Throws `.unsupported` with ``revisionSupport``'s reason.
    public func edit(_ copy: PostedCopy, to payload: SharePayload, of post: Post) async throws(DeliveryError) -> Delivery {
        throw DeliveryError.unsupported(revisionSupport.edit, action: "edit", network: network, account: account)
    }
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
