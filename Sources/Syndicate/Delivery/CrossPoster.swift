import Foundation
import Logging

/// Delivers one post to several accounts at once and reports on each: one failure never hides
/// or undoes the others.
///
/// For each client it composes the network's payload, delivers it, retries what
/// ``RetryPolicy`` allows, and turns a duplicate into ``DeliveryResult/Outcome/alreadyPosted(_:)``.
/// At most ``maximumConcurrency`` deliveries run at a time; results come back in the clients'
/// order.
///
/// ```swift
/// // import SyndicateCurl (or SyndicateURLSession for URLSessionTransport)
/// let environment = DeliveryEnvironment(transport: CurlTransport())
/// let clients = try [NetworkRegistry.builtIn.makeClient(settings: .environment(network: .mastodon), environment: environment)]
/// let results = await CrossPoster(environment: environment).deliver(post, to: clients)
/// for result in results { print(result.network, result.outcome) }
/// ```
public struct CrossPoster: Sendable {
    /// Composes each network's payload.
    public var composer: Composer
    /// When to retry.
    public var retryPolicy: RetryPolicy
    /// The most deliveries in flight at once.
    public var maximumConcurrency: Int
    /// The logger, clock and sleep used between attempts.
    public var environment: DeliveryEnvironment

    /// Creates a cross-poster.
    public init(
        composer: Composer = Composer(), retryPolicy: RetryPolicy = .default, maximumConcurrency: Int = 4,
        environment: DeliveryEnvironment
    ) {
        self.composer = composer
        self.retryPolicy = retryPolicy
        self.maximumConcurrency = max(1, maximumConcurrency)
        self.environment = environment
    }

    /// Delivers `post` through every client; one result per client, in the clients' order.
    public func deliver(_ post: Post, to clients: [any NetworkClient]) async -> [DeliveryResult] {
        await BoundedConcurrency.map(clients, maximum: maximumConcurrency) { client in await self.deliver(post, through: client) }
    }

    /// Composes and delivers `post` through one client, with retries.
    public func deliver(_ post: Post, through client: any NetworkClient) async -> DeliveryResult {
        let payload: SharePayload
        do {
            payload = try composer.payload(for: post, on: client.network)
        } catch {
            let failure = DeliveryError(
                .invalidPayload, network: client.network, account: client.account,
                message: "the post could not be composed: \(error)", mayHaveReachedNetwork: false,
                fix: "give the post a title, summary or link that fits, or change the \(client.network.displayName) template.")
            return DeliveryResult(network: client.network, account: client.account, outcome: .failed(failure), attempts: 0, payload: nil)
        }
        return await deliver(payload, of: post, through: client)
    }

    /// Delivers an already composed `payload` through one client, with retries.
    public func deliver(_ payload: SharePayload, of post: Post, through client: any NetworkClient) async -> DeliveryResult {
        var attempt = 0
        var waited = Duration.zero
        let metadata: Logger.Metadata = [
            "network": "\(client.network.rawValue)", "account": "\(client.account)", "post": "\(post.id)",
        ]
        while true {
            attempt += 1
            do {
                // Server-given media ids and client warnings are shown and stored: a secret a
                // server echoed into them is replaced, as in the post's own ids.
                var delivery = try await client.deliver(payload, of: post)
                let redactor = Redactor(secrets: client.secrets)
                delivery.mediaIDs = delivery.mediaIDs.map(redactor.redact)
                delivery.warnings = delivery.warnings.map(redactor.redact)
                environment.logger.info("posted \(delivery.remoteID)", metadata: metadata)
                return result(client, .posted(delivery), attempt, payload)
            } catch var error {
                let redactor = Redactor(secrets: client.secrets)
                error.message = redactor.redact(error.message)
                error.unattachedMediaIDs = error.unattachedMediaIDs.map(redactor.redact)
                if error.category == .duplicate {
                    environment.logger.info("already posted: \(error.message)", metadata: metadata)
                    return result(client, .alreadyPosted(error.existing), attempt, payload)
                }
                guard
                    let wait = retryPolicy.delay(
                        after: error, attempt: attempt, waited: waited, protection: client.duplicateProtection,
                        now: environment.now())
                else {
                    environment.logger.notice("failed: \(error.description)", metadata: metadata)
                    return result(client, .failed(error), attempt, payload)
                }
                environment.logger.notice("attempt \(attempt) failed (\(error.category.rawValue)); retrying in \(wait)", metadata: metadata)
                do {
                    try await environment.sleep(wait)
                } catch {
                    let cancelled = DeliveryError(.transport, network: client.network, account: client.account, message: "cancelled while waiting to retry")
                    return result(client, .failed(cancelled), attempt, payload)
                }
                waited += wait
            }
        }
    }

    private func result(_ client: any NetworkClient, _ outcome: DeliveryResult.Outcome, _ attempts: Int, _ payload: SharePayload) -> DeliveryResult {
        DeliveryResult(network: client.network, account: client.account, outcome: outcome, attempts: attempts, payload: payload)
    }
}
