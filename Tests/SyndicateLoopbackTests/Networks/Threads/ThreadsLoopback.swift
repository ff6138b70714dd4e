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
        var post = try DryRunHarness.examplePost("sports-day.md")
        post.images = post.images.map { image in
            var published = image
            published.url = URL(string: "https://school.example/news/sports-day-2026/images/\(image.url.lastPathComponent)")!
            return published
        }
        return (post, try Composer().payload(for: post, on: .threads))
    }

    /// What the emulator records for ``imagePayload()``'s images.
    static let expectedMedia = [
        LoopbackMedia(
            id: "https://school.example/news/sports-day-2026/images/sports-day-relay.jpg", contentType: "image/jpeg", byteCount: 0, sha256: "",
            alt: "Year 6 pupils running the last leg of the relay across a wet school field",
            url: "https://school.example/news/sports-day-2026/images/sports-day-relay.jpg"),
        LoopbackMedia(
            id: "https://school.example/news/sports-day-2026/images/sports-day-medals.png", contentType: "image/png", byteCount: 0, sha256: "",
            alt: "Three pupils from Kestrel, Heron and Owl houses holding up their medals in front of the pavilion",
            url: "https://school.example/news/sports-day-2026/images/sports-day-medals.png"),
    ]
}
