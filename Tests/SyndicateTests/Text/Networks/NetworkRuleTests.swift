import Syndicate
import Testing

@Suite struct NetworkRuleTests {
    private static let family = "👨‍👩‍👧‍👧"  // 1 grapheme, 7 code points, 11 UTF-16 units, 25 bytes

    @Test func blueskyByteCapCanBeReachedBeforeTheGraphemeCap() {
        let text = String(repeating: Self.family, count: 121)  // 121 graphemes, 3,025 bytes
        let measurement = NetworkRule.bluesky.measure(text)
        #expect(measurement == TextMeasurement(
            network: .bluesky, length: 121, limit: 300, isValid: false, bytes: 3025, graphemes: 121,
            warnings: [.byteLimitExceeded(bytes: 3025, byteLimit: 3000)]))
        #expect(measurement.remaining == 179)
        #expect(measurement.warnings.map(\.description) == [
            "over the limit of 3000 UTF-8 bytes (3025); shorten it or use fewer emoji and non-Latin letters"
        ])
    }

    @Test func blueskyAtBothCapsIsValid() {
        let text = String(repeating: Self.family, count: 120)  // 3,000 bytes exactly
        #expect(NetworkRule.bluesky.measure(text) == TextMeasurement(
            network: .bluesky, length: 120, limit: 300, isValid: true, bytes: 3000, graphemes: 120))
        let letters = String(repeating: "é", count: 301)
        #expect(NetworkRule.bluesky.measure(letters) == TextMeasurement(
            network: .bluesky, length: 301, limit: 300, isValid: false, bytes: 602, graphemes: 301))
    }

    @Test(arguments: [
        ("Hi 😀", 7),  // 3 + 4
        ("👍🏽", 8),
        (NetworkRuleTests.family, 25),
        ("🇫🇷", 8),
        ("❤️", 6),  // U+2764 U+FE0F: an emoji by its variation selector
        ("❤", 1),  // text presentation: one character
        ("© 2026", 6),
        ("1️⃣", 7),
        ("café", 4),
    ])
    func threadsCountsEmojiAsTheirUTF8Bytes(text: String, length: Int) {
        #expect(NetworkRule.threads.measure(text).length == length)
    }

    @Test func threadsLimitIsFiveHundred() {
        let measurement = NetworkRule.threads.measure(String(repeating: "😀", count: 126))  // 504
        #expect(measurement == TextMeasurement(
            network: .threads, length: 504, limit: 500, isValid: false, bytes: 504, graphemes: 126))
    }

    @Test func slackWarnsOverFourThousandAndRejectsOverFortyThousand() {
        let long = NetworkRule.slack.measure(String(repeating: "a", count: 4001))
        #expect(long == TextMeasurement(
            network: .slack, length: 4001, limit: 40_000, isValid: true, bytes: 4001, graphemes: 4001,
            warnings: [.softLimitExceeded(length: 4001, softLimit: 4000)]))
        #expect(long.warnings.map(\.description) == [
            "longer than the recommended 4000 characters (4001); readers may see it folded or truncated"
        ])
        #expect(NetworkRule.slack.measure(String(repeating: "a", count: 4000)).warnings == [])
        let tooLong = NetworkRule.slack.measure(String(repeating: "a", count: 40_001))
        #expect(tooLong.isValid == false)
        #expect(tooLong.warnings == [])
    }

    @Test func telegramCountsUTF16Units() {
        let fits = NetworkRule.telegram.measure(String(repeating: "😀", count: 2048))
        #expect(fits == TextMeasurement(
            network: .telegram, length: 4096, limit: 4096, isValid: true, bytes: 8192, graphemes: 2048))
        let over = NetworkRule.telegram.measure(String(repeating: "😀", count: 2048) + "a")
        #expect(over.length == 4097)
        #expect(over.isValid == false)
        #expect(over.remaining == -1)
        #expect(NetworkRule.telegram.measure(Self.family).length == 11)
    }

    @Test(arguments: [
        (NetworkRule.linkedin, SocialNetwork.linkedin, 3000),
        (NetworkRule.facebook, SocialNetwork.facebook, 63_206),
        (NetworkRule.discord, SocialNetwork.discord, 2000),
        (NetworkRule.slack, SocialNetwork.slack, 40_000),
        (NetworkRule.tumblr, SocialNetwork.tumblr, 4096),
    ])
    func characterNetworksCountCodePoints(rule: NetworkRule, network: SocialNetwork, limit: Int) {
        #expect(rule.measure("Hi " + Self.family) == TextMeasurement(
            network: network, length: 10, limit: limit, isValid: true, bytes: 28, graphemes: 4))
        #expect(rule.unit == .codePoints)
    }

    @Test func discordRejectsTwoThousandAndOne() {
        #expect(NetworkRule.discord.measure(String(repeating: "a", count: 2000)).isValid)
        #expect(NetworkRule.discord.measure(String(repeating: "a", count: 2001)).isValid == false)
    }

    @Test func xUsesTwitterTextsWeightedLengthAndValidity() {
        let text = "Hello 日本 https://example.com"
        let parsed = TwitterText.parse(text)
        let measurement = NetworkRule.x.measure(text)
        #expect(measurement.length == parsed.weightedLength)
        #expect(measurement.isValid == parsed.isValid)
        #expect(measurement.limit == 280)
        #expect(NetworkRule.x.unit == .weighted)
        #expect(NetworkRule.x.measure("").isValid == TwitterText.parse("").isValid)
    }

    @Test func xLimitIsConfigurable() {
        let text = String(repeating: "a", count: 300)
        #expect(NetworkRule.x.measure(text).isValid == false)
        let premium = NetworkRule.x(limit: 4000).measure(text)
        #expect(premium.isValid)
        #expect(premium.limit == 4000)
        #expect(premium.remaining == 4000 - TwitterText.parse(text).weightedLength)
    }

    @Test func mastodonUsesItsInstanceLimitAndURLLength() {
        let text = "Read https://example.com/a/very/long/path/indeed"
        let rule = NetworkRule.mastodon(limit: 1000, urlLength: 30)
        #expect(rule.measure(text).length == MastodonLength.count(text, urlLength: 30))
        #expect(rule.measure(text).limit == 1000)
        #expect(NetworkRule.mastodon.limit == 500)
        #expect(NetworkRule.mastodon.measure(text).length == MastodonLength.count(text))
    }

    @Test func withLimitKeepsUnitAndCaps() {
        let rule = NetworkRule.bluesky.withLimit(100)
        #expect(rule.limit == 100)
        #expect(rule.byteLimit == 3000)
        #expect(rule.unit == .graphemes)
    }

    @Test func ruleForEachNetworkIsItsStaticMember() {
        #expect(SocialNetwork.allCases.map { NetworkRule.rule(for: $0).network } == SocialNetwork.allCases)
        #expect(SocialNetwork.allCases.map { NetworkRule.rule(for: $0).limit } == [
            280, 500, 300, 500, 3000, 63_206, 4096, 2000, 40_000, 4000, 4096,
        ])
    }
}
