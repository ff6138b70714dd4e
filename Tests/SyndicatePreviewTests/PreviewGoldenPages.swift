import Foundation
import Syndicate
import SyndicatePreview
import SyndicateTestSupport

/// The golden preview pages: which posts each one draws, on every network with the default
/// composer. Shared by the golden test and the browser test.
enum PreviewGoldenPages {
    struct Page: Sendable {
        /// The golden's name, without `.html`.
        var name: String
        /// The posts and their payloads.
        var previews: @Sendable () throws -> [PostPreview]
    }

    /// `posts` composed for every network.
    static func previews(_ posts: [Post]) throws -> [PostPreview] {
        try posts.map { PostPreview(post: $0, payloads: try Composer().payloads(for: $0, on: SocialNetwork.allCases)) }
    }

    static let all: [Page] = [
        Page(name: "preview-ofsted-secondments-html") { try previews([try DryRunHarness.examplePost("ofsted-secondments.html")]) },
    ]
}
