import Testing

@testable import Syndicate

@Suite struct HashtagPolicyTests {
    @Test func defaultMaximumsMatchTheIssue() {
        let policy = HashtagPolicy.default
        let maximums = SocialNetwork.allCases.map { "\($0.rawValue) \(policy.maximum(for: $0))" }
        #expect(maximums == ["x 2", "mastodon 4", "bluesky 2", "threads 1", "linkedin 3", "facebook 0", "telegram 0", "discord 0", "slack 0", "webhook 0", "tumblr 5"])
        #expect(!policy.inline)
    }

    @Test func missingOrNegativeMaximumIsZero() {
        let policy = HashtagPolicy(maximumPerNetwork: [.x: -3])
        #expect(policy.maximum(for: .x) == 0)
        #expect(policy.maximum(for: .mastodon) == 0)
    }

    @Test(arguments: ["Uncategorized", "uncategorised", "1st POST", "2nd post", "Featured", "front-page", "Blog", "News", "Latest News", "Misc"])
    func defaultBlockListBlocksSiteInternalLabels(label: String) throws {
        let word = try #require(Hashtags.hashtag(from: label))
        #expect(HashtagPolicy.default.blocks(word))
    }

    @Test(arguments: ["Ofsted", "Leadership", "Education", "Early Years", "Science", "Newsletter"])
    func defaultBlockListKeepsTopicalTags(tag: String) throws {
        let word = try #require(Hashtags.hashtag(from: tag))
        #expect(!HashtagPolicy.default.blocks(word))
    }
}
