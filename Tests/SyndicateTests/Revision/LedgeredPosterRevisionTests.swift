import Foundation
import Testing

@testable import Syndicate

/// ``LedgeredPoster/retract(postID:through:)`` and ``LedgeredPoster/update(_:through:repost:)``
/// over an in-memory ledger and a network in memory.
@Suite struct LedgeredPosterRevisionTests {
    static let post = LedgerFixtures.posts(1...1)[0]

    static func corrected(_ post: Post) -> Post {
        var corrected = post
        corrected.summary = "Correction: item 1 was moved to Tuesday."
        return corrected
    }

    static func key(_ client: any NetworkClient, _ post: Post = post) -> LedgerEntry.Key {
        LedgerEntry.Key(postID: post.id, network: client.network, account: client.account)
    }

    @Test func retractDeletesTheRecordedCopyAndNoLaterDeliveryPostsItAgain() async throws {
        let ledger = InMemoryLedger()
        let poster = LedgerFixtures.poster(ledger)
        let client = RevisingClient()
        _ = await poster.deliver(Self.post, feed: nil, through: client)
        #expect(await client.state.posts.count == 1)

        let result = await poster.retract(postID: Self.post.id, through: client)
        #expect(result.outcome == .retracted(PostedCopy(network: .mastodon, account: "default", remoteID: "id-1", url: URL(string: "https://fake.example/id-1"))))
        #expect(await client.state.posts.isEmpty)
        let entry = try #require(try await ledger.entry(Self.key(client)))
        #expect(entry.state == .retracted && entry.remoteID == "id-1")
        #expect(entry.state.isSettled)

        let again = await poster.deliver(Self.post, feed: nil, through: client)
        #expect(again.outcome == .settled(entry))
        let syndicated = try await FeedSyndicator(poster: poster).run([Self.post], feed: "f", to: [client], options: .init(markSeen: false, since: .distantPast))
        #expect(syndicated.itemCount == 1)
        #expect(await client.state.calls == ["deliver", "retract id-1"], "nothing posted again")
        #expect(await poster.retract(postID: Self.post.id, through: client).outcome == .noCopy(entry))
    }

    @Test func aThreadIsRetractedLastPartFirstAndEditedPartByPart() async throws {
        let ledger = InMemoryLedger()
        var poster = LedgerFixtures.poster(ledger)
        poster.poster.composer = Composer(configuration: ComposerConfiguration(threading: true))
        var long = Self.post
        long.summary = String(repeating: "A sentence about the school's long news item. ", count: 30)
        let client = RevisingClient()
        let posted = await poster.deliver(long, feed: nil, through: client)
        let parts = try #require(posted.delivery?.delivery?.partIDs)
        #expect(parts.count > 1)
        #expect(try await ledger.entry(Self.key(client, long))?.partIDs == parts)

        // The update composes a thread again although this poster does not thread.
        let plain = LedgerFixtures.poster(ledger)
        var edited = long
        edited.summary = String(repeating: "A corrected sentence about the school's news item. ", count: 28)
        let result = await plain.update(edited, through: client)
        guard case .edited = result.outcome else {
            Issue.record("\(result.outcome)")
            return
        }
        let retracted = await plain.retract(postID: long.id, through: client)
        guard case .retracted = retracted.outcome else {
            Issue.record("\(retracted.outcome)")
            return
        }
        let calls = await client.state.calls
        #expect(calls.suffix(parts.count) == parts.reversed().map { "retract \($0)" })
    }

