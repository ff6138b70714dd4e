import Foundation
import SyndicateTestSupport
import Testing

@testable import Syndicate

/// Properties of hashtags, meta tags and share links over generated posts (seeded, so every run
/// checks the same posts): random lengths, scripts, emoji, URLs, punctuation, many or no tags.
@Suite struct ComposePartsPropertyTests {
    static let words = [
        "school", "Ofsted", "ASCL", "leaders", "the", "Early", "Years", "café", "naïve", "学校", "先生", "😊", "👨‍👩‍👧‍👦",
        "&", "+", "#1", "=", "?", "“quoted”", "C++", "e.g.", "Mrs", "2024", "https://example.com/a?b=c&d=e",
        "@alice@example.social", "#tag", "Ünïcödé", "مدرسة", "ऑफ़स्टेड", "year-long", "...", "Amanda", "Spielman",
    ]

    static func sentence(_ generator: inout SeededGenerator, words count: Int) -> String {
        var parts: [String] = []
        for _ in 0..<count { parts.append(generator.pick(words)) }
        return parts.joined(separator: generator.below(5) == 0 ? "  " : " ") + generator.pick([".", "!", "?", "", "…"])
    }

    /// The generated posts, built once for all tests.
    static let generated = posts()

    static func posts() -> [Post] {
        var generator = SeededGenerator(seed: 20_260_309)
        var posts: [Post] = []
        for index in 0..<400 {
            let title = sentence(&generator, words: 1 + generator.below(index % 10 == 0 ? 120 : 12))
            let paragraphs = (0..<generator.below(4)).map { _ in
                (0..<(1 + generator.below(4))).map { _ in sentence(&generator, words: 1 + generator.below(40)) }
                    .joined(separator: " ")
            }
            let tags = (0..<generator.below(8)).map { _ in
                (0..<(1 + generator.below(3))).map { _ in generator.pick(words) }.joined(separator: generator.pick([" ", "-", "_", ""]))
            }
            let url = generator.below(6) == 0
                ? nil : URL(string: "https://school.example/news/\(index)/?utm_source=feed&page=\(generator.below(3))#c")
            let images = generator.below(2) == 0
                ? [] : [Post.Image(url: URL(fileURLWithPath: "/i.jpg"), alt: nil),
                        Post.Image(url: URL(string: "https://school.example/\(index).jpg") ?? URL(fileURLWithPath: "/"),
                                   alt: sentence(&generator, words: generator.below(200)))]
            posts.append(Post(
                id: "\(index)", title: title, url: url,
                summary: generator.below(2) == 0 ? nil : sentence(&generator, words: generator.below(80)),
                paragraphs: paragraphs, tags: tags, images: images,
                language: generator.pick([nil, "en-GB", "ja", "ar-EG"])))
        }
        return posts
    }

    @Test func hashtagsAreValidUniqueAndWithinTheMaximum() {
        var violations: [String] = []
        for post in Self.generated {
            for network in SocialNetwork.allCases {
                let tags = Hashtags.hashtags(for: post, on: network, policy: .default)
                if tags.count > HashtagPolicy.default.maximum(for: network) { violations.append("\(network): too many \(tags)") }
                if Set(tags.map(Hashtags.key)).count != tags.count { violations.append("\(network): repeated \(tags)") }
                for tag in tags {
                    if tag.count > (network == .threads ? 50 : 64) { violations.append("\(network): too long \(tag)") }
                    if !tag.unicodeScalars.allSatisfy({ Hashtags.isLetter($0) || Hashtags.isDigit($0) || $0 == "_" }) {
                        violations.append("\(network): bad character in \(tag)")
                    }
                    if !tag.unicodeScalars.contains(where: { Hashtags.isLetter($0) && !Hashtags.isMark($0) }) {
                        violations.append("\(network): no letter in \(tag)")
                    }
                    if HashtagPolicy.default.blocks(tag) { violations.append("\(network): blocked \(tag)") }
                }
            }
        }
        #expect(violations == [])
    }

