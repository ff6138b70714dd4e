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
    /// The images attached, in order, as the network stored them.
    public var media: [LoopbackMedia] = []
    /// Whether the network has deleted it since.
    public var isDeleted = false
    /// The texts it had before each edit, oldest first (empty when never edited).
    public var previousTexts: [String] = []

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

/// An image an emulated network accepted: what a test checks to know that the right image was
/// attached exactly once, with its alt text.
public struct LoopbackMedia: Sendable, Equatable, Hashable {
    /// The id the network gave it (media id, blob CID, image URN, photo id, or its URL for
    /// networks that fetch images themselves).
    public var id: String
    /// The media type the network stored (sniffed from the bytes where the network does).
    public var contentType: String
    /// The size in bytes (0 for an image given by URL).
    public var byteCount: Int
    /// The hex SHA-256 of the bytes (empty for an image given by URL).
    public var sha256: String
    /// The alt text, when the network has one.
    public var alt: String?
    /// The URL, for an image given by URL.
    public var url: String?

    /// Creates a record of an image.
    public init(id: String, contentType: String, byteCount: Int, sha256: String, alt: String? = nil, url: String? = nil) {
        self.id = id
        self.contentType = contentType
        self.byteCount = byteCount
        self.sha256 = sha256
        self.alt = alt
        self.url = url
    }
}
