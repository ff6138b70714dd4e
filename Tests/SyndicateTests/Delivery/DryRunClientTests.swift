import Foundation
import Syndicate
import Testing

@Suite struct DryRunClientTests {
    let post = Post(
        id: "https://school.example/news/1", title: "Sports day", url: URL(string: "https://school.example/news/1"),
        paragraphs: ["All pupils ran."])

    @Test func placeholdersStandInForMissingCredentialsAndNothingLeavesTheRecorder() async throws {
        let dryRun = try DryRunClient(network: .mastodon, account: "school")
        #expect(dryRun.client.network == .mastodon)
        #expect(dryRun.client.account == "school")
        #expect(dryRun.settings.value("ACCESS_TOKEN") == "dry-run-access-token")
        let results = await CrossPoster(retryPolicy: .never, environment: DeliveryEnvironment(transport: DryRunTransport()))
            .deliver(post, to: [dryRun.client])
        #expect(results.first?.error == nil)
        let requests = await dryRun.takeRequests()
        #expect(requests.count == 1)
        let request = try #require(requests.first)
        #expect(request.url.hasPrefix("https://mastodon.example/"))
        let shown = "\(request)"
        #expect(!shown.contains("dry-run-access-token"))
        #expect(shown.contains(Redactor.placeholder))
        #expect(await dryRun.takeRequests().isEmpty)
    }

    @Test func requestsTakenWhileOthersArriveAreNeverLost() async throws {
        let transport = DryRunTransport()
        let request = HTTPRequest(method: .post, url: try #require(URL(string: "https://hooks.example/a")))
        let taken = await withTaskGroup(of: Int.self) { group in
            for _ in 0..<200 { group.addTask { _ = try? await transport.send(request); return 0 } }
            for _ in 0..<50 { group.addTask { await transport.takeRequests().count } }
            return await group.reduce(0, +)
        }
        #expect(taken + (await transport.takeRequests().count) == 200)
        #expect(await transport.requests.isEmpty)
    }

    @Test func givenSettingsAreKeptAndTheirSecretsRedacted() async throws {
        let settings = AccountSettings(
            network: .mastodon, account: "default",
            values: ["INSTANCE": "https://social.school.example", "ACCESS_TOKEN": "real-secret-token"], origin: .environment)
        let dryRun = try DryRunClient(settings: settings)
        #expect(dryRun.settings.value("ACCESS_TOKEN") == "real-secret-token")
        _ = await CrossPoster(retryPolicy: .never, environment: DeliveryEnvironment(transport: DryRunTransport()))
            .deliver(post, to: [dryRun.client])
        let request = try #require(await dryRun.takeRequests().first)
        #expect(request.url.hasPrefix("https://social.school.example/"))
        #expect(!"\(request)".contains("real-secret-token"))
    }

    @Test func everyNetworkHasADryRunClient() throws {
        for network in SocialNetwork.allCases {
            let dryRun = try DryRunClient(network: network)
            #expect(dryRun.client.network == network)
            #expect(!dryRun.redactor.secrets.isEmpty)
        }
    }
}
