import Foundation
import Syndicate
import SyndicateLoopback
import SyndicateTestSupport
import Testing

extension ClientsOverLoopback {
    /// ``LinkedInClient`` deletes and edits posts over real HTTP.
    @Suite("LinkedInClient over loopback: retract and edit")
    struct LinkedInRevisionLoopbackTests {
        typealias Harness = LoopbackClientHarness

        @Test("a delete twice: 204 both times, the post gone once", arguments: TransportKind.allCases)
        func deleteTwice(kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                let client = try LinkedInLoopback.client(server, Harness.environment(kind))
                let (_, copy) = try await Harness.posted(client)
                try await client.retract(copy)
                #expect(server.livePosts(on: .linkedin).isEmpty)
                try await client.retract(copy)
                let requests = server.requests(to: .linkedInPost)
                #expect(requests.map(\.method) == ["DELETE", "DELETE"])
                #expect(requests.first?.headers["X-RestLi-Method"] == "DELETE")
                #expect(requests.first?.path.lowercased() == "/rest/posts/" + copy.remoteID.replacingOccurrences(of: ":", with: "%3a"))
            }
        }

        @Test("an edit sets the commentary in place; an edit of a deleted post is a clear error")
        func editThenEditDeleted() async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                let client = try LinkedInLoopback.client(server, Harness.environment(.urlSession))
                let (post, copy) = try await Harness.posted(client)
                var corrected = post
                corrected.summary = "Correction: the secondments start in September (not January)."
                let payload = try Composer().payload(for: corrected, on: .linkedin)
                let delivery = try await client.edit(copy, to: payload, of: corrected)
                #expect(delivery.remoteID == copy.remoteID)
                let live = try #require(server.livePosts(on: .linkedin).first)
                #expect(live.text == payload.commentary)
                #expect(live.text.contains(#"\(not January\)"#))
                #expect(live.previousTexts.count == 1)
                let request = try #require(server.requests(to: .linkedInPost).last)
                #expect(request.headers["X-RestLi-Method"] == "PARTIAL_UPDATE")
                _ = try await client.edit(copy, to: payload, of: corrected)

                try await client.retract(copy)
                do throws(DeliveryError) {
                    _ = try await client.edit(copy, to: payload, of: corrected)
                    Issue.record("expected an error")
                } catch {
                    #expect(error.status == 404)
                    #expect(error.message == "post \(copy.remoteID) is no longer on LinkedIn")
                    #expect(error.fix.contains(RevisionSupport.repostAdvice))
                }
            }
        }

        @Test("several copies named as parts are all deleted, last first")
        func partsDeleted() async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                let client = try LinkedInLoopback.client(server, Harness.environment(.urlSession))
                let (_, first) = try await Harness.posted(client, summary: "First part.")
                let (_, second) = try await Harness.posted(client, summary: "Second part.")
                let copy = PostedCopy(network: .linkedin, account: "school", remoteID: first.remoteID, partIDs: [first.remoteID, second.remoteID])
                try await client.retract(copy)
                #expect(server.livePosts(on: .linkedin).isEmpty)
                let paths = server.requests(to: .linkedInPost).map { $0.path.removingPercentEncoding ?? $0.path }
                #expect(paths == ["/rest/posts/\(second.remoteID)", "/rest/posts/\(first.remoteID)"])
            }
        }

        @Test("a refused token is unauthorized, another member's post forbidden, a 429 rate limited; the post stays")
        func refusals() async throws {
            let configuration = LoopbackServer.Configuration(tokens: .only([LoopbackServer.token, "other-member-token"]), now: { DryRunHarness.now })
            try await LoopbackServer.withRunning(configuration: configuration) { server in
                let (_, copy) = try await Harness.posted(try LinkedInLoopback.client(server, Harness.environment(.urlSession)))
                let cases: [(String, DeliveryError.Category)] = [("expired-token-789", .unauthorized), ("other-member-token", .forbidden)]
                for (token, category) in cases {
                    let client = try LinkedInLoopback.client(server, Harness.environment(.urlSession), token: token)
                    do throws(DeliveryError) {
                        try await client.retract(copy)
                        Issue.record("expected \(category)")
                    } catch {
                        #expect(error.category == category)
                        #expect(!error.description.contains(token))
                    }
                }
                server.script(.rateLimited(resetAfter: .seconds(300)), for: .linkedInPost)
                let client = try LinkedInLoopback.client(server, Harness.environment(.urlSession))
                do throws(DeliveryError) {
                    try await client.retract(copy)
                    Issue.record("expected an error")
                } catch {
                    #expect(error.category == .rateLimited)
                    #expect(error.status == 429)
                }
                #expect(server.livePosts(on: .linkedin).count == 1)
            }
        }
    }
}
