import Foundation
import Syndicate
import Testing

@Suite struct LedgerClaimsTests {
    let key = LedgerEntry.Key(postID: "post-1", network: .mastodon, account: "school")
    let me = LedgerFixtures.owner("me")

    func context(_ protection: DuplicateProtection, alive: Bool = false, now: Date = LedgerFixtures.now) -> LedgerClaims.Context {
        LedgerClaims.Context(owner: me, protection: protection, payloadHash: "hash", now: now, isAlive: { _ in alive })
    }

    func entry(_ state: LedgerEntry.State, key: LedgerEntry.Key? = nil, owner: LedgerOwner? = nil) -> LedgerEntry {
        LedgerEntry(key: key ?? self.key, state: state, owner: owner, createdAt: LedgerFixtures.now)
    }

    @Test func aNewEntryIsClaimedAsPendingByThisRun() {
        var stored: LedgerEntry?
        let decision = LedgerClaims.claim(&stored, key: key, context: context(.none))
        #expect(decision == .send(previous: nil))
        #expect(stored?.state == .pending)
        #expect(stored?.owner?.run == "me")
        #expect(stored?.payloadHash == "hash")
        #expect(stored?.idempotencyKey == IdempotencyKey.make(postID: "post-1", network: .mastodon, account: "school"))
    }

    @Test(arguments: [LedgerEntry.State.posted, .alreadyPosted, .seen])
    func settledEntriesAreLeftAlone(state: LedgerEntry.State) {
        var stored: LedgerEntry? = entry(state)
        let before = stored
        #expect(LedgerClaims.claim(&stored, key: key, context: context(.idempotencyKey)) == .settled(before!))
        #expect(stored == before)
    }

    @Test func aFailedEntryIsClaimedAgain() {
        let failed = entry(.failed)
        var stored: LedgerEntry? = failed
        #expect(LedgerClaims.claim(&stored, key: key, context: context(.none)) == .send(previous: failed))
        #expect(stored?.state == .pending)
    }

    @Test func anUncertainEntryIsNeverSent() {
        let uncertain = entry(.uncertain)
        var stored: LedgerEntry? = uncertain
        #expect(LedgerClaims.claim(&stored, key: key, context: context(.idempotencyKey)) == .uncertain(uncertain, newlyMarked: false))
    }

    @Test(arguments: [DuplicateProtection.idempotencyKey, .rejectsDuplicates, .none])
    func aPendingEntryOfALiveRunIsBusy(protection: DuplicateProtection) {
        let pending = entry(.pending, owner: LedgerFixtures.owner())
        var stored: LedgerEntry? = pending
        #expect(LedgerClaims.claim(&stored, key: key, context: context(protection, alive: true)) == .busy(pending))
        #expect(stored == pending)
    }

    @Test(arguments: [
        (SocialNetwork.mastodon, DuplicateProtection.idempotencyKey), (.bluesky, .idempotencyKey), (.x, .rejectsDuplicates),
    ])
    func aPendingEntryOfADeadRunIsSentAgainWhenTheNetworkProtects(network: SocialNetwork, protection: DuplicateProtection) {
        let key = LedgerEntry.Key(postID: "post-1", network: network, account: "school")
        let pending = entry(.pending, key: key, owner: LedgerFixtures.owner())
        var stored: LedgerEntry? = pending
        #expect(LedgerClaims.claim(&stored, key: key, context: context(protection)) == .send(previous: pending))
        #expect(stored?.owner?.run == "me")
    }

