import Foundation
import Syndicate
import Testing

@Suite struct LedgeredPosterTests {
    @Test func theSecondDeliveryOfAPostSendsNothing() async throws {
        let ledger = InMemoryLedger()
        let counter = DeliveryCounter()
        let clients: [any NetworkClient] = [
            FakeClient.posting(.mastodon, counter: counter), FakeClient.posting(.x, protection: .rejectsDuplicates, counter: counter),
        ]
        let post = LedgerFixtures.posts(1...1)[0]
        let first = await LedgerFixtures.poster(ledger).deliver(post, feed: nil, to: clients)
        let second = await LedgerFixtures.poster(ledger, run: "run-2").deliver(post, feed: nil, to: clients)
        #expect(first.map(\.isSettled) == [true, true])
        #expect(second.allSatisfy { if case .settled(let entry) = $0.outcome { entry.state == .posted } else { false } })
        #expect(await counter.total == 2)
        #expect(try await ledger.entries().map(\.state) == [.posted, .posted])
    }

    @Test func aFailedAccountIsRetriedByTheNextRunAndPostedOnce() async throws {
        let ledger = InMemoryLedger()
        let working = DeliveryCounter()
        let broken = DeliveryCounter()
        let clients: [any NetworkClient] = [
            FakeClient.posting(.mastodon, counter: working),
            FakeClient.failing(.bluesky, times: 1, with: .serverError, counter: broken),
        ]
        let post = LedgerFixtures.posts(1...1)[0]
        _ = await LedgerFixtures.poster(ledger).deliver(post, feed: nil, to: clients)
        // Entries sorted by network (bluesky, mastodon): the accounts run concurrently, so the
        // ledger's insertion order is not fixed.
        #expect(try await ledger.entries().sorted { $0.network.rawValue < $1.network.rawValue }.map(\.state) == [.failed, .posted])
        _ = await LedgerFixtures.poster(ledger, run: "run-2").deliver(post, feed: nil, to: clients)
        _ = await LedgerFixtures.poster(ledger, run: "run-3").deliver(post, feed: nil, to: clients)
        #expect(await working.counts == [post.id: 1])
        #expect(await broken.counts == [post.id: 2])
        let entries = try await ledger.entries().sorted { $0.network.rawValue < $1.network.rawValue }
        #expect(entries.map(\.state) == [.posted, .posted])
        #expect(entries.map(\.attempts) == [2, 1])
    }

    @Test func concurrentRunsOverOneLedgerSendEachPostOnce() async throws {
        let ledger = InMemoryLedger()
        let counter = DeliveryCounter()
        let clients: [any NetworkClient] = [
            FakeClient.posting(.mastodon, counter: counter), FakeClient.posting(.telegram, protection: .none, counter: counter),
        ]
        let posts = LedgerFixtures.posts(1...40)
        await withTaskGroup(of: Void.self) { group in
            for run in 1...4 {
                group.addTask {
                    let poster = LedgerFixtures.poster(ledger, run: "run-\(run)", alive: true)
                    for post in posts { _ = await poster.deliver(post, feed: nil, to: clients) }
                }
            }
        }
        let counts = await counter.counts
        #expect(counts.count == 40)
        #expect(counts.values.allSatisfy { $0 == 2 })
        #expect(try await ledger.entries().filter { $0.state == .posted }.count == 80)
    }

    @Test func aComposingFailureIsRecordedFailedWithoutSending() async throws {
        let ledger = InMemoryLedger()
        let counter = DeliveryCounter()
        let post = Post(id: "empty", title: "")
        let results = await LedgerFixtures.poster(ledger).deliver(post, feed: nil, to: [FakeClient.posting(.mastodon, counter: counter)])
        #expect(results.first?.delivery?.error?.category == .invalidPayload)
        #expect(await counter.total == 0)
        #expect(try await ledger.entries().map(\.state) == [.failed])
    }
}
