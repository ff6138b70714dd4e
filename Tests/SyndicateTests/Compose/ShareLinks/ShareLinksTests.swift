import Foundation
import Testing

@testable import Syndicate

@Suite struct ShareLinksTests {
    static let post = Post(
        id: "1", title: "Fish & chips + peas = #1 lunch?",
        url: URL(string: "https://school.example/news/lunch/?utm_source=feed"),
        tags: ["School Meals", "Uncategorized", "Healthy Eating", "Kitchen", "Parents", "Menu"])

    @Test func allIntentsWithTrackingAndEncoding() {
        let links = ShareLinks(post: Self.post, mastodonInstance: "mastodon.social")
        #expect(links.omitted == [])
        #expect(links.links.map { "\($0.network.rawValue) \($0.url.absoluteString)" } == [
            "x https://x.com/intent/tweet?text=Fish%20%26%20chips%20%2B%20peas%20%3D%20%231%20lunch%3F&url=https%3A%2F%2Fschool.example%2Fnews%2Flunch%2F%3Futm_source%3Dx%26utm_medium%3Dsocial%26utm_campaign%3Dsyndicate&hashtags=SchoolMeals%2CHealthyEating",
            "facebook https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fschool.example%2Fnews%2Flunch%2F%3Futm_source%3Dfacebook%26utm_medium%3Dsocial%26utm_campaign%3Dsyndicate",
            "linkedin https://www.linkedin.com/sharing/share-offsite/?url=https%3A%2F%2Fschool.example%2Fnews%2Flunch%2F%3Futm_source%3Dlinkedin%26utm_medium%3Dsocial%26utm_campaign%3Dsyndicate",
            "bluesky https://bsky.app/intent/compose?text=Fish%20%26%20chips%20%2B%20peas%20%3D%20%231%20lunch%3F%20https%3A%2F%2Fschool.example%2Fnews%2Flunch%2F%3Futm_source%3Dbluesky%26utm_medium%3Dsocial%26utm_campaign%3Dsyndicate%20%23SchoolMeals%20%23HealthyEating",
            "mastodon https://mastodon.social/share?text=Fish%20%26%20chips%20%2B%20peas%20%3D%20%231%20lunch%3F%20https%3A%2F%2Fschool.example%2Fnews%2Flunch%2F%3Futm_source%3Dmastodon%26utm_medium%3Dsocial%26utm_campaign%3Dsyndicate%20%23SchoolMeals%20%23HealthyEating%20%23Kitchen%20%23Parents",
            "threads https://www.threads.com/intent/post?text=Fish%20%26%20chips%20%2B%20peas%20%3D%20%231%20lunch%3F&url=https%3A%2F%2Fschool.example%2Fnews%2Flunch%2F%3Futm_source%3Dthreads%26utm_medium%3Dsocial%26utm_campaign%3Dsyndicate&tag=SchoolMeals",
            "telegram https://t.me/share/url?url=https%3A%2F%2Fschool.example%2Fnews%2Flunch%2F%3Futm_source%3Dtelegram%26utm_medium%3Dsocial%26utm_campaign%3Dsyndicate&text=Fish%20%26%20chips%20%2B%20peas%20%3D%20%231%20lunch%3F",
            "tumblr https://www.tumblr.com/widgets/share/tool?posttype=link&canonicalUrl=https%3A%2F%2Fschool.example%2Fnews%2Flunch%2F%3Futm_source%3Dtumblr%26utm_medium%3Dsocial%26utm_campaign%3Dsyndicate&content=https%3A%2F%2Fschool.example%2Fnews%2Flunch%2F%3Futm_source%3Dtumblr%26utm_medium%3Dsocial%26utm_campaign%3Dsyndicate&title=Fish%20%26%20chips%20%2B%20peas%20%3D%20%231%20lunch%3F&tags=SchoolMeals%2CHealthyEating%2CKitchen%2CParents%2CMenu",
        ])
    }

    @Test func withoutTrackingTheCanonicalURLIsShared() {
        let links = ShareLinks(post: Self.post, tracking: .none)
        #expect(links.url(for: .facebook)?.absoluteString
            == "https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fschool.example%2Fnews%2Flunch%2F")
        #expect(links.url(for: .telegram)?.absoluteString
            == "https://t.me/share/url?url=https%3A%2F%2Fschool.example%2Fnews%2Flunch%2F&text=Fish%20%26%20chips%20%2B%20peas%20%3D%20%231%20lunch%3F")
    }

    @Test func mastodonIsOmittedWithAReasonWithoutAnInstance() {
        let links = ShareLinks(post: Self.post)
        #expect(links.url(for: .mastodon) == nil)
        #expect(links.links.map(\.network) == [.x, .facebook, .linkedin, .bluesky, .threads, .telegram, .tumblr])
        #expect(links.omitted == [
            ShareLinks.Omission(
                network: .mastodon,
                reason: "no Mastodon instance given; Mastodon's share page lives on each server, so name one (such as mastodon.social)."),
        ])
    }

    @Test func badMastodonInstanceIsOmittedWithTheFix() {
        let links = ShareLinks(post: Self.post, mastodonInstance: "not a host")
        #expect(links.omitted == [
            ShareLinks.Omission(network: .mastodon, reason: "'not a host' is not a server name; give a host such as mastodon.social."),
        ])
    }

    @Test(arguments: [
        ("mastodon.social", "mastodon.social"),
        ("https://Mastodon.Social/", "mastodon.social"),
        ("http://localhost:3000", "localhost:3000"),
        ("social.school.example:8443", "social.school.example:8443"),
    ])
    func instanceHostIsNormalised(instance: String, expected: String) {
        #expect(ShareLinks.instanceHost(from: instance) == expected)
    }

    @Test(arguments: ["", "mastodon", "https://mastodon.social/@alice", "user@mastodon.social", "-bad.example", "a.example:0", "a.example:x", "a..example", "mastodon.social?x=1"])
    func invalidInstancesAreRefused(instance: String) {
        #expect(ShareLinks.instanceHost(from: instance) == nil)
    }

    @Test func postWithoutURLGetsNoLinks() {
        let links = ShareLinks(post: Post(id: "1", title: "No address"), mastodonInstance: "mastodon.social")
        #expect(links.links == [])
        #expect(links.omitted.map(\.network) == ShareLinks.networks)
        #expect(links.omitted.first?.reason == "the post has no http(s) URL; share intents need the page's address.")
    }

    @Test func longTitleIsCutSoTheXIntentFitsTwoHundredEighty() throws {
        let title = Array(repeating: "Inspection", count: 40).joined(separator: " ")  // 439 characters
        let post = Post(id: "1", title: title, url: URL(string: "https://school.example/a"), tags: ["Ofsted", "Leadership"])
        let url = try #require(ShareLinks(post: post, tracking: .none).url(for: .x))
        let items = try #require(URLComponents(url: url, resolvingAgainstBaseURL: false)?.queryItems)
        let text = try #require(items.first { $0.name == "text" }?.value)
        // 280 − 23 (link) − 1 (space) − 19 (" #Ofsted #Leadership") = 237 for the text.
        #expect(text == Array(repeating: "Inspection", count: 21).joined(separator: " ") + "…")
        #expect(NetworkRule.x.measure("\(text) https://school.example/a #Ofsted #Leadership").isValid)
        #expect(items.map(\.name) == ["text", "url", "hashtags"])
    }

    @Test func longTitleIsCutSoTheBlueskyTextFitsThreeHundredGraphemes() throws {
        let title = Array(repeating: "Inspection", count: 40).joined(separator: " ")
        let post = Post(id: "1", title: title, url: URL(string: "https://school.example/a"))
        let url = try #require(ShareLinks(post: post, tracking: .none).url(for: .bluesky))
        let text = try #require(URLComponents(url: url, resolvingAgainstBaseURL: false)?.queryItems?.first?.value)
        #expect(text == Array(repeating: "Inspection", count: 25).joined(separator: " ") + "… https://school.example/a")
        #expect(text.count == 300)
        #expect(text.count <= 300)
    }

    @Test func jsonForm() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let links = ShareLinks(post: Post(id: "1", title: "A", url: URL(string: "https://a.example/")), tracking: .none)
        let json = String(decoding: try encoder.encode(links), as: UTF8.self)
        #expect(json == #"{"links":[{"network":"x","url":"https://x.com/intent/tweet?text=A&url=https%3A%2F%2Fa.example%2F"},{"network":"facebook","url":"https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fa.example%2F"},{"network":"linkedin","url":"https://www.linkedin.com/sharing/share-offsite/?url=https%3A%2F%2Fa.example%2F"},{"network":"bluesky","url":"https://bsky.app/intent/compose?text=A%20https%3A%2F%2Fa.example%2F"},{"network":"threads","url":"https://www.threads.com/intent/post?text=A&url=https%3A%2F%2Fa.example%2F"},{"network":"telegram","url":"https://t.me/share/url?url=https%3A%2F%2Fa.example%2F&text=A"},{"network":"tumblr","url":"https://www.tumblr.com/widgets/share/tool?posttype=link&canonicalUrl=https%3A%2F%2Fa.example%2F&content=https%3A%2F%2Fa.example%2F&title=A"}],"omitted":[{"network":"mastodon","reason":"no Mastodon instance given; Mastodon's share page lives on each server, so name one (such as mastodon.social)."}]}"#)
    }
}