    @Test func aPendingEntryOfADeadRunBecomesUncertainWithoutProtection() {
        let key = LedgerEntry.Key(postID: "post-1", network: .telegram, account: "school")
        var stored: LedgerEntry? = entry(.pending, key: key, owner: LedgerFixtures.owner())
        guard case .uncertain(let marked, newlyMarked: true) = LedgerClaims.claim(&stored, key: key, context: context(.none)) else {
            Issue.record("expected uncertain")
            return
        }
        #expect(marked.state == .uncertain)
        #expect(marked.owner == nil)
        #expect(stored == marked)
        #expect(
            marked.error
                == "the run that was sending it (pid 200 on test-host) stopped before recording the answer, so it may or may not be on Telegram account 'school'. Fix: look at Telegram account 'school'. If the post is there, nothing more to do (the entry stays and the post is skipped); if it is not, remove the entry (DeliveryLedger.forget(postID: \"post-1\", network: .telegram, account: \"school\")) and the next run posts it."
        )
    }

    @Test func aMastodonClaimOlderThanTheKeyLifetimeIsNotResent() {
        let pending = entry(.pending, owner: LedgerFixtures.owner(claimedAt: LedgerFixtures.now))
        var stored: LedgerEntry? = pending
        let later = LedgerFixtures.now.addingTimeInterval(3601)
        guard case .uncertain(_, newlyMarked: true) = LedgerClaims.claim(&stored, key: key, context: context(.idempotencyKey, now: later)) else {
            Issue.record("expected uncertain after the idempotency key expired")
            return
        }
        var fresh: LedgerEntry? = pending
        let soon = LedgerFixtures.now.addingTimeInterval(3599)
        #expect(LedgerClaims.claim(&fresh, key: key, context: context(.idempotencyKey, now: soon)) == .send(previous: pending))
    }

    @Test func aClaimFromAnotherHostIsHonouredUntilTheLeaseEnds() {
        let remote = entry(.pending, owner: LedgerFixtures.owner(host: "elsewhere"))
        var stored: LedgerEntry? = remote
        let within = context(.rejectsDuplicates, now: LedgerFixtures.now.addingTimeInterval(3599))
        #expect(LedgerClaims.claim(&stored, key: key, context: within) == .busy(remote))
        let after = context(.rejectsDuplicates, now: LedgerFixtures.now.addingTimeInterval(3601))
        #expect(LedgerClaims.claim(&stored, key: key, context: after) == .send(previous: remote))
    }

    @Test func aFailureThatMayHaveReachedAnUnprotectedNetworkIsRecordedUncertain() {
        let key = LedgerEntry.Key(postID: "post-1", network: .discord, account: "school")
        var stored: LedgerEntry?
        _ = LedgerClaims.claim(&stored, key: key, context: context(.none))
        let failure = DeliveryError(.timeout, network: .discord, account: "school", message: "no answer within the timeout")
        let result = DeliveryResult(network: .discord, account: "school", outcome: .failed(failure), attempts: 1, payload: nil)
        #expect(LedgerClaims.record(result, in: &stored, key: key, context: context(.none)) == .uncertain)
        #expect(stored?.errorCategory == .timeout)
        #expect(stored?.attempts == 1)
        #expect(stored?.owner == nil)
    }

    @Test func aFailureThatPostedNothingIsRecordedFailed() {
        var stored: LedgerEntry?
        _ = LedgerClaims.claim(&stored, key: key, context: context(.none))
        let failure = DeliveryError(.serverError, network: .mastodon, account: "school", message: "the server failed", status: 500)
        let result = DeliveryResult(network: .mastodon, account: "school", outcome: .failed(failure), attempts: 2, payload: nil)
        #expect(LedgerClaims.record(result, in: &stored, key: key, context: context(.idempotencyKey)) == .failed)
        #expect(stored?.error == failure.description)
        #expect(stored?.attempts == 2)
    }

    @Test func aDuplicateAnswerIsRecordedAlreadyPosted() {
        var stored: LedgerEntry?
        _ = LedgerClaims.claim(&stored, key: key, context: context(.rejectsDuplicates))
        let result = DeliveryResult(network: .x, account: "school", outcome: .alreadyPosted(nil), attempts: 1, payload: nil)
        #expect(LedgerClaims.record(result, in: &stored, key: key, context: context(.rejectsDuplicates)) == .alreadyPosted)
    }

    @Test func aPostingIsRecordedWithItsAddress() {
        var stored: LedgerEntry?
        _ = LedgerClaims.claim(&stored, key: key, context: context(.idempotencyKey))
        let delivery = Delivery(network: .mastodon, account: "school", remoteID: "110", url: URL(string: "https://m.example/@s/110"))
        let result = DeliveryResult(network: .mastodon, account: "school", outcome: .posted(delivery), attempts: 1, payload: nil)
        #expect(LedgerClaims.record(result, in: &stored, key: key, context: context(.idempotencyKey)) == .posted)
        #expect(stored?.remoteID == "110")
        #expect(stored?.url?.absoluteString == "https://m.example/@s/110")
        #expect(stored?.owner == nil)
    }
}
