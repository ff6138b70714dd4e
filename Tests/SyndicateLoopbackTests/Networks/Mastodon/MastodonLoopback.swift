import Foundation
import Syndicate
import SyndicateLoopback

/// ``MastodonClient``s pointed at a loopback Mastodon instance.
enum MastodonLoopback {
    static func client(_ server: LoopbackServer, _ environment: DeliveryEnvironment, token: String = LoopbackServer.token) throws -> MastodonClient {
        let settings = AccountSettings(
            network: .mastodon, account: "school",
            values: ["INSTANCE": server.baseURL.absoluteString, "ACCESS_TOKEN": token])
        return try MastodonClient(settings: settings, environment: environment)
    }
}
