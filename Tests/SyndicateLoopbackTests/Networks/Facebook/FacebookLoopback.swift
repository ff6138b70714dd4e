import Foundation
import Syndicate
import SyndicateLoopback

/// ``FacebookClient``s pointed at a loopback Graph API.
enum FacebookLoopback {
    static let pageID = "104857600"

    static func client(_ server: LoopbackServer, _ environment: DeliveryEnvironment, token: String = LoopbackServer.token) throws -> FacebookClient {
        let settings = AccountSettings(
            network: .facebook, account: "school",
            values: ["API_BASE": server.baseURL.absoluteString, "PAGE_ID": pageID, "PAGE_TOKEN": token, "APP_SECRET": "loopback-app-secret"])
        return try FacebookClient(settings: settings, environment: environment)
    }
}
