import Foundation
import SyndicateTestSupport
import Testing

import Syndicate

// The network of the "Adding a Network" article (Documentation.docc/AddingANetwork.md), compiled
// and run: a network of one's own, defined outside the library and registered, composes, posts
// and dry-runs like a built-in one. Only the public API is used (no @testable import).

extension SocialNetwork {
    static let intranet = SocialNetwork("intranet", displayName: "Intranet")
}

extension NetworkRule {
    static let intranet = NetworkRule(network: .intranet, limit: 2000, counter: .codePoints)
}

struct IntranetClient: NetworkClient {
    let network = SocialNetwork.intranet
    let account: String
    let duplicateProtection = DuplicateProtection.none
    let endpoint: URL
    let token: String
    let transport: any HTTPTransport
    var secrets: [String] { [token] }

    init(settings: AccountSettings, environment: DeliveryEnvironment) throws(DeliveryError) {
        account = settings.account
        endpoint = try settings.url("ENDPOINT", default: "https://intranet.example/api/news")
        token = try settings.require("TOKEN")
        transport = environment.transport
    }

    func deliver(_ payload: SharePayload, of post: Post) async throws(DeliveryError) -> Delivery {
        let body = (try? JSONEncoder().encode(["text": payload.text])) ?? Data()
        let request = HTTPRequest(
            method: .post, url: endpoint,
            headers: ["Authorization": "Bearer \(token)", "Content-Type": "application/json"], body: body)
        let response: HTTPResponse
        do { response = try await transport.send(request) } catch {
            throw DeliveryError(.transport, network: network, account: account, message: "no answer")
        }
        guard response.status == 201 else {
            throw DeliveryError(.serverError, network: network, account: account, message: "HTTP \(response.status)")
        }
        return Delivery(network: network, account: account, remoteID: post.id, url: nil)
    }
}

struct IntranetNetwork: NetworkDefinition {
    let network = SocialNetwork.intranet
    var rule: NetworkRule { .intranet }
    let defaultTemplate = "{title}\n\n{summary}\n\n{link}"
    let defaultHashtagMaximum = 3
    let placeholderSettings = ["TOKEN": "dry-run-token"]
    let publicSettings: Set<String> = ["ENDPOINT"]

    func makeClient(settings: AccountSettings, environment: DeliveryEnvironment) throws(DeliveryError) -> any NetworkClient {
        try IntranetClient(settings: settings, environment: environment)
    }

    func dryRunResponse(to request: HTTPRequest, number: Int) -> HTTPResponse? {
        request.url.host == "intranet.example" ? HTTPResponse(status: 201) : nil
    }
}

@Suite struct CustomNetworkTests {
    let networks = NetworkRegistry.builtIn.registering(IntranetNetwork())

    @Test func theBuiltInRegistryDoesNotKnowIt() {
        #expect(NetworkRegistry.builtIn.definition(for: .intranet) == nil)
        #expect(!SocialNetwork.allCases.contains(.intranet))
        #expect(networks.networks.last == .intranet)
        #expect(networks.network(named: "INTRANET") == .intranet)
        #expect(networks.network(named: "twitter") == .x)
    }

    @Test func aRegisteredNetworkIsComposedForWithItsOwnTemplateAndRule() throws {
        let post = try DryRunHarness.examplePost("ofsted-secondments.html")
        let configuration = ComposerConfiguration(networks: networks)
        let payload = try Composer(configuration: configuration).payload(for: post, on: .intranet)
        #expect(payload.network == .intranet)
        #expect(payload.limit == 2000)
        #expect(payload.text.hasPrefix(post.title))
        #expect(payload.length == payload.text.unicodeScalars.count)
        // The composer without the registration refuses it with a typed error naming the fix.
        #expect(throws: ComposeError.self) { try Composer().payload(for: post, on: .intranet) }
    }

    @Test func aRegisteredNetworkPostsAndDryRuns() async throws {
        let post = try DryRunHarness.examplePost("ofsted-secondments.html")
        let dryRun = try DryRunClient(network: .intranet, networks: networks)
        let composer = Composer(configuration: ComposerConfiguration(networks: networks))
        let results = await CrossPoster(composer: composer, environment: DeliveryEnvironment(transport: dryRun.transport))
            .deliver(post, to: [dryRun.client])
        #expect(results.count == 1)
        guard case .posted(let delivery)? = results.first?.outcome else {
            Issue.record("expected a post, got \(String(describing: results.first?.outcome))")
            return
        }
        #expect(delivery.network == .intranet)
        let sent = await dryRun.transport.requests
        #expect(sent.map(\.url.absoluteString) == ["https://intranet.example/api/news"])
        // The placeholder token is a secret; the endpoint is a public setting.
        #expect(networks.secrets(of: dryRun.settings) == ["dry-run-token"])
    }

    @Test func anUnregisteredNetworkHasNoClient() {
        #expect(throws: DeliveryError.self) {
            try NetworkRegistry.builtIn.makeClient(
                settings: AccountSettings(network: .intranet, values: ["TOKEN": "t"]),
                environment: DeliveryEnvironment(transport: DryRunTransport()))
        }
    }

    @Test func aNetworkDecodedFromItsNameKeepsItsIdentity() throws {
        let decoded = try JSONDecoder().decode([SocialNetwork].self, from: Data(#"["x","intranet","LinkedIn"]"#.utf8))
        #expect(decoded == [.x, .intranet, .linkedin])
        #expect(decoded[0].displayName == "X")
        #expect(decoded[2].displayName == "LinkedIn")
        #expect(String(decoding: try JSONEncoder().encode(decoded), as: UTF8.self) == #"["x","intranet","linkedin"]"#)
        #expect(SocialNetwork(rawValue: "") == nil)
    }
}
