import Foundation
import Syndicate
import SyndicateLoopback

/// ``DiscordClient``s pointed at a loopback Discord webhook.
enum DiscordLoopback {
    static let webhookID = "1300000000000000099"

    static func client(_ server: LoopbackServer, _ environment: DeliveryEnvironment, token: String = LoopbackServer.token) throws -> DiscordClient {
        let url = server.baseURL.appendingPathComponent("api/webhooks/\(webhookID)/\(token)")
        let settings = AccountSettings(network: .discord, account: "school", values: ["WEBHOOK_URL": url.absoluteString])
        return try DiscordClient(settings: settings, environment: environment)
    }
}
