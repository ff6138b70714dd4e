import Foundation
import Syndicate

/// Fuzz target for the network clients' response handling: every client, answered by a
/// transport that plays back responses built from the bytes.
///
/// Input layout (see ``ResponseScript``): the first byte picks the network (and whether the
/// payload is a thread); the rest is a list of responses separated by `0xFE`, each a status
/// byte, header lines, a blank line and the body. Once the responses run out, the transport
/// fails to connect.
///
/// Checks: `deliver` returns a ``Delivery`` with a remote id for the network and account it was
/// given, or a ``DeliveryError`` with a message and a fix; and neither names a secret of the
/// account (tokens, passwords, webhook addresses).
public enum ResponseFuzzTarget {
    static let name = "responses"

    static let target = FuzzTarget(
        name: name,
        summary: "Every network client's handling of responses built from the bytes (status, headers, body).",
        dictionary: [
            "\u{FE}", "\n\n", "content-type: application/json\n", "retry-after: ", "x-rate-limit-reset: ",
            "ratelimit-reset: ", "x-business-use-case-usage: ", "{\"data\":{\"id\":\"", "{\"id\":\"", "\"uri\":\"at://",
            "\"cid\":\"", "\"accessJwt\":\"", "\"refreshJwt\":\"", "\"did\":\"did:plc:", "\"error\":\"ExpiredToken\"",
            "{\"ok\":true,\"result\":{\"message_id\":", "\"errors\":[{\"message\":\"", "{\"error\":{\"code\":",
            "\"status\":", "\"detail\":\"", "null", "true", "[]", "{}",
        ],
        body: { data throws(FuzzFinding) in try check(data) }
    )

    /// The post every client delivers: the seed article, short enough to compose everywhere.
    static let post = Post(
        id: "https://school.example/news/ofsted-secondments",
        title: "Ofsted to second serving school leaders",
        url: URL(string: "https://school.example/news/ofsted-secondments"),
        summary: "School leaders will have the chance to work for Ofsted for a year.",
        paragraphs: [
            "School leaders will have the chance to work for Ofsted for a year, the inspectorate said.",
            "The Telegraph reports that the first secondments start in September.",
            "Heads said the scheme would help inspectors understand schools.",
        ],
        tags: ["Leadership", "Ofsted", "Primary"],
        images: [Post.Image(url: URL(string: "https://school.example/images/ofsted.jpg")!, alt: "Ofsted sign")]
    )

    /// The payload for each network, single and threaded.
    static let payloads: [SocialNetwork: (single: SharePayload, thread: SharePayload)] = {
        // Image uploads are covered by each network's loopback tests; the scripted answers here
        // play the post and its card.
        var thread = ComposerConfiguration(threading: true, images: .none)
        thread.maximumSentences = [:]
        let single = Composer(configuration: ComposerConfiguration(images: .none))
        let threaded = Composer(configuration: thread)
        var result: [SocialNetwork: (SharePayload, SharePayload)] = [:]
        for network in SocialNetwork.allCases {
            guard let one = try? single.payload(for: post, on: network),
                let many = try? threaded.payload(for: post, on: network)
            else { preconditionFailure("the fuzz post must compose for \(network)") }
            result[network] = (one, many)
        }
        return result
    }()

    /// What the client made of the responses `data` describes, and the account's settings.
    static func deliver(_ data: Data) throws(FuzzFinding) -> (
        settings: AccountSettings, outcome: Result<Delivery, DeliveryError>
    ) {
        let script = ResponseScript(data)
        let network = script.network
        let settings = AccountSettings.placeholders(for: network, account: "fuzz")
        let transport = ScriptedTransport(responses: script.responses)
        var environment = DeliveryEnvironment(
            transport: transport,
            now: { Date(timeIntervalSince1970: 1_767_225_600) },
            nonce: { "fuzznonce" },
            sleep: { _ in }
        )
        // The scripted responses answer the network's API, not image downloads.
        environment.images.remote = .notFetched
        let client: any NetworkClient
        do {
            client = try NetworkRegistry.builtIn.makeClient(settings: settings, environment: environment)
        } catch {
            throw FuzzFinding(target: name, message: "placeholder settings for \(network) are rejected: \(error)")
        }
        guard let payloads = payloads[network] else {
            throw FuzzFinding(target: name, message: "no payload for \(network)")
        }
        let payload = script.threaded ? payloads.thread : payloads.single
        let outcome = BlockingTask.run { () async -> Result<Delivery, DeliveryError> in
            do throws(DeliveryError) {
                return .success(try await client.deliver(payload, of: post))
            } catch {
                return .failure(error)
            }
        }
        return (settings, outcome)
    }

    static func check(_ data: Data) throws(FuzzFinding) {
        let (settings, outcome) = try deliver(data)
        let network = settings.network
        let secrets = NetworkRegistry.builtIn.secrets(of: settings).filter { $0.count >= 8 }
        switch outcome {
        case .success(let delivery):
            try expect(
                delivery.network == network && delivery.account == "fuzz", name,
                "\(network) delivery names \(delivery.network) account \(delivery.account)")
            try expect(!delivery.remoteID.isEmpty, name, "\(network) delivery without a remote id")
            let text = "\(delivery.remoteID) \(delivery.url?.absoluteString ?? "") \(delivery.partIDs)"
            for secret in secrets where text.contains(secret) {
                throw FuzzFinding(target: name, message: "\(network) delivery shows a secret: \(quoted(text))")
            }
        case .failure(let error):
            try expect(error.network == network, name, "\(network) error names \(error.network)")
            try expect(
                !error.message.isEmpty && !error.fix.isEmpty, name,
                "\(network) error without message or fix: \(quoted(error.description))")
            let text = "\(error.description) \(error.networkMessage ?? "")"
            for secret in secrets where text.contains(secret) {
                throw FuzzFinding(target: name, message: "\(network) error shows a secret: \(quoted(text))")
            }
        }
    }
}
