import Foundation

/// When to try a failed delivery again: exponential backoff with jitter, honouring the
/// network's `Retry-After` or reset time, bounded in attempts and in total waiting.
///
/// Only what is safe is retried:
/// - errors that are not ``DeliveryError/isRetryable`` (bad credentials, a rejected payload, a
///   duplicate) never are;
/// - a failure that may have reached the network (a timeout, a broken connection, a 5xx) is
///   retried only when the client has ``DuplicateProtection`` (`idempotencyKey` or
///   `rejectsDuplicates`): otherwise a retry could post twice;
/// - a thread that broke off after some parts were posted is retried only with idempotency
///   keys (a repeat elsewhere would stop at the first part as a duplicate);
/// - a rate limit is waited out when its reset time falls within the remaining budget, and
///   reported otherwise.
public struct RetryPolicy: Sendable, Equatable {
    /// The most attempts in all, the first included.
    public var maximumAttempts: Int
    /// The wait before the second attempt; it doubles each time.
    public var baseDelay: Duration
    /// The longest single backoff wait (a reset time may be longer, within ``maximumTotalWait``).
    public var maximumDelay: Duration
    /// The most time spent waiting across all attempts of one delivery.
    public var maximumTotalWait: Duration
    /// How far each backoff wait is spread at random, as a fraction (0.2: ±20%).
    public var jitter: Double

    /// Creates a policy.
    public init(
        maximumAttempts: Int = 4, baseDelay: Duration = .seconds(1), maximumDelay: Duration = .seconds(30),
        maximumTotalWait: Duration = .seconds(120), jitter: Double = 0.2
    ) {
        self.maximumAttempts = max(1, maximumAttempts)
        self.baseDelay = baseDelay
        self.maximumDelay = maximumDelay
        self.maximumTotalWait = maximumTotalWait
        self.jitter = min(max(jitter, 0), 1)
    }

    /// Four attempts, 1 s doubling to at most 30 s, two minutes of waiting at most, ±20%.
    public static let `default` = RetryPolicy()
    /// One attempt, no retries.
    public static let never = RetryPolicy(maximumAttempts: 1)

    /// How long to wait before attempt `attempt + 1` after `error`, or nil to stop.
    ///
    /// - Parameters:
    ///   - error: The failure of attempt `attempt`.
    ///   - attempt: The attempt that failed, from 1.
    ///   - waited: The time already spent waiting for this delivery.
    ///   - protection: The client's duplicate protection.
    ///   - now: The current time, for reset times.
    ///   - random: A number in 0...1 for the jitter.
    public func delay(
        after error: DeliveryError, attempt: Int, waited: Duration, protection: DuplicateProtection, now: Date,
        random: Double = Double.random(in: 0...1)
    ) -> Duration? {
        guard error.isRetryable, attempt < maximumAttempts else { return nil }
        if error.mayHaveReachedNetwork && protection == .none { return nil }
        if !error.postedPartIDs.isEmpty && protection != .idempotencyKey { return nil }
        let remaining = maximumTotalWait - waited
        guard remaining > .zero else { return nil }
        let wait: Duration
        if let retryAfter = error.retryAfter {
            let seconds = max(0, retryAfter.timeIntervalSince(now))
            wait = .milliseconds(Int64((seconds * 1000).rounded(.up)))
        } else {
            let doubled = baseDelay * Int(1 << min(attempt - 1, 20))
            let capped = min(doubled, maximumDelay)
            let spread = 1 + jitter * (2 * min(max(random, 0), 1) - 1)
            wait = capped * spread
        }
        return wait <= remaining ? wait : nil
    }
}
