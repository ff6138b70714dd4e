import Testing

@testable import Syndicate

/// Key phrases on text as blogs publish it, where the only category is a default one: a
/// phrase becomes a hashtag only when it names something.
@Suite struct KeyPhrasesFeedTests {
    /// A WordPress excerpt item whose footer quotes the title ("The post <title> appeared first
    /// on <blog>."), kept here as if no boilerplate rule had removed it. Before: `#Best #Season
    /// #Sales`, from the title-cased headline and its quotation.
    @Test func titleCasedHeadlineAndItsQuotationNameNothing() {
        let post = Post(
            id: "1", title: "The Best of This Season’s Sales",
            paragraphs: [
                "I envy people who aren’t interested in clothes. They get dressed in the morning without a second thought.",
                "The post The Best of This Season’s Sales appeared first on Die, Workwear!.",
            ],
            tags: ["Uncategorized"])
        #expect(KeyPhrases.phrases(in: post) == [])
        #expect(Hashtags.hashtags(for: post, on: .mastodon, policy: .default) == [])
    }

    /// A sales round-up with section headings. Before: `#Alden #Men #ToddSnyder #America` (the
    /// headings "For Men", "Boots for Men" and "Made in America" counted as proper nouns).
    @Test func headingsAreNotEvidenceButRepeatedNamesInProseAre() {
        let post = Post(
            id: "1", title: "The Best of This Season’s Sales",
            paragraphs: [
                "Winter sales have started, and some of them are good.",
                "For Men",
                "Todd Snyder is taking an extra 30% off sale items with the code EXTRA30. I especially like their wool cardigans.",
                "Drake’s has marked down its ties and chore coats, some by half.",
                "Boots for Men",
                "Alden’s seconds sale is on, and Todd Snyder has Alden loafers at 25% off.",
                "Made in America",
                "Viberg and Alden both make their boots in America, and both are on sale.",
            ],
            tags: ["Uncategorized"])
        #expect(KeyPhrases.phrases(in: post) == ["Alden", "Todd Snyder"])
        #expect(Hashtags.hashtags(for: post, on: .mastodon, policy: .default) == ["Alden", "ToddSnyder"])
    }

    /// A school item filed under "News" only: the category is blocked, and the names the
    /// article repeats are proposed instead.
    @Test func schoolNewsItemGetsTheNamesItRepeats() {
        let post = Post(
            id: "1", title: "School Leaders Will Have the Chance to Work for Ofsted",
            summary: "Middle leaders can spend a year at Ofsted, Amanda Spielman told the ASCL conference.",
            paragraphs: [
                "School leaders will have the chance to work for Ofsted for a year under a new secondment programme announced by Amanda Spielman.",
                "Ofsted’s Chief Inspector revealed the plans on Saturday at the annual ASCL conference in Birmingham.",
            ],
            tags: ["News"])
        #expect(Hashtags.hashtags(for: post, on: .mastodon, policy: .default) == ["Ofsted", "AmandaSpielman", "ASCL"])
    }

    @Test func aNameOnlyInTheTitleAndOnceInTheTextIsNotRepeated() {
        let post = Post(
            id: "1", title: "Visit to Birmingham",
            paragraphs: ["Year 9 went to Birmingham on Tuesday and saw the canal museum."])
        #expect(KeyPhrases.phrases(in: post) == [])
    }

    @Test func summaryRepeatingTheLeadIsNotASecondMention() {
        let lead = "Todd Snyder is taking an extra 30% off sale items this week."
        let post = Post(id: "1", title: "Sales", summary: lead, paragraphs: [lead, "The cardigans are the best buy."])
        #expect(KeyPhrases.phrases(in: post) == [])
    }

    @Test(arguments: [
        ("For Men", true), ("Made in America", true), ("Boots for Men", true),
        ("The Best of This Season’s Sales", true), ("Thanks, Ofsted.", false),
        ("We met Amanda Spielman in Birmingham.", false), ("Ofsted says it sees the secondments as a step.", false),
        ("Present: Jo Smith, Ann Lee, Tom Hart.", true),
    ])
    func headingLikeSentences(sentence: String, isHeading: Bool) {
        let tokens = KeyPhrases.tokens(in: sentence)
        #expect(KeyPhrases.isHeading(tokens, endsWithTerminator: KeyPhrases.endsWithTerminator(sentence)) == isHeading)
    }
}
