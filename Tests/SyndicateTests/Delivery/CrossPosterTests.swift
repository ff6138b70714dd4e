import Foundation
import Syndicate
import SyndicateTestSupport
import Testing

/// A client whose answers are scripted, counting its calls.
final class ScriptedClient: NetworkClient, @unchecked Sendable {
    let network: SocialNetwork
    let account: String
    let duplicateProtection: DuplicateProtection
    var secrets: [String] { [] }
    private let lock = NSLock()
    private var script: [Result<Delivery, DeliveryError>]
    private(set) var calls = 0

    init(_ network: SocialNetwork, account: String = "a", protection: DuplicateProtection = .idempotencyKey, script: [Result<Delivery, DeliveryError>]) {
        self.network = network
        self.account = account
        self.duplicateProtection = protection
        self.script = script
    }

    func deliver(_ payload: SharePayload, of post: Post) async throws(DeliveryError) -> Delivery {
        let next: Result<Delivery, DeliveryError> = lock.withLock {
            calls += 1
            return script.count > 1 ? script.removeFirst() : script[0]
        }
        return try next.get()
    }
}

/// Records the waits asked for.
actor Waits {
    var all: [Duration] = []
    func add(_ wait: Duration) { all.append(wait) }
}

@Suite("CrossPoster")
struct CrossPosterTests {
    func delivery(_ network: SocialNetwork) -> Delivery {
        Delivery(network: network, account: "a", remoteID: "id-\(network.rawValue)", url: nil)
    }

    func failure(_ network: SocialNetwork, _ category: DeliveryError.Category, retryAfter: Date? = nil) -> DeliveryError {
        DeliveryError(category, network: network, account: "a", message: "scripted", retryAfter: retryAfter)
    }

    @Test("one failure neither hides nor undoes the others; results keep the clients' order")
    func independent() async throws {
        let post = try DryRunHarness.examplePost("ofsted-secondments.html")
        let clients: [ScriptedClient] = [
            ScriptedClient(.mastodon, script: [.success(delivery(.mastodon))]),
            ScriptedClient(.x, script: [.failure(failure(.x, .unauthorized))]),
            ScriptedClient(.bluesky, script: [.success(delivery(.bluesky))]),
            ScriptedClient(.linkedin, script: [.failure(failure(.linkedin, .duplicate))]),
        ]
        let results = await CrossPoster(maximumConcurrency: 2, environment: DryRunHarness.environment(DryRunTransport()))
            .deliver(post, to: clients)
        #expect(results.map(\.network) == [.mastodon, .x, .bluesky, .linkedin])
        #expect(results[0].delivery?.remoteID == "id-mastodon")
        #expect(results[1].error?.category == .unauthorized)
        #expect(results[1].attempts == 1)
        #expect(results[2].delivery?.remoteID == "id-bluesky")
        #expect(results[3].outcome == .alreadyPosted(nil))
    }

    @Test("a 5xx is retried with backoff when the client is protected, and not when it is not")
    func retries() async throws {
        let post = try DryRunHarness.examplePost("ofsted-secondments.html")
        let waits = Waits()
        let environment = DeliveryEnvironment(
            transport: DryRunTransport(), now: { DryRunHarness.now }, sleep: { await waits.add($0) })
        let protected = ScriptedClient(.mastodon, script: [.failure(failure(.mastodon, .serverError)), .failure(failure(.mastodon, .serverError)), .success(delivery(.mastodon))])
        let unprotected = ScriptedClient(.telegram, protection: .none, script: [.failure(failure(.telegram, .serverError)), .success(delivery(.telegram))])
        let poster = CrossPoster(retryPolicy: RetryPolicy(jitter: 0), environment: environment)
        let results = await poster.deliver(post, to: [protected, unprotected])
        #expect(results[0].delivery != nil)
        #expect(results[0].attempts == 3)
        #expect(protected.calls == 3)
        #expect(await waits.all == [.seconds(1), .seconds(2)])
        #expect(results[1].error?.category == .serverError)
        #expect(unprotected.calls == 1)
    }

    @Test("a rate limit is waited out until the reset time")
    func rateLimit() async throws {
        let post = try DryRunHarness.examplePost("ofsted-secondments.html")
        let waits = Waits()
        let environment = DeliveryEnvironment(transport: DryRunTransport(), now: { DryRunHarness.now }, sleep: { await waits.add($0) })
        let client = ScriptedClient(.x, protection: .none, script: [
            .failure(failure(.x, .rateLimited, retryAfter: DryRunHarness.now.addingTimeInterval(9))), .success(delivery(.x)),
        ])
        let result = await CrossPoster(environment: environment).deliver(post, through: client)
        #expect(result.delivery != nil)
        #expect(await waits.all == [.seconds(9)])
    }

    @Test("at most maximumConcurrency deliveries run at once")
    func concurrency() async throws {
        actor Gauge {
            var current = 0, peak = 0
            func enter() { current += 1; peak = max(peak, current) }
            func leave() { current -= 1 }
        }
        struct SlowClient: NetworkClient {
            let network = SocialNetwork.webhook
            let account: String
            let duplicateProtection = DuplicateProtection.none
            var secrets: [String] { [] }
            let gauge: Gauge
            func deliver(_ payload: SharePayload, of post: Post) async throws(DeliveryError) -> Delivery {
                await gauge.enter()
                try? await Task.sleep(for: .milliseconds(20))
                await gauge.leave()
                return Delivery(network: network, account: account, remoteID: account, url: nil)
            }
        }
        let gauge = Gauge()
        let post = try DryRunHarness.examplePost("ofsted-secondments.html")
        let clients = (0..<10).map { SlowClient(account: "a\($0)", gauge: gauge) }
        let results = await CrossPoster(maximumConcurrency: 3, environment: DryRunHarness.environment(DryRunTransport())).deliver(post, to: clients)
        #expect(results.map { $0.delivery?.remoteID } == (0..<10).map { "a\($0)" })
        #expect(await gauge.peak <= 3)
        #expect(await gauge.peak >= 2)
    }
}
