import Foundation
import Syndicate
import SyndicateLoopback

/// ``LinkedInClient``s pointed at a loopback LinkedIn.
enum LinkedInLoopback {
    static let author = "urn:li:organization:2414183"

    static func client(_ server: LoopbackServer, _ environment: DeliveryEnvironment, token: String = LoopbackServer.token) throws -> LinkedInClient {
        let settings = AccountSettings(
            network: .linkedin, account: "school",
            values: ["API_BASE": server.baseURL.absoluteString, "ACCESS_TOKEN": token, "AUTHOR": author])
        return try LinkedInClient(settings: settings, environment: environment)
    }
}
