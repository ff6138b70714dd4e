import Foundation
import Syndicate
import SyndicateLoopback
import SyndicateTestSupport
import Testing

extension ClientsOverLoopback {
    /// Mastodon's deletes and edits over a real transport: a thread deleted last part first, a
    /// delete repeated, another account's status never read as deleted, an edit that keeps the
    /// images, an edit of a deleted status.
    @Suite("MastodonClient over loopback: retract and edit")
    struct MastodonRevisionLoopbackTests {
        typealias Harness = LoopbackClientHarness

        @Test("a thread is deleted last part first, and deleting again is not an error", arguments: TransportKind.allCases)
        func thread(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                let client = try MastodonLoopback.client(server, Harness.environment(kind))
                let (post, single) = try Harness.payload(for: .mastodon)
                var payload = single
                payload.parts = (1...3).map { SharePayload.ThreadPart(index: $0, text: "Part \($0) of the thread.", length: 24) }
                let delivery = try await client.deliver(payload, of: post)
                #expect(delivery.partIDs.count == 3)
                try await client.retract(PostedCopy(delivery))
                let deletes = server.requests(to: .mastodonStatus).filter { $0.method == "DELETE" }.map(\.path)
                #expect(deletes == delivery.partIDs.reversed().map { "/api/v1/statuses/\($0)" })
                #expect(server.livePosts(on: .mastodon).isEmpty)
                try await client.retract(PostedCopy(delivery))   // all gone: 404, confirmed by GET
            }
        }

        @Test("another account's token never records a live status as deleted", arguments: TransportKind.allCases)
        func anotherAccount(kind: TransportKind) async throws {
            let twoAccounts = LoopbackServer.Configuration(tokens: .only([LoopbackServer.token, "another-accounts-token"]), now: { Harness.now })
            try await LoopbackServer.withRunning(configuration: twoAccounts) { server in
                let (post, payload) = try Harness.payload(for: .mastodon)
                let delivery = try await MastodonLoopback.client(server, Harness.environment(kind)).deliver(payload, of: post)
                let other = try MastodonLoopback.client(server, Harness.environment(kind), token: "another-accounts-token")
                do throws(DeliveryError) {
                    try await other.retract(PostedCopy(delivery))
                    Issue.record("a delete of another account's status must fail")
                } catch {
                    #expect(error.category == .forbidden)
                    #expect(error.message.contains("still on"))
                    #expect(!error.description.contains("another-accounts-token"))
                }
                #expect(server.livePosts(on: .mastodon).count == 1)
            }
        }

        @Test("an edit keeps the images and an edit of a deleted status says it is gone", arguments: TransportKind.allCases)
        func edit(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                let client = try MastodonLoopback.client(server, Harness.environment(kind))
                let (post, images) = try ImageContractLoopbackTests.post(on: server)
                let payload = try Composer().payload(for: post, on: .mastodon)
                let delivery = try await client.deliver(payload, of: post)
                #expect(delivery.mediaIDs.count == 2)
                var corrected = payload
                corrected.text = "Correction: sports day moves to Friday. " + payload.text.prefix(200)
                let edited = try await client.edit(PostedCopy(delivery), to: corrected, of: post)
                #expect(edited.remoteID == delivery.remoteID && edited.mediaIDs == delivery.mediaIDs)
                let put = try #require(server.requests(to: .mastodonStatus).last)
                #expect(Harness.json(put)["media_ids"] as? [String] == delivery.mediaIDs)
                #expect(server.livePosts(on: .mastodon).first?.text == corrected.text)
                #expect(images.count == 2)

                try await client.retract(PostedCopy(delivery))
                do throws(DeliveryError) {
                    _ = try await client.edit(PostedCopy(delivery), to: corrected, of: post)
                    Issue.record("an edit of a deleted status must fail")
                } catch {
                    #expect(error.message.contains("no longer on the server"))
                }
            }
        }
    }
}
