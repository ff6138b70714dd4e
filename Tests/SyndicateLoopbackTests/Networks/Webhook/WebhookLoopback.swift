import Foundation
import Syndicate
import SyndicateLoopback

/// ``WebhookClient``s pointed at the loopback server's generic webhook.
enum WebhookLoopback {
    static func client(_ server: LoopbackServer, _ environment: DeliveryEnvironment) throws -> WebhookClient {
        let url = server.baseURL.appendingPathComponent("hooks/syndicate")
        let settings = AccountSettings(network: .webhook, account: "school", values: ["WEBHOOK_URL": url.absoluteString])
        return try WebhookClient(settings: settings, environment: environment)
    }
}
