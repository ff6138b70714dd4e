import Foundation
import Syndicate
import Testing

@Suite struct FeedSyndicatorTests {
    let feed = "https://school.example/feed.xml"

    func syndicator(_ ledger: any DeliveryLedger, run: String = "run-1") -> FeedSyndicator {
        FeedSyndicator(poster: LedgerFixtures.poster(ledger, run: run))
    }

    @Test func aFirstRunWithoutMarkSeenOrSincePostsAndRecordsNothing() async throws {
        let ledger = InMemoryLedger()
        let counter = DeliveryCounter()
        let report = try await syndicator(ledger).run(
            LedgerFixtures.posts(1...5), feed: feed, to: [FakeClient.posting(.mastodon, counter: counter)], options: .init())
        #expect(report.status == .notStarted)
        #expect(report.itemCount == 5)
        #expect(await counter.total == 0)
        #expect(try await ledger.entries().isEmpty)
        #expect(try await ledger.feed(feed) == nil)
    }

    @Test func markSeenThenANewItemPostsExactlyOncePerAccount() async throws {
        let ledger = InMemoryLedger()
        let counter = DeliveryCounter()
        let clients: [any NetworkClient] = [
            FakeClient.posting(.mastodon, counter: counter), FakeClient.posting(.x, protection: .rejectsDuplicates, counter: counter),
        ]
        let seen = try await syndicator(ledger).run(LedgerFixtures.posts(1...5), feed: feed, to: clients, options: .init(markSeen: true))
        #expect(seen.status == .markedSeen)
        #expect(seen.markedSeen == 10)
        #expect(await counter.total == 0)

        let again = try await syndicator(ledger, run: "run-2").run(LedgerFixtures.posts(1...5), feed: feed, to: clients, options: .init())
        #expect(again.status == .delivered)
        #expect(await counter.total == 0)

        let added = try await syndicator(ledger, run: "run-3").run(LedgerFixtures.posts(1...6), feed: feed, to: clients, options: .init())
        #expect(await counter.counts == ["https://school.example/news/6": 2])
        #expect(added.isComplete)
        let twice = try await syndicator(ledger, run: "run-4").run(LedgerFixtures.posts(1...6), feed: feed, to: clients, options: .init())
        #expect(await counter.total == 2)
        #expect(twice.items.flatMap(\.results).allSatisfy { if case .settled = $0.outcome { true } else { false } })
    }

    @Test func anAccountAddedToARunningFeedStartsFromNowUnlessBackfilled() async throws {
        let ledger = InMemoryLedger()
        let counter = DeliveryCounter()
        let mastodon = FakeClient.posting(.mastodon, counter: counter)
        _ = try await syndicator(ledger).run(LedgerFixtures.posts(1...3), feed: feed, to: [mastodon], options: .init(markSeen: true))

        // Bluesky joins while items 1–3 are old news and item 4 is new: it gets item 4 only.
        let bluesky = FakeClient.posting(.bluesky, counter: counter)
        let joined = try await syndicator(ledger, run: "run-2").run(
            LedgerFixtures.posts(1...4), feed: feed, to: [mastodon, bluesky], options: .init())
        #expect(joined.newAccounts == ["bluesky:default"])
        #expect(joined.markedSeen == 3)
        #expect(await counter.counts == ["https://school.example/news/4": 2])
        let blueskyStates = try await ledger.entries().filter { $0.network == .bluesky }.map(\.state)
        #expect(blueskyStates == [.seen, .seen, .seen, .posted])

        // An account that already has entries is not new on the next run.
        let next = try await syndicator(ledger, run: "run-3").run(
            LedgerFixtures.posts(1...4), feed: feed, to: [mastodon, bluesky], options: .init())
        #expect(next.newAccounts.isEmpty)

        // With backfill, a newcomer gets every current item.
        let x = FakeClient.posting(.x, protection: .rejectsDuplicates, counter: counter)
        let backfilled = try await syndicator(ledger, run: "run-4").run(
            LedgerFixtures.posts(1...4), feed: feed, to: [mastodon, x], options: .init(backfill: true))
        #expect(backfilled.newAccounts == ["x:default"])
        #expect(backfilled.markedSeen == 0)
        #expect(await counter.total == 2 + 4)
    }