    @Test func metaTagsStayWithinTheirLimits() {
        for post in Self.generated {
            let metadata = PageMetadata(post: post, siteName: "Riverside")
            #expect((metadata.value(for: "og:description") ?? "").count <= 200)
            #expect((metadata.value(for: "twitter:description") ?? "").count <= 200)
            #expect((metadata.value(for: "twitter:title") ?? "").count <= 70)
            #expect((metadata.value(for: "twitter:image:alt") ?? "").count <= 420)
            if let ogURL = metadata.value(for: "og:url") {
                #expect(!ogURL.contains("utm_"))
                #expect(ogURL == metadata.value(for: "canonical"))
            }
            for line in metadata.html.split(separator: "\n") {
                let inside = line.dropFirst().dropLast()
                #expect(!inside.contains("<") && !inside.contains(">"), "unescaped markup in \(line)")
                #expect(line.filter { $0 == "\"" }.count == 4, "unescaped quote in \(line)")
            }
        }
    }

    @Test func shareLinksRoundTripAndFitTheNetworks() throws {
        for post in Self.generated {
            let links = ShareLinks(post: post, mastodonInstance: "mastodon.social")
            #expect(links.links.count + links.omitted.count == ShareLinks.networks.count)
            for link in links.links {
                let components = try #require(URLComponents(url: link.url, resolvingAgainstBaseURL: false))
                let items = Dictionary(
                    (components.queryItems ?? []).map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { first, _ in first })
                let posted = try #require(post.url.map { LinkTracking.default.url(LinkTracking.removingTracking(from: $0), for: link.network) })
                switch link.network {
                case .x:
                    let tags = items["hashtags"].map { " " + $0.split(separator: ",").map { "#\($0)" }.joined(separator: " ") } ?? ""
                    #expect(items["url"] == posted.absoluteString)
                    #expect(NetworkRule.x.measure("\(items["text"] ?? "") \(posted.absoluteString)\(tags)").isValid)
                case .bluesky:
                    let text = items["text"] ?? ""
                    #expect(text.contains(posted.absoluteString))
                    #expect(NetworkRule.bluesky.measure(text).isValid)
                case .mastodon:
                    #expect((items["text"] ?? "").contains(posted.absoluteString))
                    #expect(NetworkRule.mastodon.measure(items["text"] ?? "").isValid)
                case .threads:
                    #expect(items["url"] == posted.absoluteString)
                    #expect((items["tag"] ?? "").count <= 50)
                    #expect(!(items["tag"] ?? "").contains(where: { $0 == "." || $0 == "&" }))
                case .facebook:
                    #expect(items["u"] == posted.absoluteString)
                case .linkedin, .telegram:
                    #expect(items["url"] == posted.absoluteString)
                case .tumblr:
                    #expect(items["posttype"] == "link")
                    #expect(items["canonicalUrl"] == posted.absoluteString)
                    #expect(items["content"] == posted.absoluteString)
                default:
                    Issue.record("no share intent expected for \(link.network)")
                }
                if let text = items["text"], link.network != .bluesky, link.network != .mastodon {
                    let title = Whitespace.collapse(post.title)
                    #expect(text == title || (text.hasSuffix("…") && title.hasPrefix(String(text.dropLast()))),
                            "\(link.network) text \(text) is not the title or a cut of it")
                }
            }
        }
    }

    @Test func trackingIsIdempotentAndRemovable() throws {
        for post in Self.generated {
            guard let url = post.url else { continue }
            for network in SocialNetwork.allCases {
                let once = LinkTracking.default.url(url, for: network)
                #expect(LinkTracking.default.url(once, for: network) == once)
                #expect(LinkTracking.removingTracking(from: once) == LinkTracking.removingTracking(from: url))
            }
        }
    }
}
