import Foundation
import Syndicate
import SyndicateLoopback
import SyndicateTestSupport

/// ``ThreadsClient``s pointed at a loopback Threads API.
enum ThreadsLoopback {
    static let userID = "17841400000000001"

    static func client(_ server: LoopbackServer, _ environment: DeliveryEnvironment, token: String = LoopbackServer.token) throws -> ThreadsClient {
        let settings = AccountSettings(
            network: .threads, account: "school",
            values: ["API_BASE": server.baseURL.absoluteString, "USER_ID": userID, "ACCESS_TOKEN": token])
        return try ThreadsClient(settings: settings, environment: environment)
    }

    /// The sports-day post with its two images published on the school's site (Threads fetches
    /// images by URL), composed for Threads.
    static func imagePayload() throws -> (Post, SharePayload) {
        try PublishedImages.payload(for: .threads)
    }

    /// What the emulator records for ``imagePayload()``'s images.
    static let expectedMedia = PublishedImages.media()
}
