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

    /// Applies a deletion or an edit to the post it names (the first with that id: ids are
    /// unique per network).
    mutating func apply(_ change: LoopbackPostChange) {
        switch change {
        case .deleted(let network, let id):
            if let index = posts.firstIndex(where: { $0.network == network && $0.id == id }) { posts[index].isDeleted = true }
        case .edited(let network, let id, let text):
            if let index = posts.firstIndex(where: { $0.network == network && $0.id == id }) {
                posts[index].previousTexts.append(posts[index].text)
                posts[index].text = text
            }
        }
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
