import Foundation
import Syndicate

/// A network client whose answers a closure decides, counting every delivery per post.
struct FakeClient: NetworkClient {
    let network: SocialNetwork
    let account: String
    let duplicateProtection: DuplicateProtection
    var secrets: [String] { [] }
    let counter: DeliveryCounter
    /// The error for the delivery of `post` that is the client's `n`th in all; nil to post.
    let answer: @Sendable (Post, Int) -> DeliveryError?

    /// A client that always posts.
    static func posting(_ network: SocialNetwork, account: String = "default", protection: DuplicateProtection = .idempotencyKey, counter: DeliveryCounter = DeliveryCounter()) -> FakeClient {
        FakeClient(network: network, account: account, duplicateProtection: protection, counter: counter) { _, _ in nil }
    }

    /// A client whose first `failures` deliveries (of any post) fail with `category`.
    static func failing(
        _ network: SocialNetwork, times failures: Int, with category: DeliveryError.Category,
        protection: DuplicateProtection = .idempotencyKey, counter: DeliveryCounter = DeliveryCounter()
    ) -> FakeClient {
        FakeClient(network: network, account: "default", duplicateProtection: protection, counter: counter) { _, number in
            number <= failures ? DeliveryError(category, network: network, account: "default", message: "scripted \(category.rawValue)") : nil
        }
    }

    func deliver(_ payload: SharePayload, of post: Post) async throws(DeliveryError) -> Delivery {
        let number = await counter.count(post.id)
        if let error = answer(post, await counter.total) { throw error }
        return Delivery(network: network, account: account, remoteID: "\(network.rawValue)-\(post.id)", url: URL(string: "https://\(network.rawValue).example/\(number)"))
    }
}

/// Counts deliveries per post id.
actor DeliveryCounter {
    private(set) var counts: [String: Int] = [:]

    /// Counts one more delivery of `id` and returns how many there have been.
    func count(_ id: String) -> Int {
        counts[id, default: 0] += 1
        return counts[id]!
    }

    var total: Int { counts.values.reduce(0, +) }
}

enum LedgerFixtures {
    static let now = Date(timeIntervalSince1970: 1_767_225_600)

    /// Posts `first...last`, each published a day after the one before.
    static func posts(_ range: ClosedRange<Int>) -> [Post] {
        range.map { number in
            Post(
                id: "https://school.example/news/\(number)", title: "News \(number)",
                url: URL(string: "https://school.example/news/\(number)"),
                paragraphs: ["Item \(number) of the school news."],
                published: now.addingTimeInterval(Double(number) * 86_400))
        }
    }

    static func environment() -> DeliveryEnvironment {
        DeliveryEnvironment(transport: DryRunTransport(), now: { now }, sleep: { _ in })
    }

    static func poster(_ ledger: any DeliveryLedger, run: String = "run-1", alive: Bool = true) -> LedgeredPoster {
        LedgeredPoster(
            ledger: ledger, poster: CrossPoster(retryPolicy: .never, environment: environment()),
            owner: LedgerOwner(host: "test-host", pid: 100, processStart: nil, run: run, claimedAt: now),
            isAlive: { _ in alive })
    }

    static func owner(_ run: String = "other-run", host: String = "test-host", claimedAt: Date = now) -> LedgerOwner {
        LedgerOwner(host: host, pid: 200, processStart: nil, run: run, claimedAt: claimedAt)
    }
}
