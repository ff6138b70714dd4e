import Foundation

/// A post that reached an account: the network's id for it and its public address.
public struct Delivery: Sendable, Equatable, Hashable, Codable {
    /// The network.
    public var network: SocialNetwork
    /// The account's name.
    public var account: String
    /// The network's id of the post (of the first part, for a thread): a status id, an `at://`
    /// URI, a LinkedIn URN, a Telegram message id.
    public var remoteID: String
    /// The post's public web address, when the network gives one or it can be built.
    public var url: URL?
    /// For a thread, the ids of every part in order (the first is ``remoteID``); else empty.
    public var partIDs: [String]

    /// Creates a delivery.
    public init(network: SocialNetwork, account: String, remoteID: String, url: URL?, partIDs: [String] = []) {
        self.network = network
        self.account = account
        self.remoteID = remoteID
        self.url = url
        self.partIDs = partIDs
    }
}
