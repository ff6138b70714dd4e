import Foundation

/// A post as it stands on one account after it was posted: what ``NetworkClient/retract(_:)``
/// deletes and ``NetworkClient/edit(_:to:of:)`` changes.
///
/// The ledger records one for every post it delivered (``LedgerEntry/copy``); build one by hand
/// to act on a post Syndicate did not record.
///
/// ```swift
/// let copy = PostedCopy(network: .mastodon, account: "default", remoteID: "110000000000000001")
/// try await client.retract(copy)   // DELETE /api/v1/statuses/110000000000000001
/// ```
public struct PostedCopy: Sendable, Equatable, Hashable, Codable {
    /// The network.
    public var network: SocialNetwork
    /// The account's name.
    public var account: String
    /// The network's id of the post (of the first part, for a thread).
    public var remoteID: String
    /// For a thread, the ids of every part in order (the first is ``remoteID``); else empty.
    public var partIDs: [String]
    /// The post's public web address, when known.
    public var url: URL?
    /// The network's ids of the images attached, in order (an edit keeps them).
    public var mediaIDs: [String]

    /// Creates a copy.
    public init(
        network: SocialNetwork, account: String, remoteID: String, partIDs: [String] = [], url: URL? = nil,
        mediaIDs: [String] = []
    ) {
        self.network = network
        self.account = account
        self.remoteID = remoteID
        self.partIDs = partIDs
        self.url = url
        self.mediaIDs = mediaIDs
    }

    /// The copy a delivery made.
    public init(_ delivery: Delivery) {
        self.init(
            network: delivery.network, account: delivery.account, remoteID: delivery.remoteID, partIDs: delivery.partIDs,
            url: delivery.url, mediaIDs: delivery.mediaIDs)
    }

    /// The id of every part, in order: ``partIDs``, or ``remoteID`` alone for a single post.
    public var allIDs: [String] { partIDs.isEmpty ? [remoteID] : partIDs }
}
