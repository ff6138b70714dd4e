import Foundation
import Syndicate

/// A post an emulated network created: what a test checks to know that exactly one status,
/// tweet or message exists.
public struct LoopbackPost: Sendable, Equatable {
    /// The network.
    public var network: SocialNetwork
    /// The id the network gave it (`"110000000000000001"`, an `at://` URI, a LinkedIn URN…).
    public var id: String
    /// The text (status, tweet, commentary, message…).
    public var text: String
    /// Who posted it: the token, DID, page or chat it was posted as or to.
    public var author: String
    /// The id of the post it replies to, when it is a reply.
    public var replyTo: String?
    /// The `Idempotency-Key` it was created with (Mastodon).
    public var idempotencyKey: String?

    /// Creates a record of a post.
    public init(network: SocialNetwork, id: String, text: String, author: String, replyTo: String? = nil, idempotencyKey: String? = nil) {
        self.network = network
        self.id = id
        self.text = text
        self.author = author
        self.replyTo = replyTo
        self.idempotencyKey = idempotencyKey
    }
}
