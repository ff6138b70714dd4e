import Crypto
import Foundation

/// The key that makes a repeated delivery of the same post to the same account recognisable:
/// the same post id, network and account always give the same key.
///
/// Mastodon receives it as `Idempotency-Key`; Bluesky derives its record key from it; the
/// ledger stores it. It is a hex SHA-256, so it reveals nothing of the post or account.
package enum IdempotencyKey {
    /// The key of `postID` on `account` of `network` (64 lowercase hex digits).
    ///
    /// - Parameters:
    ///   - postID: ``Post/id``.
    ///   - network: The network.
    ///   - account: The account's name.
    ///   - part: The thread part (from 1); 1 for a single post.
    package static func make(postID: String, network: SocialNetwork, account: String, part: Int = 1) -> String {
        let material = "syndicate\u{1F}\(postID)\u{1F}\(network.rawValue)\u{1F}\(account)\u{1F}\(part)"
        return SHA256.hash(data: Data(material.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
