import Foundation
import Syndicate
import SyndicateLoopback
import SyndicateTestSupport
import Testing

extension ClientsOverLoopback {
    /// ``TumblrClient`` deletes and edits posts over real HTTP, signed.
    @Suite("TumblrClient over loopback: retract and edit")
    struct TumblrRevisionLoopbackTests {
        typealias Harness = LoopbackClientHarness

        @Test("a delete twice: the signed form is accepted, and the 404 for the second counts as deleted", arguments: TransportKind.allCases)
        func deleteTwice(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                let client = try TumblrLoopback.client(server, Harness.environment(kind))
                let (_, copy) = try await Harness.posted(client)
                try await client.retract(copy)
                #expect(server.livePosts(on: .tumblr).isEmpty)
                try await client.retract(copy)
                let requests = server.requests(to: .tumblrPostDelete)
                #expect(requests.count == 2)
                #expect(requests.first?.path == "/v2/blog/\(TumblrLoopback.blog)/post/delete")
                #expect(requests.first?.parameter("id") == copy.remoteID)
            }
        }

        @Test("an edit replaces the content in place; an edit of a deleted post is a clear error")
        func editThenEditDeleted() async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                let client = try TumblrLoopback.client(server, Harness.environment(.urlSession))
                let (post, copy) = try await Harness.posted(client)
                var corrected = post
                corrected.summary = "Correction: the secondments start in September."
                let payload = try Composer().payload(for: corrected, on: .tumblr)
                let delivery = try await client.edit(copy, to: payload, of: corrected)
                #expect(delivery.remoteID == copy.remoteID)
                let live = try #require(server.livePosts(on: .tumblr).first)
                #expect(live.text.contains("Correction: the secondments start in September."))
                #expect(live.previousTexts.count == 1)
                #expect(server.requests(to: .tumblrPost).first?.method == "PUT")
                _ = try await client.edit(copy, to: payload, of: corrected)

                try await client.retract(copy)
                do throws(DeliveryError) {
                    _ = try await client.edit(copy, to: payload, of: corrected)
                    Issue.record("expected an error")
                } catch {
                    #expect(error.status == 404)
                    #expect(error.message == "post \(copy.remoteID) is no longer on the blog")
                    #expect(error.fix.contains(RevisionSupport.repostAdvice))
                }
            }
        }

        @Test("several copies named as parts are all deleted, last first")
        func partsDeleted() async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                let client = try TumblrLoopback.client(server, Harness.environment(.urlSession))
                let (_, first) = try await Harness.posted(client, summary: "First part.")
                let (_, second) = try await Harness.posted(client, summary: "Second part.")
                let copy = PostedCopy(network: .tumblr, account: "school", remoteID: first.remoteID, partIDs: [first.remoteID, second.remoteID])
                try await client.retract(copy)
                #expect(server.livePosts(on: .tumblr).isEmpty)
                #expect(server.requests(to: .tumblrPostDelete).map { $0.parameter("id") } == [second.remoteID, first.remoteID])
            }
        }

        @Test("a wrong signature is unauthorized, another account's post forbidden, a 429 rate limited; the post stays")
        func refusals() async throws {
            let configuration = LoopbackServer.Configuration(tokens: .only([LoopbackServer.token, "other-account-token"]), now: { DryRunHarness.now })
            try await LoopbackServer.withRunning(configuration: configuration) { server in
                let (_, copy) = try await Harness.posted(try TumblrLoopback.client(server, Harness.environment(.urlSession)))
                let clients: [(TumblrClient, DeliveryError.Category)] = [
                    (try TumblrLoopback.client(server, Harness.environment(.urlSession), tokenSecret: "stolen-but-wrong"), .unauthorized),
                    (try TumblrLoopback.client(server, Harness.environment(.urlSession), token: "other-account-token"), .forbidden),
                ]
                for (client, category) in clients {
                    do throws(DeliveryError) {
                        try await client.retract(copy)
                        Issue.record("expected \(category)")
                    } catch {
                        #expect(error.category == category)
                        #expect(!error.description.contains("stolen-but-wrong"))
                    }
                }
                server.script(.rateLimited(resetAfter: .seconds(300)), for: .tumblrPostDelete)
                let client = try TumblrLoopback.client(server, Harness.environment(.urlSession))
                do throws(DeliveryError) {
                    try await client.retract(copy)
                    Issue.record("expected an error")
                } catch {
                    #expect(error.category == .rateLimited)
                    #expect(error.status == 429)
                }
                #expect(server.livePosts(on: .tumblr).count == 1)
            }
        }
    }
}
