import Foundation
import SyndicateTestSupport
import Testing

@testable import Syndicate

/// Properties every payload keeps, over posts from a seeded generator: random lengths,
/// scripts (Latin, CJK, Arabic, Devanagari), emoji ZWJ sequences, URLs, mentions, many or no tags.
@Suite struct ComposerPropertyTests {
    static let postCount = 100

    /// Deterministic posts: the same seed gives the same posts on every run.
    static let posts: [Post] = {
        var generator = PostGenerator(seed: 0x5EED_2026)
        return (0..<postCount).map { generator.post(number: $0) }
    }()

    static let composers = [
        Composer(),
        Composer(configuration: ComposerConfiguration(hashtags: HashtagPolicy(inline: true), threading: true)),
    ]

    @Test(arguments: SocialNetwork.allCases)
    func everyPayloadKeepsItsProperties(network: SocialNetwork) throws {
        for composer in Self.composers {
            for post in Self.posts {
                let payload = try composer.payload(for: post, on: network)
                check(payload, post: post, composer: composer)
            }
        }
    }

    private func check(_ payload: SharePayload, post: Post, composer: Composer) {
        let rule = composer.configuration.rule(for: payload.network)
        let counted = payload.commentary ?? payload.text
        let measurement = rule.measure(counted)
        let label = "\(payload.network) post \(post.id)"
        #expect(!payload.text.isEmpty, "\(label): empty")
        #expect(measurement.isValid, "\(label): \(measurement.length) > \(rule.limit): \(counted)")
        #expect(payload.length == measurement.length, "\(label): stated length")
        for part in payload.parts ?? [] {
            let partMeasurement = rule.measure(part.text)
            #expect(partMeasurement.isValid && part.length == partMeasurement.length, "\(label): part \(part.index)")
        }
        // The link is intact.
        if let url = post.url {
            let link = composer.configuration.linkTracking.url(url, for: payload.network)
            #expect(payload.link == link, "\(label): link")
            let written: String =
                switch payload.network {
                case .telegram, .slack: TelegramParts.escape(link.absoluteString)
                case .facebook, .tumblr: ""  // the link is a field (Tumblr: the link block)
                default: link.absoluteString
                }
            #expect(written.isEmpty || payload.text.contains(written), "\(label): link not in text: \(payload.text)")
        }
        // No grapheme cluster is split: every cluster of the text is one of the post's, the
        // template's or the link's.
        let allowed = Self.allowedCharacters(post: post, payload: payload)
        for character in payload.text where !allowed.contains(character) {
            Issue.record("\(label): cluster \(character.unicodeScalars.map { String($0.value, radix: 16) }) is not in the post")
        }
        // No URL or hashtag is split: every one in the text is whole in the post or is the link.
        let plain = ([post.title, post.summary ?? ""] + post.paragraphs).joined(separator: "\n")
        let source = [plain, TelegramParts.escape(plain), DiscordParts.escape(plain)].joined(separator: "\n")
        for entity in TwitterText.entities(in: payload.text) where entity.kind == .url || entity.kind == .hashtag {
            let whole =
                source.contains(entity.text) || payload.link?.absoluteString == entity.text
                || (entity.kind == .hashtag && payload.hashtags.contains(entity.value))
            #expect(whole, "\(label): '\(entity.text)' split in \(payload.text)")
        }
        // Bluesky facets select exactly the link and tag text they describe.
        if let facets = payload.facets {
            let bytes = Array(payload.text.utf8)
            for facet in facets {
                let slice = String(decoding: bytes[facet.index.byteStart..<facet.index.byteEnd], as: UTF8.self)
                for feature in facet.features {
                    switch feature {
                    case .link(let uri): #expect(uri == slice || uri == "https://" + slice, "\(label): \(slice) ≠ \(uri)")
                    case .tag(let tag):
                        // A hashtag's tag drops the `#`; a cashtag's keeps its `$`.
                        let written = tag.hasPrefix("$") ? [tag] : ["#" + tag, "＃" + tag]
                        #expect(written.contains(slice), "\(label): \(slice) ≠ #\(tag)")
                    case .mention, .unresolvedMention: break
                    }
                }
            }
        }
    }

