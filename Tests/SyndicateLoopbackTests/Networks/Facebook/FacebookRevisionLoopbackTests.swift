import Foundation
import Syndicate
import SyndicateLoopback
import SyndicateTestSupport
import Testing

extension ClientsOverLoopback {
    /// ``FacebookClient`` deletes and edits Page posts over real HTTP.
    @Suite("FacebookClient over loopback: retract and edit")
    struct FacebookRevisionLoopbackTests {
        typealias Harness = LoopbackClientHarness

        @Test("a delete twice: the post goes, and Graph's subcode 33 for the second counts as deleted", arguments: TransportKind.allCases)
        func deleteTwice(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                let client = try FacebookLoopback.client(server, Harness.environment(kind))
                let (_, copy) = try await Harness.posted(client)
                try await client.retract(copy)
                #expect(server.livePosts(on: .facebook).isEmpty)
                try await client.retract(copy)
                let requests = server.requests(to: .facebookPost)
                #expect(requests.map(\.method) == ["DELETE", "DELETE"])
                #expect(requests.first?.path == "/v21.0/\(copy.remoteID)")
                #expect(requests.first?.parameter("access_token") == LoopbackServer.token)
                #expect(requests.first?.parameter("appsecret_proof") == AppSecretProof.make(appSecret: "loopback-app-secret", accessToken: LoopbackServer.token))
            }
        }

        @Test("an edit changes the message in place; an edit of a deleted post is a clear error")
        func editThenEditDeleted() async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                let client = try FacebookLoopback.client(server, Harness.environment(.urlSession))
                let (post, copy) = try await Harness.posted(client)
                var corrected = post
                corrected.summary = "Correction: the secondments start in September."
                let payload = try Composer().payload(for: corrected, on: .facebook)
                let delivery = try await client.edit(copy, to: payload, of: corrected)
                #expect(delivery.remoteID == copy.remoteID)
                let live = try #require(server.livePosts(on: .facebook).first)
                #expect(live.text == payload.message ?? payload.text)
                #expect(live.previousTexts.count == 1)
                // The same text again is answered as before.
                _ = try await client.edit(copy, to: payload, of: corrected)

                try await client.retract(copy)
                do throws(DeliveryError) {
                    _ = try await client.edit(copy, to: payload, of: corrected)
                    Issue.record("expected an error")
                } catch {
                    #expect(error.message == "post \(copy.remoteID) is no longer on the Page")
                    #expect(error.fix.contains(RevisionSupport.repostAdvice))
                }
            }
        }

        @Test("several copies named as parts are all deleted, last first")
        func partsDeleted() async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                let client = try FacebookLoopback.client(server, Harness.environment(.urlSession))
                let (_, first) = try await Harness.posted(client, summary: "First part.")
                let (_, second) = try await Harness.posted(client, summary: "Second part.")
                let copy = PostedCopy(network: .facebook, account: "school", remoteID: first.remoteID, partIDs: [first.remoteID, second.remoteID])
                try await client.retract(copy)
                #expect(server.livePosts(on: .facebook).isEmpty)
                #expect(server.requests(to: .facebookPost).map(\.path) == ["/v21.0/\(second.remoteID)", "/v21.0/\(first.remoteID)"])
            }
        }

        @Test("a refused token is unauthorized; a 429 is rate limited with its reset; the post stays")
        func refusals() async throws {
            let configuration = LoopbackServer.Configuration(tokens: .only([LoopbackServer.token]), now: { DryRunHarness.now })
            try await LoopbackServer.withRunning(configuration: configuration) { server in
                let (_, copy) = try await Harness.posted(try FacebookLoopback.client(server, Harness.environment(.urlSession)))
                let expired = try FacebookLoopback.client(server, Harness.environment(.urlSession), token: "expired-page-token")
                do throws(DeliveryError) {
                    try await expired.retract(copy)
                    Issue.record("expected an error")
                } catch {
                    #expect(error.category == .unauthorized)
                    #expect(!error.description.contains("expired-page-token"))
                }
                server.script(.rateLimited(resetAfter: .seconds(300)), for: .facebookPost)
                let client = try FacebookLoopback.client(server, Harness.environment(.urlSession))
                do throws(DeliveryError) {
                    try await client.retract(copy)
                    Issue.record("expected an error")
                } catch {
                    #expect(error.category == .rateLimited)
                    #expect(error.retryAfter == Harness.now.addingTimeInterval(Harness.resetAfter))
                }
                #expect(server.livePosts(on: .facebook).count == 1)
            }
        }

        @Test("another token's post is answered as missing (subcode 33), which a delete cannot tell from gone: it stays")
        func someoneElses() async throws {
            let configuration = LoopbackServer.Configuration(tokens: .only([LoopbackServer.token, "other-page-token"]), now: { DryRunHarness.now })
            try await LoopbackServer.withRunning(configuration: configuration) { server in
                let (post, copy) = try await Harness.posted(try FacebookLoopback.client(server, Harness.environment(.urlSession)))
                let other = try FacebookLoopback.client(server, Harness.environment(.urlSession), token: "other-page-token")
                try await other.retract(copy)
                #expect(server.livePosts(on: .facebook).count == 1)
                let payload = try Composer().payload(for: post, on: .facebook)
                do throws(DeliveryError) {
                    _ = try await other.edit(copy, to: payload, of: post)
                    Issue.record("expected an error")
                } catch {
                    #expect(error.message == "post \(copy.remoteID) is no longer on the Page")
                }
            }
        }
    }
}