    @Test func updateLeavesAnUnchangedCopyAloneAndRecordsAnEdit() async throws {
        let ledger = InMemoryLedger()
        let poster = LedgerFixtures.poster(ledger)
        let client = RevisingClient()
        _ = await poster.deliver(Self.post, feed: nil, through: client)
        let unchanged = await poster.update(Self.post, through: client)
        guard case .unchanged = unchanged.outcome else {
            Issue.record("\(unchanged.outcome)")
            return
        }
        #expect(await client.state.calls == ["deliver"])

        let corrected = Self.corrected(Self.post)
        let edited = await poster.update(corrected, through: client)
        guard case .edited(let delivery) = edited.outcome else {
            Issue.record("\(edited.outcome)")
            return
        }
        #expect(delivery.remoteID == "id-1")
        let text = try poster.poster.composer.payload(for: corrected, on: .mastodon).text
        #expect(await client.state.posts["id-1"] == text)
        let entry = try #require(try await ledger.entry(Self.key(client)))
        #expect(entry.postedText == text)
        #expect(entry.payloadHash == LedgerClaims.payloadHash(try poster.poster.composer.payload(for: corrected, on: .mastodon)))
        let again = await poster.update(corrected, through: client)
        guard case .unchanged = again.outcome else {
            Issue.record("\(again.outcome)")
            return
        }
    }

    @Test func aNetworkThatCannotEditIsReportedUnlessRepostIsAsked() async throws {
        let ledger = InMemoryLedger()
        let poster = LedgerFixtures.poster(ledger)
        let client = RevisingClient(.x, support: .deleteOnly(.x))
        _ = await poster.deliver(Self.post, feed: nil, through: client)
        let corrected = Self.corrected(Self.post)

        let refused = await poster.update(corrected, through: client)
        #expect(refused.error?.category == .unsupported)
        #expect(refused.error?.fix.contains(RevisionSupport.repostAdvice) == true)
        #expect(await client.state.calls == ["deliver"])

        let reposted = await poster.update(corrected, through: client, repost: true)
        guard case .reposted(let delivery, let old) = reposted.outcome else {
            Issue.record("\(reposted.outcome)")
            return
        }
        #expect(old.remoteID == "id-1" && delivery.remoteID == "id-2")
        #expect(await client.state.calls == ["deliver", "retract id-1", "deliver"])
        // The repost goes out under an id of its own: no idempotency key of the deleted copy.
        #expect(await client.state.deliveredPostIDs == [Self.post.id, Self.post.id + "#repost-1"])
        let entry = try #require(try await ledger.entry(Self.key(client)))
        #expect(entry.state == .posted && entry.remoteID == "id-2" && entry.revision == 1)
        #expect(entry.idempotencyKey == IdempotencyKey.make(postID: Self.post.id + "#repost-1", network: .x, account: "default"))
        #expect(entry.postedText == (try poster.poster.composer.payload(for: corrected, on: .x).text))
    }

    @Test func aRepostWhosePostingFailedIsFinishedByTheNextRepost() async throws {
        let ledger = InMemoryLedger()
        let poster = LedgerFixtures.poster(ledger)
        let client = RevisingClient(.bluesky, support: .deleteOnly(.bluesky))
        _ = await poster.deliver(Self.post, feed: nil, through: client)
        await client.state.script(DeliveryError(.invalidPayload, network: .bluesky, account: "default", message: "scripted"), for: "deliver")
        let corrected = Self.corrected(Self.post)

        let failed = await poster.update(corrected, through: client, repost: true)
        #expect(failed.error?.message.contains("the old copy (id-1) was deleted") == true, "\(failed.outcome)")
        let pending = try #require(try await ledger.entry(Self.key(client)))
        #expect(pending.state == .repostPending && pending.revision == 1)
        // Neither a feed run nor a plain update posts it.
        #expect(await poster.deliver(corrected, feed: nil, through: client).outcome == .settled(pending))
        #expect(await poster.update(corrected, through: client).outcome == .noCopy(pending))
        #expect(await client.state.posts.isEmpty)

        let finished = await poster.update(corrected, through: client, repost: true)
        guard case .reposted(_, let old) = finished.outcome else {
            Issue.record("\(finished.outcome)")
            return
        }
        #expect(old.remoteID == "id-1")
        // Both attempts of the repost went out under the same id (the same keys).
        #expect(await client.state.deliveredPostIDs.suffix(2) == [Self.post.id + "#repost-1", Self.post.id + "#repost-1"])
        #expect(await client.state.posts.count == 1)
        // Once reposted, the same version is unchanged.
        guard case .unchanged = await poster.update(corrected, through: client, repost: true).outcome else {
            Issue.record("the reposted version reads as changed")
            return
        }
    }

