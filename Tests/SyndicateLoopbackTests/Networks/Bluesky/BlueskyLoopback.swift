import Foundation
import Syndicate
import SyndicateLoopback

/// ``BlueskyClient``s pointed at a loopback PDS.
enum BlueskyLoopback {
    static let handle = "school.example"

    static func client(
        _ server: LoopbackServer, _ environment: DeliveryEnvironment, password: String = LoopbackServer.blueskyPassword
    ) throws -> BlueskyClient {
        let settings = AccountSettings(
            network: .bluesky, account: "school",
            values: ["SERVICE": server.baseURL.absoluteString, "HANDLE": handle, "APP_PASSWORD": password])
        return try BlueskyClient(settings: settings, environment: environment)
    }

    /// A 1×1 PNG.
    static let png = Data(base64Encoded: "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGD4DwABBAEAwS2OUAAAAABJRU5ErkJggg==")!

    /// The example post's Bluesky payload with its card's thumbnail served by `server` (as a
    /// PNG answered on the generic webhook route), so no test fetches from the internet.
    static func payload(_ server: LoopbackServer) throws -> (Post, SharePayload) {
        var (post, payload) = try LoopbackClientHarness.payload(for: .bluesky)
        payload.embed?.external.thumbURL = server.baseURL.appendingPathComponent("hooks/thumb.png")
        server.script(.response(HTTPResponse(status: 200, headers: ["Content-Type": "image/png"], body: png)), for: .webhook)
        return (post, payload)
    }

    /// The `record` of a recorded createRecord request.
    static func record(_ request: LoopbackRequest?) -> [String: Any] {
        LoopbackClientHarness.json(request)["record"] as? [String: Any] ?? [:]
    }
}
