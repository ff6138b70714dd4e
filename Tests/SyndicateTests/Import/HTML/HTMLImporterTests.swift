import Foundation
@testable import Syndicate
import SyndicateTestSupport
import Testing

@Suite struct HTMLImporterTests {
    static let articleURL = "https://digest.schoolsweek.example/2019/03/ofsted-secondments-for-school-leaders/"

    /// Imports `html` as a page named `page.html`, boilerplate rules off so bodies are exact.
    func importPage(_ html: String, baseURL: URL? = nil, maxDepth: Int = 512) throws(ImportError) -> Post {
        let context = ImportContext(
            inputName: "page.html", baseURL: baseURL, boilerplate: .none, limits: ImportLimits(maxDepth: maxDepth))
        let posts = try HTMLImporter().posts(from: Data(html.utf8), context: context)
        guard posts.count == 1, let post = posts.first else {
            throw ImportError(.malformed, input: "test", format: .html, message: "expected one post, got \(posts.count)")
        }
        return post
    }

    func example() throws -> Post {
        let data = try Fixtures.exampleData("ofsted-secondments.html")
        let context = ImportContext(inputName: "ofsted-secondments.html", boilerplate: .none)
        let posts = try HTMLImporter().posts(from: data, context: context)
        #expect(posts.count == 1)
        return try #require(posts.first)
    }

    // MARK: - The example page

    @Test func exampleTitleDropsTheSiteName() throws {
        #expect(try example().title == "School leaders can spend a year on secondment to Ofsted")
    }

    @Test func exampleURLAndIDAreTheCanonicalLinkResolvedAgainstBaseHref() throws {
        let post = try example()
        #expect(post.url == URL(string: Self.articleURL))
        #expect(post.id == Self.articleURL)
    }

