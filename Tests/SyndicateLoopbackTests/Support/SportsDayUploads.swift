import Crypto
import Foundation
import Syndicate
import SyndicateLoopback
import SyndicateTestSupport
import Testing

/// The two-image example as the upload networks' loopback tests use it: the post, its payload
/// for a network, and what the server should hold for its images (SHA-256 and alt text).
enum SportsDayUploads {
    /// What the server should hold for one image.
    typealias Expected = (sha256: String, alt: String?)

    /// The hex SHA-256 of `data`.
    static func sha256(_ data: Data) -> String {
        SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }

    /// `sports-day.md`, its payload for `network`, and the expected images.
    static func composed(for network: SocialNetwork) throws -> (Post, SharePayload, [Expected]) {
        let post = try DryRunHarness.examplePost("sports-day.md")
        let expected = try post.images.map { (sha256(try Data(contentsOf: $0.url)), $0.alt) }
        return (post, try Composer().payload(for: post, on: network), expected)
    }

    /// Checks that `post` holds the two images, in order, with their alt text.
    static func expectMedia(_ post: LoopbackPost?, _ expected: [Expected], sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(post?.media.map(\.sha256) == expected.map(\.sha256), sourceLocation: sourceLocation)
        #expect(post?.media.map(\.alt) == expected.map(\.alt), sourceLocation: sourceLocation)
        #expect(post?.media.map(\.contentType) == ["image/jpeg", "image/png"], sourceLocation: sourceLocation)
    }
}
