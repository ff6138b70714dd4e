import Foundation
import Syndicate
import SyndicateLoopback

/// ``SlackClient``s pointed at a loopback Slack incoming webhook.
enum SlackLoopback {
    static func client(_ server: LoopbackServer, _ environment: DeliveryEnvironment, token: String = LoopbackServer.token) throws -> SlackClient {
        let url = server.baseURL.appendingPathComponent("services/T0LOOP/B0LOOP/\(token)")
        let settings = AccountSettings(network: .slack, account: "school", values: ["WEBHOOK_URL": url.absoluteString])
        return try SlackClient(settings: settings, environment: environment)
    }
}
