import Foundation
import Syndicate
import Testing

@Suite struct FeedValidatorsTests {
    let feed = "https://school.example/feed.xml"
    let validators = FeedFetcher.Validators(etag: "\"v1\"", lastModified: "Sun, 29 Nov 2026 06:00:00 GMT")

    func syndicator(_ ledger: any DeliveryLedger, run: String) -> FeedSyndicator {
        FeedSyndicator(poster: LedgerFixtures.poster(ledger, run: run))
    }

    @Test func noValidatorsForAFeedNeverRunOrKeptWithoutThem() async throws {
        #expect(try await InMemoryLedger().feedValidators(for: feed) == nil)
        let started = InMemoryLedger(feeds: [LedgerFeed(id: feed, startedAt: LedgerFixtures.now)])
        #expect(try await started.feedValidators(for: feed) == nil)
    }

    @Test func aCompleteRunKeepsTheValidatorsAndTheNextFetchSendsThem() async throws {
        let ledger = InMemoryLedger()
        let client = FakeClient.posting(.mastodon)
        _ = try await syndicator(ledger, run: "run-1").run(LedgerFixtures.posts(1...2), feed: feed, to: [client], options: .init(markSeen: true))
        let report = try await syndicator(ledger, run: "run-2").run(LedgerFixtures.posts(1...3), feed: feed, to: [client], options: .init())
        #expect(report.isComplete)
        #expect(try await ledger.keepFeedValidators(validators, after: report))
        #expect(try await ledger.feed(feed)?.etag == "\"v1\"")
        #expect(try await ledger.feed(feed)?.lastModified == "Sun, 29 Nov 2026 06:00:00 GMT")
        #expect(try await ledger.feedValidators(for: feed) == validators)
    }

    @Test func aRunThatLeavesAFailureKeepsNoValidatorsAndKeptOnesAreNotSentWhileAnEntryWaits() async throws {
        let ledger = InMemoryLedger(feeds: [
            LedgerFeed(id: feed, etag: "\"v0\"", startedAt: LedgerFixtures.now)
        ])
        let failing = FakeClient.failing(.mastodon, times: 1, with: .serverError)
        let report = try await syndicator(ledger, run: "run-1").run(
            LedgerFixtures.posts(1...1), feed: feed, to: [failing], options: .init())
        #expect(!report.isComplete)
        #expect(try await !ledger.keepFeedValidators(validators, after: report))
        // The run itself drops the validators it started with.
        #expect(try await ledger.feed(feed)?.etag == nil)
        var record = try #require(try await ledger.feed(feed))
        record.etag = "\"v0\""
        try await ledger.save(record)
        #expect(try await ledger.entries(postID: nil, feed: feed).map(\.state) == [.failed])
        #expect(try await ledger.feedValidators(for: feed) == nil)
    }

    @Test func aRunThatWasNotStartedKeepsNothing() async throws {
        let ledger = InMemoryLedger()
        let report = try await syndicator(ledger, run: "run-1").run(
            LedgerFixtures.posts(1...2), feed: feed, to: [FakeClient.posting(.mastodon)], options: .init())
        #expect(report.status == .notStarted)
        #expect(try await !ledger.keepFeedValidators(validators, after: report))
        #expect(try await ledger.feed(feed) == nil)
    }
}
