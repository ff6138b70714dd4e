import Foundation
import Syndicate
import SyndicateLoopback
import SyndicateTestSupport
import Testing

extension ClientsOverLoopback {
    /// Every network's client retracting and updating what it posted, through every transport,
    /// with the ledger in between: what the network can do ends done once on the (loopback)
    /// network and recorded in the ledger; what it cannot is refused without a request.
    @Suite("Network clients over loopback: retract and update")
    struct RevisionContractLoopbackTests {
        typealias Harness = LoopbackClientHarness

        /// The route of the request that deletes a copy (the first, for a thread), where the
        /// network can delete. A 500 is scripted on it.
        static func deleteRoute(_ network: SocialNetwork) -> LoopbackRoute? {
            switch network {
            case .mastodon: .mastodonStatus
            case .x: .xTweet
            case .bluesky: .blueskyDeleteRecord
            case .threads: .threadsObject
            case .facebook: .facebookPost
            case .linkedin: .linkedInPost
            case .tumblr: .tumblrPostDelete
            case .telegram: .telegramDeleteMessage
            case .discord: .discordWebhookMessage
            default: nil
            }
        }

        /// The route of the request that edits a copy, where the network can edit. A 500 is
        /// scripted on it.
        static func editRoute(_ network: SocialNetwork) -> LoopbackRoute? {
            switch network {
            case .mastodon: .mastodonStatus
            case .facebook: .facebookPost
            case .linkedin: .linkedInPost
            case .tumblr: .tumblrPost
            case .telegram: .telegramEditMessageText
            case .discord: .discordWebhookMessage
            default: nil
            }
        }

        /// A ledgered poster over `kind` whose retries return at once.
        static func poster(_ kind: TransportKind) -> LedgeredPoster {
            LedgeredPoster(ledger: InMemoryLedger(), poster: CrossPoster(environment: Harness.environment(kind)))
        }

        /// Posts the example through `client` and returns the post and its live copy on the server.
        static func posted(
            _ network: LoopbackNetwork, client: any NetworkClient, poster: LedgeredPoster, server: LoopbackServer
        ) async throws -> Post {
            let (post, _) = try network.payload(server)
            let result = await poster.deliver(post, feed: nil, through: client)
            #expect(result.delivery?.delivery != nil, "\(network.name): \(String(describing: result.delivery?.error))")
            #expect(server.livePosts(on: network.network).count >= 1, "\(network.name)")
            return post
        }

        @Test("retract deletes every copy once and records it; a second retract sends nothing", arguments: LoopbackNetwork.all, TransportKind.allCases)
        func retract(network: LoopbackNetwork, kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                let client = try network.client(server, Harness.environment(kind))
                let poster = Self.poster(kind)
                let post = try await Self.posted(network, client: client, poster: poster, server: server)
                let before = server.requests.count
                let result = await poster.retract(postID: post.id, through: client)
                let key = LedgerEntry.Key(postID: post.id, network: network.network, account: client.account)
                let entry = try await poster.ledger.entry(key)
                guard client.revisionSupport.retract.isSupported else {
                    #expect(result.error?.category == .unsupported, "\(network.name): \(result.outcome)")
                    #expect(server.requests.count == before, "\(network.name): nothing is sent")
                    #expect(entry?.state == .posted)
                    return
                }
                guard case .retracted = result.outcome else {
                    Issue.record("\(network.name): \(result.outcome)")
                    return
                }
                #expect(server.livePosts(on: network.network).isEmpty, "\(network.name)")
                #expect(entry?.state == .retracted)
                let afterRetract = server.requests.count
                let again = await poster.retract(postID: post.id, through: client)
                #expect(again.outcome == .noCopy(entry), "\(network.name)")
                #expect(server.requests.count == afterRetract, "\(network.name): nothing is sent twice")
                // A retracted post is not posted again by a second delivery.
                let redelivered = await poster.deliver(post, feed: nil, through: client)
                #expect(redelivered.delivery == nil, "\(network.name)")
                #expect(server.livePosts(on: network.network).isEmpty, "\(network.name)")
            }
        }

