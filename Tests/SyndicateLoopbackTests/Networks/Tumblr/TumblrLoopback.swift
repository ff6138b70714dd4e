import Foundation
import Syndicate
import SyndicateLoopback

/// ``TumblrClient``s pointed at a loopback Tumblr API.
enum TumblrLoopback {
    static let blog = "school-news"

    /// An OAuth 1.0a client; its secrets are the server's defaults unless given.
    static func client(
        _ server: LoopbackServer, _ environment: DeliveryEnvironment, blog: String = blog, token: String = LoopbackServer.token,
        tokenSecret: String = LoopbackServer.xAccessTokenSecret
    ) throws -> TumblrClient {
        let settings = AccountSettings(
            network: .tumblr, account: "school",
            values: [
                "API_BASE": server.baseURL.absoluteString, "BLOG": blog, "CONSUMER_KEY": "loopback-consumer-key",
                "CONSUMER_SECRET": LoopbackServer.xConsumerSecret, "ACCESS_TOKEN": token, "ACCESS_TOKEN_SECRET": tokenSecret,
            ])
        return try TumblrClient(settings: settings, environment: environment)
    }
}
