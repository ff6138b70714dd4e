import Foundation
import Syndicate
import SyndicateLoopback

/// ``XClient``s pointed at a loopback server.
enum XLoopback {
    /// An OAuth 1.0a client; its secrets are the server's defaults unless given.
    static func oauth1Client(
        _ server: LoopbackServer, _ environment: DeliveryEnvironment, token: String = LoopbackServer.token,
        tokenSecret: String = LoopbackServer.xAccessTokenSecret
    ) throws -> XClient {
        let settings = AccountSettings(
            network: .x, account: "school",
            values: [
                "API_BASE": server.baseURL.absoluteString, "CONSUMER_KEY": "loopback-consumer-key",
                "CONSUMER_SECRET": LoopbackServer.xConsumerSecret, "ACCESS_TOKEN": token, "ACCESS_TOKEN_SECRET": tokenSecret,
            ])
        return try XClient(settings: settings, environment: environment)
    }

    /// An OAuth 2.0 bearer-token client.
    static func bearerClient(_ server: LoopbackServer, _ environment: DeliveryEnvironment, token: String = LoopbackServer.token) throws -> XClient {
        let settings = AccountSettings(
            network: .x, account: "school", values: ["API_BASE": server.baseURL.absoluteString, "BEARER_TOKEN": token])
        return try XClient(settings: settings, environment: environment)
    }
}
