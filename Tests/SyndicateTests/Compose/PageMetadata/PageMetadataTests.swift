import Foundation
import Testing

@testable import Syndicate

@Suite struct PageMetadataTests {
    static func samplePost() throws -> Post {
        Post(
            id: "https://school.example/news/ofsted-report-2025/",
            title: "Ofsted rates Oakfield Primary ‘Good’ | Oakfield Primary News",
            url: URL(string: "https://school.example/news/ofsted-report-2025/?utm_source=feed&ref=home"),
            summary: "Inspectors praised leadership & early reading. Pupils said they feel \"safe\".",
            paragraphs: ["Ignored because there is a summary."],
            published: Date(timeIntervalSince1970: 1_741_942_800),
            updated: Date(timeIntervalSince1970: 1_741_951_200),
            tags: ["Ofsted", "Uncategorized", "Primary"],
            images: [
                Post.Image(
                    url: try #require(URL(string: "https://school.example/img/ofsted-1200x630.jpg")),
                    alt: "Pupils reading in the school library", width: 1200, height: 630),
            ],
            language: "en-GB")
    }

    @Test func allTagsInOrderWithEscapedHTML() throws {
        let metadata = PageMetadata(
            post: try Self.samplePost(), siteName: "Oakfield Primary News", twitterSite: "OakfieldPrimary",
            fediverseCreator: "@head@mastodon.example")
        #expect(metadata.html == """
            <link rel="canonical" href="https://school.example/news/ofsted-report-2025/?ref=home">
            <meta property="og:type" content="article">
            <meta property="og:title" content="Ofsted rates Oakfield Primary ‘Good’">
            <meta property="og:description" content="Inspectors praised leadership &amp; early reading. Pupils said they feel &quot;safe&quot;.">
            <meta property="og:url" content="https://school.example/news/ofsted-report-2025/?ref=home">
            <meta property="og:site_name" content="Oakfield Primary News">
            <meta property="og:locale" content="en_GB">
            <meta property="og:image" content="https://school.example/img/ofsted-1200x630.jpg">
            <meta property="og:image:width" content="1200">
            <meta property="og:image:height" content="630">
            <meta property="og:image:alt" content="Pupils reading in the school library">
            <meta property="article:published_time" content="2025-03-14T09:00:00Z">
            <meta property="article:modified_time" content="2025-03-14T11:20:00Z">
            <meta property="article:tag" content="Ofsted">
            <meta property="article:tag" content="Primary">
            <meta name="twitter:card" content="summary_large_image">
            <meta name="twitter:site" content="@OakfieldPrimary">
            <meta name="twitter:title" content="Ofsted rates Oakfield Primary ‘Good’">
            <meta name="twitter:description" content="Inspectors praised leadership &amp; early reading. Pupils said they feel &quot;safe&quot;.">
            <meta name="twitter:image" content="https://school.example/img/ofsted-1200x630.jpg">
            <meta name="twitter:image:alt" content="Pupils reading in the school library">
            <meta name="fediverse:creator" content="head@mastodon.example">

            """)
    }

    @Test func minimalPostGetsASummaryCardAndNoUnknownTags() {
        let metadata = PageMetadata(post: Post(id: "1", title: "Sports day"))
        #expect(metadata.tags == [
            PageMetadata.Tag(.property, "og:type", "article"),
            PageMetadata.Tag(.property, "og:title", "Sports day"),
            PageMetadata.Tag(.name, "twitter:card", "summary"),
            PageMetadata.Tag(.name, "twitter:title", "Sports day"),
        ])
    }

    @Test func descriptionFallsBackToTheLeadSkippingARepeatedTitle() {
        let post = Post(
            id: "1", title: "Forty projects, three winners",
            paragraphs: ["Forty projects, three winners.", "Thank you to every family who came. Photos are on the gallery page."])
        #expect(PageMetadata(post: post).value(for: "og:description")
            == "Thank you to every family who came. Photos are on the gallery page.")
    }

    @Test func leadSentenceThatBeginsWithTheTitleIsSkipped() {
        let post = Post(
            id: "1", title: "School leaders will have the chance to work for Ofsted for a year",
            paragraphs: [
                "School leaders will have the chance to work for Ofsted for a year under a new programme.",
                "Ofsted’s Chief Inspector revealed the plans on Saturday.",
            ])
        #expect(PageMetadata(post: post).value(for: "og:description") == "Ofsted’s Chief Inspector revealed the plans on Saturday.")
        let single = Post(id: "1", title: "Sports day", paragraphs: ["Sports day is on Friday."])
        #expect(PageMetadata(post: single).value(for: "og:description") == "Sports day is on Friday.")
    }

    @Test func longDescriptionKeepsWholeSentencesWithinTwoHundred() throws {
        let sentence = "The choir sang at the cathedral on Friday evening with the orchestra."  // 69 characters
        let post = Post(id: "1", title: "Choir", summary: Array(repeating: sentence, count: 4).joined(separator: " "))
        let description = try #require(PageMetadata(post: post).value(for: "og:description"))
        #expect(description == Array(repeating: sentence, count: 2).joined(separator: " "))
    }

    @Test func longSingleSentenceIsCutAtAWordWithinTwoHundred() throws {
        let summary = Array(repeating: "reading", count: 40).joined(separator: " ")  // 319 characters, no full stop
        let description = try #require(PageMetadata(post: Post(id: "1", title: "T", summary: summary)).value(for: "og:description"))
        #expect(description == Array(repeating: "reading", count: 25).joined(separator: " ") + "…")
        #expect(description.count == 200)
    }

    @Test func twitterTitleIsCutAtSeventyAndAltAtFourHundredTwenty() throws {
        let title = Array(repeating: "Leadership", count: 10).joined(separator: " ")  // 109 characters
        let alt = String(repeating: "a ", count: 300)
        let post = Post(
            id: "1", title: title,
            images: [Post.Image(url: try #require(URL(string: "https://school.example/a.jpg")), alt: alt)])
        let metadata = PageMetadata(post: post)
        #expect(metadata.value(for: "og:title") == title)
        #expect(metadata.value(for: "twitter:title") == Array(repeating: "Leadership", count: 6).joined(separator: " ") + "…")
        let cutAlt = try #require(metadata.value(for: "twitter:image:alt"))
        #expect(cutAlt.count == 420)
        #expect(cutAlt.hasSuffix("a a…"))
        #expect(metadata.value(for: "og:image:alt") == Whitespace.collapse(alt))
    }

    @Test func nonHTTPImagesAreSkipped() throws {
        let post = Post(
            id: "1", title: "T",
            images: [
                Post.Image(url: try #require(URL(string: "data:image/png;base64,AAAA"))),
                Post.Image(url: try #require(URL(string: "https://school.example/b.png")), width: 600),
            ])
        let metadata = PageMetadata(post: post)
        #expect(metadata.value(for: "og:image") == "https://school.example/b.png")
        #expect(metadata.value(for: "og:image:width") == "600")
        #expect(metadata.value(for: "og:image:height") == nil)
        #expect(metadata.value(for: "twitter:card") == "summary_large_image")
    }

    @Test(arguments: [
        ("en-GB", "en_GB"), ("en_gb", "en_GB"), ("pt-BR", "pt_BR"), ("zh-Hant-TW", "zh_TW"), ("es-419", "es_419"),
    ])
    func localeBecomesLanguageUnderscoreTerritory(tag: String, expected: String) {
        #expect(PageMetadata(post: Post(id: "1", title: "T"), locale: tag).value(for: "og:locale") == expected)
    }

    @Test(arguments: ["en", "", "english", "e1-GB"])
    func localeWithoutRegionOrMalformedIsLeftOut(tag: String) {
        #expect(PageMetadata(post: Post(id: "1", title: "T", language: "fr-FR"), locale: tag).value(for: "og:locale") == nil)
    }

    @Test func localeDefaultsToThePostLanguage() {
        #expect(PageMetadata(post: Post(id: "1", title: "T", language: "fr-FR")).value(for: "og:locale") == "fr_FR")
    }

    @Test func brandingIsRemovedOnlyForTheGivenSite() {
        let post = Post(id: "1", title: "Riverside News - Open evening")
        #expect(PageMetadata(post: post, siteName: "Riverside News").value(for: "og:title") == "Open evening")
        #expect(PageMetadata(post: post).value(for: "og:title") == "Riverside News - Open evening")
        let onlyBrand = Post(id: "1", title: "Riverside News")
        #expect(PageMetadata(post: onlyBrand, siteName: "Riverside News").value(for: "og:title") == "Riverside News")
    }

    @Test func invalidAccountsAreLeftOut() {
        let metadata = PageMetadata(post: Post(id: "1", title: "T"), twitterSite: "@", fediverseCreator: "head")
        #expect(metadata.value(for: "twitter:site") == nil)
        #expect(metadata.value(for: "fediverse:creator") == nil)
    }

    @Test func tagHTMLEscapesBothAttributes() {
        #expect(PageMetadata.Tag(.name, "a\"b", "<x & y>").html == "<meta name=\"a&quot;b\" content=\"&lt;x &amp; y&gt;\">")
        #expect(PageMetadata.Tag(.link, "canonical", "https://a.example/?a=1&b=2").html
            == "<link rel=\"canonical\" href=\"https://a.example/?a=1&amp;b=2\">")
    }

    @Test func jsonFormOfATag() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(PageMetadata.Tag(.property, "og:url", "https://a.example/"))
        #expect(String(decoding: data, as: UTF8.self) == #"{"key":"og:url","kind":"property","value":"https://a.example/"}"#)
    }
}