    @Test func aCopyRetractedOnPurposeIsNotBroughtBackByARepost() async throws {
        let ledger = InMemoryLedger()
        let poster = LedgerFixtures.poster(ledger)
        let client = RevisingClient(.x, support: .deleteOnly(.x))
        _ = await poster.deliver(Self.post, feed: nil, through: client)
        _ = await poster.retract(postID: Self.post.id, through: client)
        let entry = try #require(try await ledger.entry(Self.key(client)))
        #expect(await poster.update(Self.corrected(Self.post), through: client, repost: true).outcome == .noCopy(entry))
        #expect(await client.state.posts.isEmpty)
    }

    @Test func aFailedDeleteLeavesTheEntryPostedForTheNextRun() async throws {
        let ledger = InMemoryLedger()
        let poster = LedgerFixtures.poster(ledger)
        let client = RevisingClient()
        _ = await poster.deliver(Self.post, feed: nil, through: client)
        await client.state.script(DeliveryError(.unauthorized, network: .mastodon, account: "default", message: "scripted"), for: "retract")
        let failed = await poster.retract(postID: Self.post.id, through: client)
        #expect(failed.error?.category == .unauthorized)
        #expect(try await ledger.entry(Self.key(client))?.state == .posted)
        let retried = await poster.retract(postID: Self.post.id, through: client)
        guard case .retracted = retried.outcome else {
            Issue.record("\(retried.outcome)")
            return
        }
    }

    @Test func aLedgerThatCannotRecordTheRetractionSaysTheCopyIsGone() async throws {
        let ledger = FailingWritesLedger()
        let poster = LedgerFixtures.poster(ledger)
        let client = RevisingClient()
        _ = await poster.deliver(Self.post, feed: nil, through: client)
        ledger.failing = true
        let result = await poster.retract(postID: Self.post.id, through: client)
        guard case .ledgerFailed(_, let sent) = result.outcome else {
            Issue.record("\(result.outcome)")
            return
        }
        #expect(sent)
        #expect(await client.state.posts.isEmpty)
        ledger.failing = false
        // The next run deletes again (already gone counts as deleted) and records it.
        let again = await poster.retract(postID: Self.post.id, through: client)
        guard case .retracted = again.outcome else {
            Issue.record("\(again.outcome)")
            return
        }
        #expect(try await ledger.entry(Self.key(client))?.state == .retracted)
    }

    @Test("entries without a copy are not acted on", arguments: [LedgerEntry.State.failed, .uncertain, .seen, .pending])
    func noCopy(state: LedgerEntry.State) async throws {
        let ledger = InMemoryLedger()
        let client = RevisingClient()
        let entry = LedgerEntry(key: Self.key(client), state: state, remoteID: state == .seen ? nil : "id-9", createdAt: LedgerFixtures.now)
        _ = try await ledger.insertIfAbsent([entry])
        let poster = LedgerFixtures.poster(ledger)
        #expect(await poster.retract(postID: Self.post.id, through: client).outcome == .noCopy(entry))
        #expect(await poster.update(Self.corrected(Self.post), through: client, repost: true).outcome == .noCopy(entry))
        #expect(await client.state.calls.isEmpty)
    }

    @Test func aRetractionRecordedAfterAConcurrentRepostLeavesTheNewCopy() {
        let old = PostedCopy(network: .x, account: "default", remoteID: "id-1")
        var entry: LedgerEntry? = LedgerEntry(
            key: LedgerEntry.Key(postID: "p", network: .x, account: "default"), state: .posted, remoteID: "id-2", createdAt: LedgerFixtures.now)
        let before = entry
        #expect(!LedgerRevisions.recordRetracted(old, in: &entry, now: LedgerFixtures.now))
        #expect(entry == before)
    }
}
