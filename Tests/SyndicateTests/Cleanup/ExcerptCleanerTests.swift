import Foundation
import Testing

@testable import Syndicate

@Suite struct ExcerptCleanerTests {
    /// WordPress's automatic excerpt (55 words and ` [&hellip;]`, decoded by the importer), with
    /// Yoast's default footer after it in the same `description`.
    static let wordPressExcerpt =
        "I envy people who aren’t interested in clothes. They get dressed in the morning without a second thought and [\u{2026}] The post The Best of This Season’s Sales appeared first on Die, Workwear!."

    @Test func wordPressExcerptLosesYoastFooterMarkerAndCutSentence() {
        let summary = ExcerptCleaner.summary(Self.wordPressExcerpt, body: [], filter: .default)
        #expect(summary == "I envy people who aren’t interested in clothes.")
    }

    @Test func cutSentenceIsCompletedFromTheBodyThatBeginsWithIt() {
        let body = [
            "I envy people who aren’t interested in clothes. They get dressed in the morning without a second thought and go about their day.",
            "For the rest of us, the sales have started.",
        ]
        let summary = ExcerptCleaner.summary(Self.wordPressExcerpt, body: body, filter: .default)
        #expect(
            summary
                == "I envy people who aren’t interested in clothes. They get dressed in the morning without a second thought and go about their day."
        )
    }

    @Test func newsPageDescriptionEndingInDotsLosesItsUnfinishedSentence() {
        // An og:description cut at a length, as news sites publish them.
        let description =
            "The council has approved plans for a new primary school in Riverside. The school, which will open in 2027, will take pupils from across the town and add 420 places to the..."
        let body = ["Councillors voted on Tuesday night after a two-hour debate."]
        #expect(
            ExcerptCleaner.summary(description, body: body, filter: .default)
                == "The council has approved plans for a new primary school in Riverside.")
    }

    @Test func completionStopsAtTheParagraphAndNeverEndsOnAHeading() {
        // A page description cut mid-sentence, whose body goes on with a sub-heading.
        let description = "Séries, documentaires, programmes jeunesse. Retrouvez nos recommandations de la semaine. Pour dépasser..."
        let body = [
            "Séries, documentaires, programmes jeunesse. Retrouvez nos recommandations de la semaine.", "Pour dépasser le tabac",
            "Un documentaire en trois épisodes.",
        ]
        #expect(
            ExcerptCleaner.summary(description, body: body, filter: .default)
                == "Séries, documentaires, programmes jeunesse. Retrouvez nos recommandations de la semaine.")
    }

    @Test func summaryThatIsOnlyACutSentenceBecomesNil() {
        #expect(ExcerptCleaner.summary("Forty projects, three winners and one volcano too\u{2026}", body: [], filter: .default) == nil)
        #expect(ExcerptCleaner.summary("[\u{2026}]", body: [], filter: .default) == nil)
        #expect(ExcerptCleaner.summary("The post Science fair appeared first on Riverside.", body: [], filter: .default) == nil)
    }

    @Test func markerAfterAWholeSentenceCutsNothingElse() {
        #expect(
            ExcerptCleaner.summary("Forty projects, three winners. [...]", body: [], filter: .default)
                == "Forty projects, three winners.")
        #expect(
            ExcerptCleaner.summary("“Ofsted is part of the system,” she said. [&hellip;]", body: [], filter: .default)
                == "“Ofsted is part of the system,” she said.")
    }

    @Test func continueReadingLinkAfterTheMarkerGoesWithIt() {
        let excerpt = "Forty projects, three winners. Pupils in Year 9 built \u{2026} Continue reading “Science fair” \u{2192}"
        #expect(ExcerptCleaner.summary(excerpt, body: [], filter: .default) == "Forty projects, three winners.")
        #expect(ExcerptCleaner.paragraph("Forty projects, three winners. Pupils built [\u{2026}] Read more") == "Forty projects, three winners.")
    }

    @Test func aShortSummaryThatIsFurnitureGoesWhileALongOneOnlyLosesFurnitureSentences() {
        #expect(ExcerptCleaner.summary("Subscribe now", body: [], filter: .default) == nil)
        #expect(ExcerptCleaner.summary("Share this:", body: [], filter: .default) == nil)
        let long = "Forty projects, three winners and one volcano made this year’s science fair the busiest yet, the head said. "
            + "The post Science fair appeared first on Riverside Primary."
        #expect(ExcerptCleaner.summary(long, body: [], filter: .default)
            == "Forty projects, three winners and one volcano made this year’s science fair the busiest yet, the head said.")
        // Prose that merely starts like a plug is a long summary: kept.
        let prose = "Subscribe now to the idea that every child can learn to code, the head told parents at the open evening on Monday."
        #expect(ExcerptCleaner.summary(prose, body: [], filter: .default) == prose)
    }

    @Test func summaryWithoutMarkerIsKept() {
        let summary = "Ofsted’s new secondment programme & what it means for middle leaders."
        #expect(ExcerptCleaner.summary(summary, body: [], filter: .default) == summary)
        #expect(ExcerptCleaner.summary("Results are in!", body: [], filter: .default) == "Results are in!")
        #expect(ExcerptCleaner.summary(nil, body: [], filter: .default) == nil)
    }

    @Test func noRulesKeepTheSummaryAsImported() {
        #expect(ExcerptCleaner.summary(Self.wordPressExcerpt, body: [], filter: .none) == Self.wordPressExcerpt)
    }

    @Test func bodyParagraphLosesOnlyBracketedMarkers() {
        #expect(
            ExcerptCleaner.paragraph("I envy people who aren’t interested in clothes. They get dressed [&hellip;]")
                == "I envy people who aren’t interested in clothes.")
        #expect(ExcerptCleaner.paragraph("They get dressed in the morning [...]") == nil)
        // A plain ellipsis in the body is the author's, and brackets that are not a marker stay.
        #expect(ExcerptCleaner.paragraph("And then\u{2026}") == "And then\u{2026}")
        #expect(ExcerptCleaner.paragraph("The results are in [see table]") == "The results are in [see table]")
        #expect(ExcerptCleaner.paragraph("Forty projects (three winners)") == "Forty projects (three winners)")
    }

    @Test func filterCutsParagraphsThatEndInAMarker() {
        let result = BoilerplateFilter.default.clean(
            ["Forty projects, three winners. Pupils in Year 9 built [\u{2026}]", "Only a cut sentence [...]"], title: nil)
        #expect(result.paragraphs == ["Forty projects, three winners."])
    }

    @Test func fullContentFeedTakesTheCutSentenceFromTheBody() throws {
        // WordPress with Yoast, full text: the description is the automatic excerpt and both
        // fields end in the footer.
        let footer =
            "<p>The post <a href=\"https://dieworkwear.example/sales/\">The Best of This Season&#8217;s Sales</a> appeared first on <a href=\"https://dieworkwear.example\">Die, Workwear!</a>.</p>"
        let rss = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Die, Workwear!</title>
            <item><title>The Best of This Season&#8217;s Sales</title><link>https://dieworkwear.example/sales/</link>
            <description><![CDATA[<p>I envy people who aren&#8217;t interested in clothes. They get dressed in the [&#8230;]</p>\(footer)]]></description>
            <content:encoded><![CDATA[<p>I envy people who aren&#8217;t interested in clothes. They get dressed in the morning without a second thought.</p><p>For the rest of us, the sales have started.</p>\(footer)]]></content:encoded>
            </item></channel></rss>
            """
        let post = try #require(try RSSImporter().posts(from: Data(rss.utf8), context: ImportContext(inputName: "feed.rss")).first)
        #expect(
            post.summary
                == "I envy people who aren’t interested in clothes. They get dressed in the morning without a second thought.")
        #expect(post.paragraphs.last == "For the rest of us, the sales have started.")
        let payload = try Composer(configuration: ComposerConfiguration(linkTracking: .none)).payload(for: post, on: .mastodon)
        #expect(!payload.text.contains("appeared first on"))
        #expect(payload.text.hasPrefix("I envy people who aren’t interested in clothes."))
    }

    @Test func wordPressExcerptFeedComposesToTheArticlesOwnWords() throws {
        // An excerpt feed as WordPress with Yoast publishes it: no content:encoded, the
        // description holds the excerpt and the footer.
        let rss = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Die, Workwear!</title>
            <link>https://dieworkwear.example</link>
            <item><title>The Best of This Season&#8217;s Sales</title>
            <link>https://dieworkwear.example/2026/12/07/sales/</link>
            <dc:creator><![CDATA[Derek]]></dc:creator>
            <category><![CDATA[Uncategorized]]></category>
            <description><![CDATA[<p>I envy people who aren&#8217;t interested in clothes. They get dressed in the morning without a second thought and go about their day. For the rest of us, there are sales, and this season there are [&#8230;]</p>
            <p>The post <a rel="nofollow" href="https://dieworkwear.example/2026/12/07/sales/">The Best of This Season&#8217;s Sales</a> appeared first on <a rel="nofollow" href="https://dieworkwear.example">Die, Workwear!</a>.</p>
            ]]></description></item></channel></rss>
            """
        let posts = try RSSImporter().posts(from: Data(rss.utf8), context: ImportContext(inputName: "feed.rss"))
        let post = try #require(posts.first)
        #expect(
            post.paragraphs == [
                "I envy people who aren’t interested in clothes. They get dressed in the morning without a second thought and go about their day."
            ])
        let payload = try Composer(configuration: ComposerConfiguration(linkTracking: .none)).payload(for: post, on: .mastodon)
        #expect(!payload.text.contains("appeared first on"))
        #expect(!payload.text.contains("[\u{2026}]"))
        #expect(!payload.text.contains("there are"))
        #expect(payload.text.contains("I envy people who aren’t interested in clothes."))
        #expect(payload.hashtags.isEmpty)
    }
}