    private static func allowedCharacters(post: Post, payload: SharePayload) -> Set<Character> {
        var allowed = Set<Character>("…”\"#/ \n0123456789()<>*_\\&;abcdefghijklmnopqrstuvwxyz|¦ABCDEFGHIJKLMNOPQRSTUVWXYZ:.")
        for text in [post.title, post.summary ?? "", post.source?.name ?? "", post.author ?? ""] + post.paragraphs + post.tags {
            allowed.formUnion(text)
        }
        for tag in payload.hashtags { allowed.formUnion(tag) }
        if let link = payload.link { allowed.formUnion(link.absoluteString) }
        return allowed
    }
}

/// A seeded generator of varied posts, for property tests.
struct PostGenerator {
    private var random: SeededGenerator

    init(seed: UInt64) {
        random = SeededGenerator(seed: seed)
    }

    mutating func next() -> UInt64 {
        random.next()
    }

    mutating func int(_ range: ClosedRange<Int>) -> Int {
        random.int(range)
    }

    mutating func pick<T>(_ items: [T]) -> T {
        random.pick(items)
    }

    static let latin = [
        "school", "leaders", "Ofsted", "inspection", "pupils", "teachers", "Birmingham", "secondment", "the", "a",
        "programme", "“quoted", "words,”", "extraordinarily-long-hyphenated-compound-word", "café", "naïve",
        "résumé", "year", "2026", "ASCL",
    ]
    static let cjk = ["東京", "学校", "先生", "生徒", "教育", "新しい", "開校", "北京", "学生", "老师"]
    static let arabic = ["مدرسة", "المعلمين", "التعليم", "الطلاب", "جديد"]
    static let devanagari = ["विद्यालय", "शिक्षक", "नमस्ते"]
    static let emoji = ["👨‍👩‍👧‍👦", "🏳️‍🌈", "👍🏽", "🇬🇧", "❤️", "🎉", "1️⃣"]
    static let specials = [
        "https://example.com/a/very/long/path/to/an/article?with=query&and=more", "example.org/page", "@headteacher",
        "#SchoolNews", "$AAPL", "<b>", "Fish & chips", "*stars*", "[sic]", "50%",
    ]
    static let tagPool = [
        "Ofsted", "Early Years", "1st POST", "Uncategorized", "日本語", "2024", "Science & Tech", "Leadership",
        "Very Long Tag Name That Goes On And On", "emoji 🎉", "ASCL", "c++",
    ]

    mutating func word(script: Int) -> String {
        switch script {
        case 0: int(0...9) == 0 ? pick(Self.specials) : pick(Self.latin)
        case 1: pick(Self.cjk)
        case 2: pick(Self.arabic)
        case 3: pick(Self.devanagari)
        default: int(0...2) == 0 ? pick(Self.emoji) : pick(Self.latin)
        }
    }

    mutating func sentence() -> String {
        let script = int(0...4)
        let count = int(1...45)
        let words = (0..<count).map { _ in word(script: script) }
        if script == 1 { return words.joined() + pick(["。", "！", "？"]) }
        return words.joined(separator: " ") + pick([".", "!", "?", "…", ""])
    }

    mutating func post(number: Int) -> Post {
        let paragraphs = (0..<int(0...5)).map { _ in (0..<int(1...6)).map { _ in sentence() }.joined(separator: " ") }
        let title = int(0...9) == 0 ? "" : sentence()
        let summary = int(0...3) == 0 ? sentence() : nil
        let url =
            int(0...9) == 0
            ? nil : URL(string: "https://news.example/\(number)/" + String(repeating: "segment-", count: int(0...12)))
        let tags = (0..<int(0...8)).map { _ in pick(Self.tagPool) }
        let images =
            (0..<int(0...5)).compactMap { index in
                URL(string: "https://news.example/\(number)/\(index).jpg").map { Post.Image(url: $0, alt: index == 0 ? nil : "Photo") }
            }
        let language = pick([nil, "en", "ja", "zh-Hans", "ar", "hi"])
        var post = Post(
            id: "generated-\(number)", title: title.isEmpty && paragraphs.isEmpty && url == nil ? "Untitled" : title,
            url: url, summary: summary, paragraphs: paragraphs, tags: tags, images: images, language: language)
        if int(0...3) == 0 { post.source = Post.Source(name: pick(["The Telegraph", "BBC News", "Schools <Week>"])) }
        return post
    }
}
