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
    /// The network's ids of the images attached (media ids, blob CIDs, image URNs), in order.
    public var mediaIDs: [String]
    /// What the client changed or left out while delivering (an image it could not use, a
    /// caption moved to a follow-up message); empty when nothing.
    public var warnings: [String]

    /// Creates a delivery.
    public init(
        network: SocialNetwork, account: String, remoteID: String, url: URL?, partIDs: [String] = [], mediaIDs: [String] = [],
        warnings: [String] = []
    ) {
        self.network = network
        self.account = account
        self.remoteID = remoteID
        self.url = url
        self.partIDs = partIDs
        self.mediaIDs = mediaIDs
        self.warnings = warnings
    }

    private enum CodingKeys: String, CodingKey { case network, account, remoteID, url, partIDs, mediaIDs, warnings }

    /// Decodes a delivery; `mediaIDs` and `warnings` may be absent (ledgers written before them).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        network = try container.decode(SocialNetwork.self, forKey: .network)
        account = try container.decode(String.self, forKey: .account)
        remoteID = try container.decode(String.self, forKey: .remoteID)
        url = try container.decodeIfPresent(URL.self, forKey: .url)
        partIDs = try container.decodeIfPresent([String].self, forKey: .partIDs) ?? []
        mediaIDs = try container.decodeIfPresent([String].self, forKey: .mediaIDs) ?? []
        warnings = try container.decodeIfPresent([String].self, forKey: .warnings) ?? []
    }

    /// Encodes the delivery; `mediaIDs` and `warnings` only when not empty.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(network, forKey: .network)
        try container.encode(account, forKey: .account)
        try container.encode(remoteID, forKey: .remoteID)
        try container.encodeIfPresent(url, forKey: .url)
        try container.encode(partIDs, forKey: .partIDs)
        if !mediaIDs.isEmpty { try container.encode(mediaIDs, forKey: .mediaIDs) }
        if !warnings.isEmpty { try container.encode(warnings, forKey: .warnings) }
    }
}
