import Foundation
import Syndicate
import SyndicateLoopback

/// ``TelegramClient``s pointed at a loopback Bot API.
enum TelegramLoopback {
    static func client(_ server: LoopbackServer, _ environment: DeliveryEnvironment, token: String = LoopbackServer.token) throws -> TelegramClient {
        let settings = AccountSettings(
            network: .telegram, account: "school",
            values: ["API_BASE": server.baseURL.absoluteString, "BOT_TOKEN": token, "CHAT_ID": "@oakfieldnews"])
        return try TelegramClient(settings: settings, environment: environment)
    }
}
