import Foundation
import Syndicate
import SyndicateLoopback
import SyndicateTestSupport
import Testing

extension ClientsOverLoopback {
    /// How every network's client and ``CrossPoster`` read the error answers the networks share:
    /// a refused credential, a 429, a 500 (retried only where the network refuses duplicates).
    /// Each network's own answers (X's 403 duplicate, Bluesky's record key, …) are in its suite.
    @Suite("Network clients over loopback: error answers")
    struct ErrorAnswerLoopbackTests {
        typealias Harness = LoopbackClientHarness

        @Test("the table has one entry for every network")
        func everyNetworkOnce() {
            let networks = LoopbackNetwork.all.map(\.network)
            #expect(Set(networks) == Set(SocialNetwork.allCases))
            #expect(networks.count == SocialNetwork.allCases.count)
        }

        @Test(
            "a credential the network refuses is unauthorized, and the secret is not in the error",
            arguments: LoopbackNetwork.refusingCredentials, TransportKind.allCases)
        func refusedCredentialIsUnauthorized(network: LoopbackNetwork, kind: TransportKind) async throws {
            let refused = try #require(network.refusedCredential)
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                let (post, payload) = try network.payload(server)
                let client = try refused.client(server, Harness.environment(kind))
                let error = await Harness.failure(of: client, payload, of: post)
                #expect(error?.category == .unauthorized)
                #expect(error?.status == refused.status)
                #expect(error?.networkMessage == refused.message)
                #expect(error?.description.contains(refused.secret) == false)
                #expect(server.requests(to: network.firstRoute).count == 1)
                #expect(server.posts(on: network.network).isEmpty)
            }
        }

        @Test(
            "a 429 is rate limited, its reset read into retryAfter exactly where the network sends one",
            arguments: LoopbackNetwork.all, TransportKind.allCases)
        func rateLimited(network: LoopbackNetwork, kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                server.script(.rateLimited(resetAfter: .seconds(300)), for: network.firstRoute)
                let (post, payload) = try network.payload(server)
                let error = await Harness.failure(of: try network.client(server, Harness.environment(kind)), payload, of: post)
                #expect(error?.category == .rateLimited)
                #expect(error?.status == 429)
                #expect(error?.retryAfter == (network.rateLimit.readsReset ? Harness.now.addingTimeInterval(Harness.resetAfter) : nil))
                if let message = network.rateLimit.message {
                    #expect(error?.networkMessage == message)
                }
                #expect(server.posts(on: network.network).isEmpty)
            }
        }

        @Test(
            "a 500 is a server error that CrossPoster retries where the network refuses duplicates, posting once",
            arguments: LoopbackNetwork.refusingDuplicates, TransportKind.allCases)
        func serverErrorIsRetried(network: LoopbackNetwork, kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                server.script(.status(500), for: network.postRoute)
                let (post, payload) = try network.payload(server)
                let client = try network.client(server, Harness.environment(kind))
                let error = await Harness.failure(of: client, payload, of: post)
                #expect(error?.category == .serverError)
                #expect(error?.status == 500)
                #expect(error?.mayHaveReachedNetwork == true)
                server.script(.status(500), for: network.postRoute)
                let result = await Harness.crossPost(post, payload: payload, through: client, kind: kind)
                #expect(result.attempts == 2)
                #expect(result.delivery?.remoteID == server.posts(on: network.network).first?.id)
                #expect(server.requests(to: network.postRoute).count == 3)
                #expect(server.posts(on: network.network).count == 1)
            }
        }

        @Test(
            "a 500 on the first request is a server error CrossPoster does not retry where the network has no duplicate protection",
            arguments: LoopbackNetwork.acceptingDuplicates, TransportKind.allCases)
        func serverErrorIsNotRetried(network: LoopbackNetwork, kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                server.script(.status(500), for: network.firstRoute)
                let (post, payload) = try network.payload(server)
                let result = await Harness.crossPost(post, payload: payload, through: try network.client(server, Harness.environment(kind)), kind: kind)
                #expect(result.error?.category == .serverError)
                #expect(result.error?.status == 500)
                #expect(result.attempts == 1)
                #expect(server.requests(to: network.firstRoute).count == 1)
                if network.firstRoute == network.postRoute {
                    #expect(result.error?.mayHaveReachedNetwork == true)
                } else {
                    // Threads: the container was never made, so nothing is published.
                    #expect(server.requests(to: network.postRoute).isEmpty)
                }
            }
        }

        @Test(
            "a 500 after the post was made is not retried where the network has no duplicate protection, so it is not doubled",
            arguments: LoopbackNetwork.acceptingDuplicates, TransportKind.allCases)
        func serverErrorAfterPostingIsNotRetried(network: LoopbackNetwork, kind: TransportKind) async throws {
            try await LoopbackServer.withRunning(configuration: Harness.configuration) { server in
                server.script(.afterHandling(.status(500)), for: network.postRoute)
                let (post, payload) = try network.payload(server)
                let result = await Harness.crossPost(post, payload: payload, through: try network.client(server, Harness.environment(kind)), kind: kind)
                #expect(result.error?.category == .serverError)
                #expect(result.error?.mayHaveReachedNetwork == true)
                #expect(result.attempts == 1)
                #expect(server.requests(to: network.postRoute).count == 1)
                #expect(server.posts(on: network.network).count == 1)
            }
        }
    }
}
