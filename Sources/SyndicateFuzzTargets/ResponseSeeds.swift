import Foundation
import Syndicate

/// Writes the seed corpus for ``ResponseFuzzTarget``: for every network, single and threaded,
/// the responses ``DryRunTransport`` gives (which answers each endpoint as the network does),
/// plus a rate-limited first answer and a server error.
public enum ResponseSeeds {
    /// The seed inputs, by file name.
    public static func make() async -> [(name: String, data: Data)] {
        var seeds: [(String, Data)] = []
        for network in SocialNetwork.allCases {
            for threaded in [false, true] {
                let recorder = RecordingTransport()
                let environment = DeliveryEnvironment(
                    transport: recorder, now: { Date(timeIntervalSince1970: 1_767_225_600) }, nonce: { "seed" },
                    sleep: { _ in })
                guard let client = try? NetworkRegistry.builtIn.makeClient(
                    settings: .placeholders(for: network, account: "fuzz"), environment: environment),
                    let payloads = ResponseFuzzTarget.payloads[network]
                else { continue }
                _ = try? await client.deliver(
                    threaded ? payloads.thread : payloads.single, of: ResponseFuzzTarget.post)
                let responses = await recorder.responses
                let suffix = threaded ? "-thread" : ""
                seeds.append((
                    "\(network.rawValue)\(suffix)-ok",
                    ResponseScript.encode(network: network, threaded: threaded, responses: responses)))
                guard !threaded else { continue }
                let limited = HTTPResponse(
                    status: 429,
                    headers: ["retry-after": "2", "x-rate-limit-reset": "1767225660", "ratelimit-reset": "60"],
                    body: Data(#"{"error":"rate limited"}"#.utf8))
                seeds.append((
                    "\(network.rawValue)-429",
                    ResponseScript.encode(network: network, threaded: false, responses: [limited] + responses)))
                let failed = HTTPResponse(
                    status: 503, headers: ["content-type": "text/html"], body: Data("<h1>Service Unavailable</h1>".utf8))
                seeds.append((
                    "\(network.rawValue)-503",
                    ResponseScript.encode(network: network, threaded: false, responses: [failed])))
            }
        }
        return seeds
    }
}

/// Forwards to a ``DryRunTransport`` and keeps its responses.
private actor RecordingTransport: HTTPTransport {
    private let dryRun = DryRunTransport()
    private(set) var responses: [HTTPResponse] = []

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let response = try await dryRun.send(request)
        responses.append(response)
        return response
    }
}