    @Test func exampleSummaryIsTheMetaDescription() throws {
        #expect(
            try example().summary
                == "Middle leaders will be able to join Ofsted for a year under a secondment scheme Amanda Spielman announced at the ASCL conference."
        )
    }

    @Test func exampleAuthorDatesLanguage() throws {
        let post = try example()
        #expect(post.author == "Tamsin Okafor")
        #expect(post.published == Date(timeIntervalSince1970: 1_552_125_600))
        #expect(post.updated == Date(timeIntervalSince1970: 1_552_141_800))
        #expect(post.language == "en-GB")
        #expect(post.source == nil)
    }

    @Test func exampleTagsComeFromMetaJSONLDAndRelTagInOrder() throws {
        #expect(try example().tags == ["Ofsted", "Leadership", "Teaching", "Secondary", "ASCL"])
    }

    @Test func exampleImagesLeadWithOpenGraphDeduplicatedAndAbsolute() throws {
        let base = "https://digest.schoolsweek.example/wp-content/uploads/2019/03/"
        #expect(
            try example().images == [
                Post.Image(
                    url: try #require(URL(string: base + "spielman-ascl.jpg")),
                    alt: "Amanda Spielman speaking at the ASCL annual conference in Birmingham", width: 1200, height: 630),
                Post.Image(url: try #require(URL(string: base + "spielman-ascl-square.jpg")), width: 800, height: 800),
            ])
    }

    @Test func exampleBodyIsTheArticleWithoutFurnitureOrComments() throws {
        #expect(
            try example().paragraphs == [
                "Middle leaders will be able to spend a year working for Ofsted under a secondment scheme unveiled by Amanda Spielman, The Telegraph reports.",
                "The Chief Inspector set out the plan on Saturday in her speech to the Association of School and College Leaders (ASCL) at its annual conference in Birmingham.",
                "According to Mrs Spielman, the scheme will give the inspectorate fresh expertise from middle leaders and a current picture of what running a school involves \u{2013} while the secondees gain Ofsted\u{2019}s training.",
                "\u{201C}Inspection works best when inspectors and school leaders share experience. Ofsted belongs to the education system; it does not stand apart from it.\u{201D}",
                "Ofsted already draws many of its inspectors from serving school leaders. Under the new plan, secondees would:",
                "spend a year with the inspectorate on a one-year secondment;",
                "receive Ofsted's inspector training and development;",
                "see, through inspection, how many different kinds of school go about their work.",
                "The inspectorate regards the programme as a step for leaders who are heading towards headship or beyond. A pilot is due to start early next year, and Ofsted hopes to open the scheme more widely from the following January.",
                "Mrs Spielman told delegates the scheme would widen Ofsted\u{2019}s recruitment and share its training, adding that the inspectorate would \u{201C}benefit enormously\u{201D} from school leaders\u{2019} direct experience.",
                "Read more at The Telegraph",
                "Tell us what you think in the comments or on Twitter ~ Tamsin",
                // Readability keeps the sign-up box (its class is not a negative one); the default
                // boilerplate rules drop it (exampleImportsThroughTheDefaultBoilerplateFilter).
                "Get the Digest every morning",
                "Sign up for our daily email bulletin, in your inbox around 7am. We never share your details and you can unsubscribe at any time.",
            ])
    }

    /// The markup is the article as Readability keeps it: a `<div>` around the chosen block,
    /// without the comments, share bar and footer.
    @Test func exampleMarkupIsTheArticleAsReadabilityKeepsIt() throws {
        let markup = try #require(try example().markup)
        #expect(markup.kind == .html)
        #expect(markup.content.hasPrefix("<div>"))
        #expect(markup.content.contains("<article id=\"post-1482\""))
        #expect(markup.content.contains("Read more at The Telegraph"))
        #expect(!markup.content.contains("comments-area"))
        #expect(!markup.content.contains("J Whitfield"))
        #expect(!markup.content.contains("share-bar"))
    }

    @Test func exampleImportsThroughTheDefaultBoilerplateFilter() throws {
        let data = try Fixtures.exampleData("ofsted-secondments.html")
        let post = try #require(try HTMLImporter().posts(from: data, context: Fixtures.context("ofsted-secondments.html")).first)
        #expect(post.title == "School leaders can spend a year on secondment to Ofsted")
        #expect(post.lead?.hasPrefix("Middle leaders will be able to spend a year working for Ofsted") == true)
        #expect(!post.text.contains("J Whitfield"))
        #expect(!post.text.contains("Sign up"))
    }

    // MARK: - URLs

    @Test func relativeLinksResolveAgainstBaseHrefThenCanonicalThenContext() throws {
        let withBase = try importPage("""
            <head><base href="/news/"><link rel=canonical href="story.html"><meta property=og:image content="img/a.png">
            <title>T</title></head><article><p>Text.</p></article>
            """, baseURL: URL(string: "https://school.example/index.html"))
        #expect(withBase.url == URL(string: "https://school.example/news/story.html"))
        #expect(withBase.images.map(\.url) == [try #require(URL(string: "https://school.example/news/img/a.png"))])

        let withCanonical = try importPage("""
            <head><meta property="og:url" content="https://school.example/a/b/"><meta property=og:image content="../c.png">
            <title>T</title></head><article><p>Text.</p></article>
            """)
        #expect(withCanonical.url == URL(string: "https://school.example/a/b/"))
        #expect(withCanonical.images.map(\.url) == [try #require(URL(string: "https://school.example/a/c.png"))])

        let withContext = try importPage(
            "<title>T</title><meta name=twitter:image content=/x.png><article><p>Text.</p></article>",
            baseURL: URL(string: "https://school.example/news/1"))
        #expect(withContext.url == URL(string: "https://school.example/news/1"))
        #expect(withContext.id == "https://school.example/news/1")
        #expect(withContext.images.map(\.url) == [try #require(URL(string: "https://school.example/x.png"))])
    }

    @Test func jsonLDURLIsTheCanonicalWhenNoLinkOrOpenGraphGivesOne() throws {
        let post = try importPage("""
            <script type="application/ld+json">{"@type":"BlogPosting","headline":"H",
            "mainEntityOfPage":{"@type":"WebPage","@id":"https://blog.example/h"}}</script><article><p>Text.</p></article>
            """)
        #expect(post.url == URL(string: "https://blog.example/h"))
    }

    @Test func withoutAnyURLTheIDIsAStableDigestOfTitleAndText() throws {
        let post = try importPage("<title>Headline</title><article><p>One.</p><p>Two.</p></article>")
        #expect(post.url == nil)
        #expect(post.id == StableID.digest("Headline", "One.\n\nTwo."))
        #expect(post.id.count == 16)
    }

    // MARK: - Authors, languages, dates, tags, images

    @Test(arguments: [
        (#"<script type="application/ld+json">{"@type":"Article","author":"Jane Roe"}</script>"#, "Jane Roe"),
        (#"<script type="application/ld+json">{"@type":"Article","author":{"@type":"Person","name":"Jane Roe"}}</script>"#, "Jane Roe"),
        (#"<script type="application/ld+json">[{"@type":"Article","author":[{"name":"Jane Roe"},{"name":"Sam Poe"}]}]</script>"#, "Jane Roe, Sam Poe"),
        // Readability's byline is the text as the page gives it, "By" included.
        (#"<meta name="author" content="By Jane Roe">"#, "By Jane Roe"),
        (#"<meta property="article:author" content="https://x.example/jane"><meta property="article:author" content="Jane Roe">"#, "Jane Roe"),
        (#"<article><p>By <a rel=author href=/jane>Jane Roe</a></p><p>Text.</p></article>"#, "Jane Roe"),
        (#"<article><div class="post-byline">By Jane Roe | 9 March 2024</div><p>Text.</p></article>"#, "By Jane Roe | 9 March 2024"),
        (#"<article><span itemprop=author itemscope><span itemprop=name>Jane Roe</span> (Editor)</span><p>Text.</p></article>"#, "Jane Roe"),
        (#"<article><p>Text.</p></article><div class=comments><span class=comment-author>Troll</span></div>"#, nil),
    ] as [(String, String?)])
    func authorVariants(markup: String, author: String?) throws {
        let post = try importPage("<title>Headline</title>" + markup + "<article><p>Body text.</p></article>")
        #expect(post.author == author)
    }

    @Test(arguments: [
        (#"<html lang="en">"#, "en"),
        (#"<html lang="EN-gb">"#, "en-GB"),
        (#"<html lang="zh-hant-tw">"#, "zh-Hant-TW"),
        (#"<html><meta property="og:locale" content="en_GB">"#, "en-GB"),
        (#"<html lang=""><meta property="og:locale" content="fr_FR">"#, "fr-FR"),
        (#"<html><script type="application/ld+json">{"@type":"Article","inLanguage":"cy"}</script>"#, "cy"),
        (#"<html><meta http-equiv="Content-Language" content="de">"#, "de"),
        ("<html>", nil),
    ] as [(String, String?)])
    func languageVariants(head: String, language: String?) throws {
        #expect(try importPage(head + "<title>T</title><article><p>Text.</p></article>").language == language)
    }

    @Test func datesFallBackToTimeElementsInTheArticle() throws {
        let post = try importPage("""
            <title>T</title><article><time datetime="2024-03-09T10:00:00Z">9 March</time>
            <time class="updated">Sat, 09 Mar 2024 12:00:00 +0000</time><p>Text.</p></article>
            """)
        #expect(post.published == Date(timeIntervalSince1970: 1_709_978_400))
        #expect(post.updated == Date(timeIntervalSince1970: 1_709_985_600))
    }

    @Test func keywordsAsAStringAreSplitAtCommas() throws {
        let post = try importPage("""
            <script type="application/ld+json">{"@type":"NewsArticle","headline":"H","keywords":"Ofsted, SEND ,, Leadership"}</script>
            <article><p>Text.</p><a rel=tag href=/t/ofsted>ofsted</a> <a rel="tag" href=/t/send>Exams</a></article>
            """)
        #expect(post.tags == ["Ofsted", "SEND", "Leadership", "Exams"])
    }

    @Test func imagesMergeDuplicatesAndKeepJSONLDObjects() throws {
        let post = try importPage("""
            <meta property="og:image" content="https://x.example/a.jpg"><meta property="og:image:width" content="640">
            <meta property="og:image" content="https://x.example/b.jpg"><meta property="og:image:alt" content="B">
            <meta name="twitter:image" content="https://x.example/a.jpg"><meta name="twitter:image:alt" content="A">
            <script type="application/ld+json">{"@type":"Article","headline":"H","image":["https://x.example/c.jpg",
            {"url":"https://x.example/b.jpg","width":"300"}]}</script><article><p>Text.</p></article>
            """)
        #expect(
            post.images == [
                Post.Image(url: try #require(URL(string: "https://x.example/a.jpg")), alt: "A", width: 640),
                Post.Image(url: try #require(URL(string: "https://x.example/b.jpg")), alt: "B", width: 300),
                Post.Image(url: try #require(URL(string: "https://x.example/c.jpg"))),
            ])
    }

    // MARK: - Body

    @Test func entitiesAreDecodedInTitleAndText() throws {
        let post = try importPage(
            "<title>Caf&eacute; &amp; &#8220;Co&#x201D;</title><article><p>Ofsted&rsquo;s &pound;5 &#169; &#xA9;</p></article>")
        #expect(post.title == "Café & \u{201C}Co\u{201D}")
        #expect(post.paragraphs == ["Ofsted\u{2019}s £5 © ©"])
    }

    @Test func unclosedTagsAndMissingQuotesAreRepaired() throws {
        let post = try importPage("""
            <TITLE>T</TITLE><ARTICLE class=post id='main-post'><P>One <B>bold<P>Two<UL><LI>a<LI>b</UL>
            <p title=unquoted>Three<div>Four</div></article>
            """)
        #expect(post.paragraphs == ["One bold", "Two", "a", "b", "Three", "Four"])
    }

    @Test func theHeadlineIsNotRepeatedAsTheFirstParagraph() throws {
        let post = try importPage(
            "<title>Big news for every school | Site</title><main><h1>Big news for every school</h1><p>Text.</p><h2>More</h2><p>End.</p></main>")
        #expect(post.title == "Big news for every school")
        #expect(post.paragraphs == ["Text.", "More", "End."])
    }

    @Test func navigationHeaderFooterAsideFormsAndBoilerplateAreDropped() throws {
        let post = try importPage("""
            <title>T</title><article>
            <nav><a href=/>Home</a></nav><header><p>Kicker</p></header><p>Kept.</p>
            <aside><p>Pull quote</p></aside><form><p>Search</p></form><footer><p>Footer</p></footer>
            <div class="social-share">Share</div><div class=newsletter-box><p>Subscribe</p></div>
            <div id=related-posts><p>Related</p></div><div class="ad slot"><p>Buy</p></div><div class=cookie-banner>Cookies</div>
            <div hidden><p>Hidden</p></div><div style="display: none">Hidden too</div><p class=entry-meta>Posted in News</p>
            <script>var x = "<p>code</p>";</script><style>p { color: red }</style><template><p>Template</p></template>
            <div class="entry-content has-sidebar tag-social-media"><p>Also kept.</p></div>
            <section id=comments><h2>2 comments</h2><p>Nice post!</p></section>
            </article>
            """)
        #expect(post.paragraphs == ["Kept.", "Also kept."])
    }

    @Test func theDensestBlockIsChosenWithoutArticleOrMain() throws {
        let post = try importPage("""
            <title>T</title><body>
            <div id=top><a href=/a>One link</a> <a href=/b>Two links</a> <a href=/c>Three links here</a></div>
            <div class=wrap><div class=story-text>
            <p>The first paragraph of the story, long enough to count for something.</p>
            <p>The second paragraph adds more words, and more again, to make this the densest block.</p>
            </div><div class=teaser><p>Short teaser.</p></div></div>
            <div id=bottom>Copyright notice</div></body>
            """)
        // Readability joins a short sibling paragraph that ends a sentence.
        #expect(
            post.paragraphs == [
                "The first paragraph of the story, long enough to count for something.",
                "The second paragraph adds more words, and more again, to make this the densest block.",
                "Short teaser.",
            ])
        #expect(post.markup?.content.contains("<div class=\"story-text\">") == true)
        #expect(post.markup?.content.contains("Copyright") == false)
    }

    @Test func theLongestArticleWinsOverArticleCards() throws {
        let post = try importPage("""
            <title>T</title><article class=card><p>Teaser.</p></article>
            <article><p>The real story, which is longer than the teaser.</p></article>
            """)
        #expect(post.paragraphs == ["The real story, which is longer than the teaser."])
    }

    /// Readability knows nothing of itemprop=articleBody: two paragraph-like blocks in one
    /// container are read together.
    @Test func paragraphBlocksInOneContainerAreReadTogether() throws {
        let post = try importPage("""
            <title>T</title><div><div itemprop=articleBody><p>Body.</p></div><div class=x><p>Much longer text outside the body that a density score would prefer.</p></div></div>
            """)
        #expect(post.paragraphs == ["Body.", "Much longer text outside the body that a density score would prefer."])
    }

    @Test func hundredThousandNestedDivsImportAndFlatten() throws {
        let depth = 100_000
        let html = "<title>Deep</title><article>" + String(repeating: "<div>", count: depth) + "<p>Deep text.</p>"
            + String(repeating: "</div>", count: depth) + "<p>After.</p></article>"
        let post = try importPage(html)
        #expect(post.title == "Deep")
        #expect(post.paragraphs == ["Deep text.", "After."])
    }

    @Test func deepNestingIsCappedAtTheContextLimit() throws {
        let html = "<title>T</title>" + String(repeating: "<section>", count: 50) + "<p>Text.</p>"
        #expect(try importPage(html, maxDepth: 8).paragraphs == ["Text."])
    }

    // MARK: - Errors

    @Test func aPageWithoutAnArticleIsNoContent() {
        let html = """
            <title>Schools Week Digest</title><header><a href=/>Home</a></header><nav><ul><li><a href=/news>News</a></ul></nav>
            <footer>Copyright 2024</footer><div class=cookie-notice>We use cookies</div>
            """
        #expect(
            throws: ImportError(
                .noContent, input: "page.html", format: .html,
                message:
                    "found the page \"Schools Week Digest\" but no article text: its 7 words are all in navigation, headers, footers, forms or boilerplate such as comments and share bars; import the article's own page rather than an index, login or error page."
            )
        ) { try importPage(html) }
    }

    @Test func aPageWithATitleButNoBodyTextIsNoContent() {
        #expect(
            throws: ImportError(
                .noContent, input: "page.html", format: .html,
                message:
                    "found the page \"Empty\" but no article text: its body has no text at all; import the article's own page rather than an index, login or error page."
            )
        ) { try importPage("<html><head><title>Empty</title></head><body><img src=a.png></body></html>") }
    }

    @Test func aPageWithoutATitleTakesItsFirstSentence() throws {
        let post = try importPage("<article><p>Text without a headline. More text.</p></article>")
        #expect(post.title == "Text without a headline.")
        #expect(post.paragraphs == ["Text without a headline. More text."])
    }

    @Test func aPageWithoutTitleOrTextIsMissingField() {
        #expect(
            throws: ImportError(
                .missingField, input: "page.html", format: .html,
                message:
                    "found no title: the page has no <title>, <h1>, og:title, twitter:title or JSON-LD headline, and no article text to take one from; add a <title> to the page."
            )
        ) { try importPage("<article><img src=a.png></article>") }
    }

    @Test func emptyInputIsEmpty() {
        #expect(
            throws: ImportError(
                .empty, input: "page.html", format: .html, message: "the input is empty; give a file with a post in it.")
        ) { try importPage(" \n ") }
    }

    @Test func binaryInputIsNotText() {
        let context = ImportContext(inputName: "photo.html")
        #expect(
            throws: ImportError(
                .notText, input: "photo.html", format: .html, message: "the input looks like binary data, not a document.")
        ) { try HTMLImporter().posts(from: Data([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00]), context: context) }
    }

    @Test func invalidUTF8IsNotText() {
        let context = ImportContext(inputName: "latin1.html")
        #expect(
            throws: ImportError(
                .notText, input: "latin1.html", format: .html,
                message: "byte 6 is not valid UTF-8; convert the file to UTF-8 (for example with iconv).")
        ) { try HTMLImporter().posts(from: Data("<p>Caf".utf8) + Data([0xE9, 0x20]) + Data(" au lait".utf8), context: context) }
    }
}

extension HTMLImporterTests {
    /// Every prefix of the example page (cut every 61 bytes, mid-tag, mid-entity and mid-UTF-8
    /// sequence included) imports or fails with an ``ImportError``, never a crash.
    @Test func truncatedPagesImportOrFailCleanly() throws {
        let data = try Fixtures.exampleData("ofsted-secondments.html")
        var imported = 0
        var failed: Set<String> = []
        for length in stride(from: 1, to: data.count, by: 61) {
            do {
                _ = try HTMLImporter().posts(from: data.prefix(length), context: Fixtures.context("cut.html"))
                imported += 1
            } catch {
                failed.insert(error.kind.description)
            }
        }
        #expect(imported > 0)
        #expect(failed.isSubset(of: ["missingField", "noContent", "notText"]))
    }
}

extension HTMLImporterTests {
    @Test func aPageWithOnlyAHeadlineIsNoContent() {
        #expect(
            throws: ImportError(
                .noContent, input: "page.html", format: .html,
                message:
                    "found the page \"Coming soon\" but no article text: the headline is its only text outside navigation and boilerplate; import the article's own page rather than an index, login or error page."
            )
        ) { try importPage("<title>Coming soon</title><article><h1>Coming soon</h1></article>") }
    }

    @Test func hostileJSONLDIsIgnored() throws {
        let nested = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let post = try importPage("""
            <title>Title</title><script type="application/ld+json">\(nested)</script>
            <script type="application/ld+json">{"@type": "NewsArticle", "headline": </script>
            <script type="application/ld+json">{"@graph": [1, "x", null, {"@type": ["Thing", "BlogPosting"], "headline": 42}]}</script>
            <article><p>Text.</p></article>
            """)
        #expect(post.title == "Title")
    }
}
