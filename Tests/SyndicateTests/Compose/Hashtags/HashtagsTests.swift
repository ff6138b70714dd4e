import Foundation
import Testing

@testable import Syndicate

@Suite struct HashtagsTests {
    @Test(arguments: [
        ("Early Years", "EarlyYears"),
        ("school-leaders", "SchoolLeaders"),
        ("Ofsted", "Ofsted"),
        ("SEND", "SEND"),
        ("iPad", "iPad"),
        ("ofsted", "ofsted"),
        ("SEND support", "SENDSupport"),
        ("Key Stage 2", "KeyStage2"),
        ("Year 9", "Year9"),
        ("COVID-19", "COVID19"),
        ("Children’s Mental Health", "ChildrensMentalHealth"),
        ("Arts & Crafts", "ArtsCrafts"),
        ("U.K. schools", "UKSchools"),
        ("  music   and drama ", "MusicAndDrama"),
        ("café culture", "CaféCulture"),
        ("école", "école"),
        ("snake_case tag", "Snake_caseTag"),
        ("1st POST", "1stPOST"),
        ("Fête (summer)!", "FêteSummer"),
        ("日本語", "日本語"),
    ])
    func hashtagFromTag(tag: String, expected: String) {
        #expect(Hashtags.hashtag(from: tag) == expected)
    }

    @Test(arguments: ["", "   ", "2024", "12 345", "!!!", "#", "—", "😀", "\u{301}"])
    func tagsWithoutALetterGiveNoHashtag(tag: String) {
        #expect(Hashtags.hashtag(from: tag) == nil)
    }

    @Test func hashtagLongerThanSixtyFourGraphemesIsRefused() {
        #expect(Hashtags.hashtag(from: String(repeating: "a", count: 64)) == String(repeating: "a", count: 64))
        #expect(Hashtags.hashtag(from: String(repeating: "a", count: 65)) == nil)
    }

    @Test func candidatesConvertBlockAndDeduplicateTagsInOrder() {
        let post = Post(
            id: "1", title: "T",
            tags: ["1st POST", "Early Years", "early-years", "Uncategorized", "Ofsted", "OFSTED!", "2024", "Front Page", "Leadership"])
        #expect(Hashtags.candidates(for: post, policy: .default) == ["EarlyYears", "Ofsted", "Leadership"])
    }

    @Test func candidatesDeduplicateAcrossDiacritics() {
        let post = Post(id: "1", title: "T", tags: ["Café Life", "Cafe-Life", "CAFE LIFE!"])
        #expect(post.tags == ["Café Life", "Cafe-Life", "CAFE LIFE!"])
        #expect(Hashtags.candidates(for: post, policy: .default) == ["CaféLife"])
    }

    @Test func userBlockListIsComparedAfterCamelCasing() {
        var policy = HashtagPolicy.default
        policy.blockList.append("whole-school")
        let post = Post(id: "1", title: "T", tags: ["Whole School", "Ofsted"])
        #expect(Hashtags.candidates(for: post, policy: policy) == ["Ofsted"])
        #expect(Hashtags.candidates(for: post, policy: .default) == ["WholeSchool", "Ofsted"])
    }

    @Test func emptyBlockListKeepsGenericLabels() {
        let post = Post(id: "1", title: "T", tags: ["News", "Uncategorized"])
        #expect(Hashtags.candidates(for: post, policy: HashtagPolicy(blockList: [])) == ["News", "Uncategorized"])
        #expect(Hashtags.candidates(for: post, policy: .default) == [])
    }

    @Test func perNetworkMaximumsKeepTheHighestPriority() {
        let post = Post(id: "1", title: "T", tags: ["Ofsted", "Leadership", "Primary", "Secondary", "Teaching"])
        let policy = HashtagPolicy.default
        #expect(Hashtags.hashtags(for: post, on: .x, policy: policy) == ["Ofsted", "Leadership"])
        #expect(Hashtags.hashtags(for: post, on: .bluesky, policy: policy) == ["Ofsted", "Leadership"])
        #expect(Hashtags.hashtags(for: post, on: .mastodon, policy: policy) == ["Ofsted", "Leadership", "Primary", "Secondary"])
        #expect(Hashtags.hashtags(for: post, on: .linkedin, policy: policy) == ["Ofsted", "Leadership", "Primary"])
        #expect(Hashtags.hashtags(for: post, on: .threads, policy: policy) == ["Ofsted"])
        #expect(Hashtags.hashtags(for: post, on: .facebook, policy: policy) == [])
        #expect(Hashtags.hashtags(for: post, on: .telegram, policy: policy) == [])
    }

    @Test func threadsNeverGetsMoreThanOneTopicEvenWhenAskedFor() {
        let post = Post(id: "1", title: "T", tags: ["Ofsted", "Leadership"])
        let policy = HashtagPolicy(maximumPerNetwork: [.threads: 3])
        #expect(Hashtags.hashtags(for: post, on: .threads, policy: policy) == ["Ofsted"])
    }

    @Test func threadsSkipsATagTooLongForATopic() {
        let long = String(repeating: "Word ", count: 13)  // 52 letters once joined
        let post = Post(id: "1", title: "T", tags: [long, "Ofsted"])
        #expect(Hashtags.hashtags(for: post, on: .threads, policy: .default) == ["Ofsted"])
        #expect(Hashtags.hashtags(for: post, on: .x, policy: .default) == [String(repeating: "Word", count: 13), "Ofsted"])
    }

    @Test(arguments: [
        ("Early Years", "EarlyYears"),
        ("Arts & Crafts", "ArtsCrafts"),
        ("St. Mary’s", "StMarys"),
        ("line\nbreak", "LineBreak"),
    ])
    func threadsTopicTag(tag: String, expected: String) {
        #expect(Hashtags.threadsTopicTag(from: tag) == expected)
    }

    @Test func threadsTopicTagIsAtMostFiftyCharacters() {
        #expect(Hashtags.threadsTopicTag(from: String(repeating: "b", count: 50)) == String(repeating: "b", count: 50))
        #expect(Hashtags.threadsTopicTag(from: String(repeating: "b", count: 51)) == nil)
        #expect(Hashtags.threadsTopicTag(from: "2024") == nil)
    }

    @Test func postWithoutTagsGetsKeyPhrasesFromItsText() {
        let post = Post(
            id: "1", title: "Ofsted to offer school leaders year-long secondments",
            summary: "Middle leaders will be able to spend a year working at Ofsted, the ASCL conference heard.",
            paragraphs: [
                "Middle leaders will be able to spend a year on secondment to Ofsted, under a scheme unveiled at the ASCL annual conference.",
                "Ofsted says it sees the secondments as a step towards headship.",
            ])
        #expect(Hashtags.candidates(for: post, policy: .default) == ["Ofsted", "ASCL"])
        #expect(Hashtags.hashtags(for: post, on: .threads, policy: .default) == ["Ofsted"])
    }

    @Test func tagsThatAreAllBlockedFallBackToKeyPhrases() {
        let post = Post(
            id: "1", title: "Governors meet",
            paragraphs: ["The GLT met on Monday. Next term the GLT meets again."],
            tags: ["Uncategorized", "1st POST"])
        #expect(Hashtags.candidates(for: post, policy: .default) == ["GLT"])
    }

    @Test func seedArticleLosesItsPlacementLabel() {
        let post = Post(id: "1", title: "T", tags: ["1st POST", "Leadership", "Ofsted", "Primary", "Secondary", "Teaching"])
        #expect(Hashtags.hashtags(for: post, on: .x, policy: .default) == ["Leadership", "Ofsted"])
    }
}