        @Test("after a 500 on the delete, the retry deletes the copy and it counts once", arguments: LoopbackNetwork.all.filter { deleteRoute($0.network) != nil }, TransportKind.allCases)
        func retractAfterServerError(network: LoopbackNetwork, kind: TransportKind) async throws {
            let route = try #require(Self.deleteRoute(network.network))
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                let client = try network.client(server, Harness.environment(kind))
                let poster = Self.poster(kind)
                let post = try await Self.posted(network, client: client, poster: poster, server: server)
                // The first delete is carried out, then answered 500: the retry finds it gone.
                server.script(.afterHandling(.status(500)), for: route)
                let result = await poster.retract(postID: post.id, through: client)
                guard case .retracted = result.outcome else {
                    Issue.record("\(network.name): \(result.outcome)")
                    return
                }
                #expect(result.attempts == 2, "\(network.name)")
                #expect(server.livePosts(on: network.network).isEmpty, "\(network.name)")
            }
        }

        @Test("after a 500 on an edit that was carried out, the retry leaves one copy with the new text", arguments: LoopbackNetwork.all.filter { editRoute($0.network) != nil }, TransportKind.allCases)
        func editAfterServerError(network: LoopbackNetwork, kind: TransportKind) async throws {
            let route = try #require(Self.editRoute(network.network))
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                let client = try network.client(server, Harness.environment(kind))
                let poster = Self.poster(kind)
                let post = try await Self.posted(network, client: client, poster: poster, server: server)
                var corrected = post
                corrected.summary = "Correction: the secondments start in September. " + (post.summary ?? "")
                server.script(.afterHandling(.status(500)), for: route)
                let result = await poster.update(corrected, through: client)
                guard case .edited = result.outcome else {
                    Issue.record("\(network.name): \(result.outcome)")
                    return
                }
                #expect(result.attempts == 2, "\(network.name)")
                let live = server.livePosts(on: network.network)
                #expect(live.count == 1, "\(network.name)")
                let newText = try poster.poster.composer.payload(for: corrected, on: network.network).text
                let key = LedgerEntry.Key(postID: post.id, network: network.network, account: client.account)
                #expect(try await poster.ledger.entry(key)?.postedText == newText, "\(network.name)")
                #expect(live.first?.previousTexts.isEmpty == false, "\(network.name)")
            }
        }

        @Test("update edits in place where the network can, reposts where asked, and otherwise says how", arguments: LoopbackNetwork.all, TransportKind.allCases)
        func update(network: LoopbackNetwork, kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                let client = try network.client(server, Harness.environment(kind))
                let poster = Self.poster(kind)
                let post = try await Self.posted(network, client: client, poster: poster, server: server)
                let original = try #require(server.livePosts(on: network.network).first)

                let unchanged = await poster.update(post, through: client)
                #expect({ if case .unchanged = unchanged.outcome { true } else { false } }(), "\(network.name): \(unchanged.outcome)")

                var corrected = post
                corrected.summary = "Correction: the secondments start in September. " + (post.summary ?? "")
                let newText = try poster.poster.composer.payload(for: corrected, on: network.network).text
                let key = LedgerEntry.Key(postID: post.id, network: network.network, account: client.account)
                let support = client.revisionSupport
                let before = server.requests.count
                let edited = await poster.update(corrected, through: client)
                if support.edit.isSupported {
                    guard case .edited = edited.outcome else {
                        Issue.record("\(network.name): \(edited.outcome)")
                        return
                    }
                    let live = server.livePosts(on: network.network)
                    #expect(live.count == 1 && live.first?.id == original.id, "\(network.name)")
                    #expect(live.first?.previousTexts.count == 1, "\(network.name)")
                    #expect(live.first?.text != original.text, "\(network.name)")
                    let entry = try await poster.ledger.entry(key)
                    #expect(entry?.postedText == newText, "\(network.name)")
                    let afterEdit = server.requests.count
                    let again = await poster.update(corrected, through: client)
                    #expect({ if case .unchanged = again.outcome { true } else { false } }(), "\(network.name): \(again.outcome)")
                    #expect(server.requests.count == afterEdit)
                    return
                }
                #expect(edited.error?.category == .unsupported, "\(network.name): \(edited.outcome)")
                #expect(server.requests.count == before, "\(network.name): nothing is sent")
                guard support.retract.isSupported else { return }
                let reposted = await poster.update(corrected, through: client, repost: true)
                guard case .reposted(let delivery, let old) = reposted.outcome else {
                    Issue.record("\(network.name): \(reposted.outcome)")
                    return
                }
                #expect(old.remoteID != delivery.remoteID)
                let live = server.livePosts(on: network.network)
                #expect(live.count == 1 && live.first?.id != original.id, "\(network.name): \(live.map(\.id))")
                let entry = try await poster.ledger.entry(key)
                #expect(entry?.state == .posted && entry?.remoteID == delivery.remoteID && entry?.postedText == newText)
            }
        }
    }
}
