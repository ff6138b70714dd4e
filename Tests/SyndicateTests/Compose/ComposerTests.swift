import Foundation
import SyndicateTestSupport
import Testing

@testable import Syndicate

@Suite struct ComposerTests {
    let link = "https://school.example/news/1"

    @Test func xIsSummaryLinkAndTwoTags() throws {
        let payload = try ComposeFixtures.untracked.payload(for: ComposeFixtures.post(), on: .x)
        #expect(
            payload.text
                == "Middle leaders will be able to spend a year on secondment to Ofsted. https://school.example/news/1 #Ofsted #Leadership")
        #expect(payload.length == 118)  // `.example` is no TLD twitter-text knows: the URL counts its 29 characters
        #expect(payload.limit == 280)
        #expect(payload.hashtags == ["Ofsted", "Leadership"])
        #expect(payload.link?.absoluteString == link)
        #expect(payload.warnings.isEmpty)
    }

    @Test func linkIsTrackedPerNetworkByDefault() throws {
        let payload = try Composer().payload(for: ComposeFixtures.post(), on: .mastodon)
        let tracked = "https://school.example/news/1?utm_source=mastodon&utm_medium=social&utm_campaign=syndicate"
        #expect(payload.link?.absoluteString == tracked)
        #expect(
            payload.text
                == "Middle leaders will be able to spend a year on secondment to Ofsted.\n\n\(tracked)\n\n#Ofsted #Leadership")
    }

    @Test func hashtagsAreDroppedLowestPriorityFirstToKeepTheLeadWhole() throws {
        let lead = String(repeating: "word ", count: 47) + "end."  // 239 characters
        let post = ComposeFixtures.post(paragraphs: [lead])
        let payload = try ComposeFixtures.untracked.payload(for: post, on: .x)
        #expect(payload.text == "\(lead) \(link) #Ofsted")
        #expect(payload.hashtags == ["Ofsted"])
        #expect(
            payload.warnings == [.init(.hashtagsDropped, "#Leadership left out: no room within X's limit of 280.")])
    }

    @Test func headlineReplacesALeadTooLongToFit() throws {
        let lead = String(repeating: "word ", count: 80) + "end."
        let post = ComposeFixtures.post(title: "Secondments at Ofsted", paragraphs: [lead])
        let payload = try ComposeFixtures.untracked.payload(for: post, on: .x)
        #expect(payload.text == "Secondments at Ofsted \(link) #Ofsted #Leadership")
        #expect(payload.warnings.map(\.code) == [.headlineUsed])
    }

    @Test func longLeadIsCutWithACountedEllipsisWhenThereIsNoShorterHeadline() throws {
        let lead = "Secondments at Ofsted " + String(repeating: "word ", count: 80) + "end."
        let post = ComposeFixtures.post(title: "", paragraphs: [lead])
        let payload = try ComposeFixtures.untracked.payload(for: post, on: .x)
        let kept = "Secondments at Ofsted " + String(repeating: "word ", count: 40) + "word…"
        #expect(payload.text == "\(kept) \(link) #Ofsted #Leadership")
        #expect(payload.length == 278)  // "…" weighs 2; one more word would make 283
        #expect(payload.warnings.map(\.code) == [.summaryCut])
    }

    @Test func headlineThatOpensTheLeadStandsInForIt() throws {
        let lead = "Secondments at Ofsted " + String(repeating: "word ", count: 80) + "end."
        let post = ComposeFixtures.post(title: "Secondments at Ofsted", paragraphs: [lead])
        let payload = try ComposeFixtures.untracked.payload(for: post, on: .x)
        #expect(payload.text == "Secondments at Ofsted \(link) #Ofsted #Leadership")
        #expect(payload.warnings.map(\.code) == [.headlineUsed])
    }

    @Test func titleThatRepeatsTheLeadIsNotSaidTwice() throws {
        let post = ComposeFixtures.post(
            title: "Middle leaders can spend a year at Ofsted",
            paragraphs: ["Middle leaders can spend a year at Ofsted, the Chief Inspector said."], tags: [])
        let payload = try ComposeFixtures.untracked.payload(for: post, on: .linkedin)
        // No tags: the key phrase the text repeats ("Ofsted", in the title and the lead) is proposed.
        #expect(payload.text == "Middle leaders can spend a year at Ofsted, the Chief Inspector said.\n\n\(link)\n\n#Ofsted")
    }

    @Test func authorSummaryIsPreferredAndRepeatingLeadSkipped() throws {
        let post = ComposeFixtures.post(
            summary: "Middle leaders can spend a year at Ofsted.",
            paragraphs: ["Middle leaders can spend a whole year at Ofsted.", "A pilot starts in January."])
        let payload = try ComposeFixtures.untracked.payload(for: post, on: .bluesky)
        #expect(
            payload.text
                == "Middle leaders can spend a year at Ofsted. A pilot starts in January. #Ofsted #Leadership\n\n\(link)")
    }

    /// Images win over the link card (a post has one embed); the link stays a facet.
    @Test func blueskyHasLinkAndTagFacetsAndAnExternalCard() throws {
        let image = Post.Image(url: try #require(URL(string: "https://school.example/a.jpg")), alt: "Hall")
        let post = ComposeFixtures.post(summary: "Secondments for leaders.", images: [image])
        let payload = try ComposeFixtures.untracked.payload(for: post, on: .bluesky)
        #expect(
            payload.text
                == "Secondments for leaders. Middle leaders will be able to spend a year on secondment to Ofsted. #Ofsted #Leadership\n\n\(link)")
        let facets = try #require(payload.facets)
        let bytes = Array(payload.text.utf8)
        let described = facets.map { facet in
            String(decoding: bytes[facet.index.byteStart..<facet.index.byteEnd], as: UTF8.self)
        }
        #expect(described == ["#Ofsted", "#Leadership", link])
        #expect(facets.map(\.features) == [[.tag("Ofsted")], [.tag("Leadership")], [.link(uri: link)]])
        #expect(payload.images == [image])
        #expect(payload.embed == nil)

        let withoutImages = try Composer(configuration: ComposerConfiguration(linkTracking: .none, images: .none)).payload(for: post, on: .bluesky)
        #expect(withoutImages.facets == payload.facets)
        let external = try #require(withoutImages.embed?.external)
        #expect(external.uri.absoluteString == link)
        #expect(external.title == "Ofsted to offer school leaders year-long secondments")
        #expect(external.description == "Secondments for leaders.")
        #expect(external.thumbURL == image.url)
        #expect(withoutImages.images.isEmpty)
    }

    @Test func threadsHasOneTopicTagAndALinkAttachment() throws {
        let payload = try ComposeFixtures.untracked.payload(for: ComposeFixtures.post(), on: .threads)
        #expect(payload.text == "Middle leaders will be able to spend a year on secondment to Ofsted.\n\n\(link)")
        #expect(payload.topicTag == "Ofsted")
        #expect(payload.hashtags == ["Ofsted"])
        #expect(payload.linkAttachment?.absoluteString == link)
    }

    @Test func linkedInCommentaryIsLittleTextEscapedAndTheArticleIsNot() throws {
        let post = ComposeFixtures.post(
            title: "Results (2024) are in", paragraphs: ["Pupils scored 100% @ home [sic] with *stars* and a #1 rank."],
            tags: ["Ofsted"], source: "The Telegraph")
        let payload = try ComposeFixtures.untracked.payload(for: post, on: .linkedin)
        #expect(
            payload.text
                == "Results (2024) are in\n\nPupils scored 100% @ home [sic] with *stars* and a #1 rank. (via The Telegraph)\n\n\(link)\n\n#Ofsted")
        let title = #"Results \(2024\) are in"#
        let summary = ##"Pupils scored 100% \@ home \[sic\] with \*stars\* and a \#1 rank. \(via The Telegraph\)"##
        let hashtag = ##"{hashtag|\#|Ofsted}"##
        let expected = [title, summary, link, hashtag].joined(separator: "\n\n")
        #expect(payload.commentary == expected)
        #expect(payload.length == payload.commentary?.unicodeScalars.count)
        #expect(
            payload.article
                == SharePayload.Article(
                    source: try #require(URL(string: link)), title: "Results (2024) are in",
                    description: "Pupils scored 100% @ home [sic] with *stars* and a #1 rank.", thumbnailURL: nil))
    }

    @Test func facebookIsAMessageWithoutTagsTheLinkCardDoesTheWork() throws {
        let payload = try ComposeFixtures.untracked.payload(for: ComposeFixtures.post(), on: .facebook)
        #expect(payload.text == "Middle leaders will be able to spend a year on secondment to Ofsted.")
        #expect(payload.message == payload.text)
        #expect(payload.hashtags.isEmpty)
        #expect(payload.link?.absoluteString == link)
    }

    @Test func telegramIsHTMLWithEscapedValues() throws {
        let post = ComposeFixtures.post(title: "Fish & chips <Friday>", paragraphs: ["Lunch is 5 > 4 & good."])
        let payload = try ComposeFixtures.untracked.payload(for: post, on: .telegram)
        #expect(payload.text == "<b>Fish &amp; chips &lt;Friday&gt;</b>\n\nLunch is 5 &gt; 4 &amp; good.\n\n\(link)")
        #expect(payload.parseMode == "HTML")
    }

    @Test func slackLinksWithTheTitleAndEscapes() throws {
        let post = ComposeFixtures.post(title: "Fish & chips", paragraphs: ["Lunch is <great>."])
        let payload = try ComposeFixtures.untracked.payload(for: post, on: .slack)
        #expect(payload.text == "Lunch is &lt;great&gt;.\n\n<\(link)|Fish &amp; chips>")
    }

    @Test func discordEscapesMarkdownAndParsesNoMentions() throws {
        let post = ComposeFixtures.post(title: "Star_pupils", paragraphs: ["Well done *everyone* @everyone."])
        let payload = try ComposeFixtures.untracked.payload(for: post, on: .discord)
        #expect(payload.text == "**Star\\_pupils**\nWell done \\*everyone\\* @everyone.\n\(link)")
        #expect(payload.allowedMentions == SharePayload.AllowedMentions(parse: []))
    }

    @Test func inlineHashtagsTagAWordInPlace() throws {
        let configuration = ComposerConfiguration(hashtags: HashtagPolicy(inline: true), linkTracking: .none)
        let payload = try Composer(configuration: configuration).payload(for: ComposeFixtures.post(), on: .x)
        #expect(
            payload.text
                == "Middle leaders will be able to spend a year on secondment to #Ofsted. \(link) #Leadership")
    }

    @Test func mastodonInstanceLimitIsHonoured() throws {
        var configuration = ComposerConfiguration(linkTracking: .none)
        configuration.rules[.mastodon] = .mastodon(limit: 80)
        let payload = try Composer(configuration: configuration).payload(for: ComposeFixtures.post(), on: .mastodon)
        #expect(payload.limit == 80)
        #expect(payload.length <= 80)
        // No number of hashtags dropped saves the lead, so they stay and the lead is cut; the
        // URL counts 29 here, its own length, because `.example` is not a TLD Mastodon links.
        #expect(payload.text == "Middle leaders will be able…\n\n\(link)\n\n#Ofsted #Leadership")
        #expect(payload.length == 80)
    }

    @Test func imagesKeepAltTextAndExtrasAreDroppedWithAWarning() throws {
        let images = try (1...5).map { number in
            Post.Image(url: try #require(URL(string: "https://school.example/\(number).jpg")), alt: number == 1 ? nil : "Photo \(number)")
        }
        let payload = try ComposeFixtures.untracked.payload(for: ComposeFixtures.post(images: images), on: .x)
        #expect(payload.images == Array(images.prefix(4)))
        #expect(
            payload.warnings == [
                .init(.imagesDropped, "1 of 5 images left out: X takes at most 4."),
                .init(.imageWithoutAlt, "The image https://school.example/1.jpg has no alt text; add one so that screen-reader users know what it shows."),
            ])
    }

    @Test func postWithoutURLWarns() throws {
        let payload = try ComposeFixtures.untracked.payload(for: ComposeFixtures.post(url: nil), on: .x)
        #expect(payload.text == "Middle leaders will be able to spend a year on secondment to Ofsted. #Ofsted #Leadership")
        #expect(payload.warnings == [.init(.noLink, "The post has no URL, so nothing links to it.")])
    }

    @Test func emptyPostIsATypedError() {
        #expect(throws: ComposeError(
            .emptyPost,
            message: "The post 'empty' has no title, summary, body or link, so there is nothing to post on X; import it again with its content."
        )) {
            try Composer().payload(for: Post(id: "empty", title: " "), on: .x)
        }
    }

    @Test func japaneseLeadIsCutExactly() throws {
        let lead = String(repeating: "東京で新しい学校が開校しました", count: 12) + "。"
        let post = ComposeFixtures.post(title: "", paragraphs: [lead], tags: [], language: "ja")
        let payload = try ComposeFixtures.untracked.payload(for: post, on: .x)
        #expect(payload.length <= 280)
        #expect(payload.length >= 278)
        #expect(payload.text.hasSuffix("… \(link)"))
    }

    @Test func longPostBecomesANumberedThreadWithTheLinkFirst() throws {
        let sentences = (1...12).map { "Sentence number \($0) tells a little more of the story of the secondments." }
        let post = ComposeFixtures.post(paragraphs: [sentences.joined(separator: " ")])
        let composer = Composer(configuration: ComposerConfiguration(linkTracking: .none, threading: true))
        let payload = try composer.payload(for: post, on: .x)
        let parts = try #require(payload.parts)
        #expect(parts.count == 4)
        #expect(
            parts[0].text
                == sentences[0...2].joined(separator: " ") + " 1/4 \(link) #Ofsted #Leadership")
        #expect(parts[1].text == sentences[3...5].joined(separator: " ") + " 2/4")
        #expect(parts[3].text == sentences[9...11].joined(separator: " ") + " 4/4")
        #expect(parts.allSatisfy { $0.length <= 280 && $0.length == NetworkRule.x.measure($0.text).length })
        #expect(parts.dropFirst().allSatisfy { !$0.text.contains(link) })
        #expect(payload.text == parts[0].text)
    }

    @Test func payloadsComeInTheOrderAsked() throws {
        let payloads = try Composer().payloads(for: ComposeFixtures.post(), on: [.slack, .x])
        #expect(payloads.map(\.network) == [.slack, .x])
        #expect(try Composer().payloads(for: ComposeFixtures.post()).map(\.network) == SocialNetwork.allCases)
    }
}
