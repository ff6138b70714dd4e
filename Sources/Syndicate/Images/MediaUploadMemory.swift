import Crypto
import Foundation

/// Which image a network already holds for a post and account: the post's id, the network,
/// the account, and the digest of the bytes and alt text sent.
public struct MediaUploadKey: Sendable, Hashable, Codable {
    /// The post's ``Post/id``.
    public var postID: String
    /// The network.
    public var network: SocialNetwork
    /// The account's name.
    public var account: String
    /// The SHA-256 of the uploaded bytes, then of the alt text (``PreparedImage/sha256``-like hex).
    public var digest: String

    /// Creates a key.
    public init(postID: String, network: SocialNetwork, account: String, digest: String) {
        self.postID = postID
        self.network = network
        self.account = account
        self.digest = digest
    }

    /// The key of `image` uploaded for `postID` to `account` on `network`.
    public init(postID: String, network: SocialNetwork, account: String, image: PreparedImage) {
        let alt = SHA256.hash(data: Data(image.alt.utf8)).prefix(8).map { String(format: "%02x", $0) }.joined()
        self.init(postID: postID, network: network, account: account, digest: image.sha256 + ":" + alt)
    }
}

/// Remembers the media ids of uploaded images for as long as the network keeps unattached
/// media, so that a retry (after a 500 on the post, or a crash) attaches the image already
/// uploaded instead of uploading it again.
///
/// ``InMemoryMediaUploads`` serves one process; a ledger may keep them across runs.
public protocol MediaUploadMemory: Sendable {
    /// The media id uploaded under `key` that is still valid at `now`, if any.
    func mediaID(for key: MediaUploadKey, at now: Date) async -> String?
    /// Records that `id` was uploaded under `key` and stays usable until `expiry`.
    func remember(_ id: String, for key: MediaUploadKey, until expiry: Date) async
}

/// Media ids uploaded by this process, forgotten when they expire.
public actor InMemoryMediaUploads: MediaUploadMemory {
    private var entries: [MediaUploadKey: (id: String, expiry: Date)] = [:]

    /// Creates an empty memory.
    public init() {}

    public func mediaID(for key: MediaUploadKey, at now: Date) -> String? {
        guard let entry = entries[key] else { return nil }
        guard entry.expiry > now else {
            entries[key] = nil
            return nil
        }
        return entry.id
    }

    public func remember(_ id: String, for key: MediaUploadKey, until expiry: Date) {
        entries[key] = (id, expiry)
    }
}
