import Foundation
import Syndicate
import SyndicateLoopback
import SyndicateTestSupport

/// The sports-day post with its two images published on the school's site, for the networks
/// that fetch images by URL (Threads, Discord, Slack, Tumblr, webhooks): the emulators never
/// fetch them, they check and record the URLs.
enum PublishedImages {
    /// Where the site publishes the sports-day images.
    static let base = "https://school.example/news/sports-day-2026/images/"

    /// `sports-day.md` with each local image replaced by its published URL (alt text kept).
    static func post() throws -> Post {
        var post = try DryRunHarness.examplePost("sports-day.md")
        post.images = post.images.map { image in
            var published = image
            published.url = URL(string: base + image.url.lastPathComponent)!
            return published
        }
        return post
    }

    /// ``post()`` and its payload for `network`.
    static func payload(for network: SocialNetwork) throws -> (Post, SharePayload) {
        let post = try post()
        return (post, try Composer().payload(for: post, on: network))
    }

    /// What an emulator records for ``post()``'s two images; `alt` false for networks without alt text.
    static func media(alt: Bool = true) -> [LoopbackMedia] {
        [
            LoopbackMedia(
                id: base + "sports-day-relay.jpg", contentType: "image/jpeg", byteCount: 0, sha256: "",
                alt: alt ? "Year 6 pupils running the last leg of the relay across a wet school field" : nil,
                url: base + "sports-day-relay.jpg"),
            LoopbackMedia(
                id: base + "sports-day-medals.png", contentType: "image/png", byteCount: 0, sha256: "",
                alt: alt ? "Three pupils from Kestrel, Heron and Owl houses holding up their medals in front of the pavilion" : nil,
                url: base + "sports-day-medals.png"),
        ]
    }
}
