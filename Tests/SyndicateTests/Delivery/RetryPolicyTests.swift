import Foundation
import Syndicate
import Testing

@Suite("RetryPolicy")
struct RetryPolicyTests {
    let now = Date(timeIntervalSince1970: 1_767_225_600)

    func error(_ category: DeliveryError.Category, retryAfter: Date? = nil, reached: Bool? = nil) -> DeliveryError {
        DeliveryError(category, network: .x, account: "a", message: "m", retryAfter: retryAfter, mayHaveReachedNetwork: reached)
    }

    @Test("backoff doubles from the base delay, capped, with jitter inside its bounds")
    func backoff() {
        let policy = RetryPolicy(maximumAttempts: 6, baseDelay: .seconds(1), maximumDelay: .seconds(5), maximumTotalWait: .seconds(100), jitter: 0.2)
        let failure = error(.serverError)
        #expect(policy.delay(after: failure, attempt: 1, waited: .zero, protection: .idempotencyKey, now: now, random: 0.5) == .seconds(1))
        #expect(policy.delay(after: failure, attempt: 2, waited: .zero, protection: .idempotencyKey, now: now, random: 0.5) == .seconds(2))
        #expect(policy.delay(after: failure, attempt: 3, waited: .zero, protection: .idempotencyKey, now: now, random: 0.5) == .seconds(4))
        #expect(policy.delay(after: failure, attempt: 4, waited: .zero, protection: .idempotencyKey, now: now, random: 0.5) == .seconds(5))
        #expect(policy.delay(after: failure, attempt: 1, waited: .zero, protection: .idempotencyKey, now: now, random: 0) == .milliseconds(800))
        #expect(policy.delay(after: failure, attempt: 1, waited: .zero, protection: .idempotencyKey, now: now, random: 1) == .milliseconds(1200))
        #expect(policy.delay(after: failure, attempt: 6, waited: .zero, protection: .idempotencyKey, now: now) == nil)
    }

    @Test("a rate limit waits until the reset time, unless that is beyond the budget")
    func rateLimit() {
        let policy = RetryPolicy(maximumTotalWait: .seconds(60))
        let soon = error(.rateLimited, retryAfter: now.addingTimeInterval(42))
        #expect(policy.delay(after: soon, attempt: 1, waited: .zero, protection: .none, now: now) == .seconds(42))
        #expect(policy.delay(after: soon, attempt: 1, waited: .seconds(30), protection: .none, now: now) == nil)
        let late = error(.rateLimited, retryAfter: now.addingTimeInterval(3600))
        #expect(policy.delay(after: late, attempt: 1, waited: .zero, protection: .none, now: now) == nil)
    }

    @Test("what may have reached the network is retried only with duplicate protection")
    func safety() {
        let policy = RetryPolicy.default
        for category in [DeliveryError.Category.serverError, .timeout, .transport] {
            let failure = error(category)
            #expect(failure.mayHaveReachedNetwork)
            #expect(policy.delay(after: failure, attempt: 1, waited: .zero, protection: .none, now: now) == nil)
            #expect(policy.delay(after: failure, attempt: 1, waited: .zero, protection: .idempotencyKey, now: now) != nil)
            #expect(policy.delay(after: failure, attempt: 1, waited: .zero, protection: .rejectsDuplicates, now: now) != nil)
        }
        let refused = error(.transport, reached: false)
        #expect(policy.delay(after: refused, attempt: 1, waited: .zero, protection: .none, now: now) != nil)
    }

    @Test("errors a person must fix are never retried", arguments: [
        DeliveryError.Category.unauthorized, .forbidden, .duplicate, .invalidPayload, .missingCredential,
        .invalidConfiguration, .unexpectedResponse,
    ])
    func neverRetried(category: DeliveryError.Category) {
        #expect(RetryPolicy.default.delay(after: error(category), attempt: 1, waited: .zero, protection: .idempotencyKey, now: now) == nil)
        #expect(!error(category).isRetryable)
    }
}

@Suite("RetryPolicy and broken threads")
struct RetryPolicyThreadTests {
    @Test("a thread that broke off is retried only where every part has an idempotency key")
    func brokenThread() {
        let now = Date(timeIntervalSince1970: 1_767_225_600)
        let failure = DeliveryError(.serverError, network: .x, account: "a", message: "the server failed")
            .afterPostedParts(["111", "222"], of: 3)
        #expect(failure.description.contains("parts 1–2 of 3 of the thread were posted (ids 111, 222)"))
        #expect(failure.fix.contains("replies to 222"))
        #expect(RetryPolicy.default.delay(after: failure, attempt: 1, waited: .zero, protection: .rejectsDuplicates, now: now) == nil)
        #expect(RetryPolicy.default.delay(after: failure, attempt: 1, waited: .zero, protection: .idempotencyKey, now: now, random: 0.5) == .seconds(1))
    }
}