    @Test func sinceOnAFirstRunPostsTheNewerItemsOldestFirstAndRecordsTheRestSeen() async throws {
        let ledger = InMemoryLedger()
        let order = OrderRecorder()
        let client = FakeClient(network: .mastodon, account: "default", duplicateProtection: .idempotencyKey, counter: DeliveryCounter()) { post, _ in
            order.append(post.title)
            return nil
        }
        let since = LedgerFixtures.now.addingTimeInterval(3 * 86_400)   // items 3, 4, 5
        let report = try await syndicator(ledger).run(
            Array(LedgerFixtures.posts(1...5).reversed()), feed: feed, to: [client], options: .init(since: since))
        #expect(report.markedSeen == 2)
        #expect(order.values == ["News 3", "News 4", "News 5"])
        #expect(try await ledger.entries().filter { $0.state == .seen }.map(\.title) == ["News 1", "News 2"])
    }

    @Test func limitCapsTheItemsOfARunAndTheNextRunGoesOn() async throws {
        let ledger = InMemoryLedger(feeds: [LedgerFeed(id: feed, startedAt: LedgerFixtures.now)])
        let counter = DeliveryCounter()
        let clients: [any NetworkClient] = [FakeClient.posting(.mastodon, counter: counter)]
        let first = try await syndicator(ledger).run(LedgerFixtures.posts(1...5), feed: feed, to: clients, options: .init(limit: 2))
        #expect(await counter.total == 2)
        #expect(first.items.map(\.deferred) == [[], [], ["mastodon:default"], ["mastodon:default"], ["mastodon:default"]])
        #expect(!first.isComplete)
        let second = try await syndicator(ledger, run: "run-2").run(LedgerFixtures.posts(1...5), feed: feed, to: clients, options: .init())
        #expect(await counter.total == 5)
        #expect(second.isComplete)
    }

    @Test func aRateLimitedAccountWaitsForTheNextRunWhileOthersGoOn() async throws {
        let ledger = InMemoryLedger(feeds: [LedgerFeed(id: feed, startedAt: LedgerFixtures.now)])
        let limited = DeliveryCounter()
        let fine = DeliveryCounter()
        let clients: [any NetworkClient] = [
            FakeClient.failing(.x, times: 1, with: .rateLimited, protection: .rejectsDuplicates, counter: limited),
            FakeClient.posting(.mastodon, counter: fine),
        ]
        let first = try await syndicator(ledger).run(LedgerFixtures.posts(1...3), feed: feed, to: clients, options: .init())
        #expect(await limited.total == 1)
        #expect(await fine.total == 3)
        #expect(first.items.map(\.deferred) == [[], ["x:default"], ["x:default"]])
        _ = try await syndicator(ledger, run: "run-2").run(LedgerFixtures.posts(1...3), feed: feed, to: clients, options: .init())
        #expect(await limited.counts.values.sorted() == [1, 1, 2])
        #expect(try await ledger.entries().allSatisfy { $0.state == .posted })
    }

    @Test func oldestFirstSortsByDateOrReversesFeedOrder() {
        let dated = LedgerFixtures.posts(1...3)
        #expect(FeedSyndicator.oldestFirst([dated[1], dated[2], dated[0]]).map(\.title) == ["News 1", "News 2", "News 3"])
        var undated = dated
        undated[1].published = nil
        #expect(FeedSyndicator.oldestFirst(undated).map(\.title) == ["News 3", "News 2", "News 1"])
        #expect(FeedSyndicator.oldestFirst(dated + dated).count == 3)
    }
}

/// Records values in order from concurrent code.
final class OrderRecorder: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [String] = []

    func append(_ value: String) {
        lock.lock()
        stored.append(value)
        lock.unlock()
    }

    var values: [String] {
        lock.lock()
        defer { lock.unlock() }
        return stored
    }
}
