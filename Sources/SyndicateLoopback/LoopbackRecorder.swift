import Foundation
import Syndicate

/// Every request the server received and every post its emulated networks created, in order.
struct LoopbackRecorder: Sendable {
    private(set) var requests: [LoopbackRequest] = []
    private(set) var posts: [LoopbackPost] = []

    mutating func record(_ request: LoopbackRequest) {
        requests.append(request)
    }

    mutating func record(_ post: LoopbackPost) {
        posts.append(post)
    }

    /// The posts created on `network`, in order.
    func posts(on network: SocialNetwork) -> [LoopbackPost] {
        posts.filter { $0.network == network }
    }

    mutating func removeAll() {
        requests.removeAll()
        posts.removeAll()
    }
}
