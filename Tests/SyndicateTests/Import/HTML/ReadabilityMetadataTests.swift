import Foundation
import Testing

@testable import Syndicate

/// Readability's metadata: the title rules of `_getArticleTitle`, the order of its sources, and
/// where the byline, excerpt, date and language come from.
@Suite struct ReadabilityMetadataTests {
    @Test(arguments: [
        // The part after the last separator goes…
        ("Heads warn of budget cuts | Schools Week", "Heads warn of budget cuts"),
        ("Heads warn of budget cuts - News - Schools Week", "Heads warn of budget cuts - News"),
        // …the part before the first instead when fewer than three words would be left…
        ("Schools Week | Heads warn of budget cuts today", "Heads warn of budget cuts today"),
        // …and the whole title stays when four words or fewer would be.
        ("Budget cuts | Schools Week", "Budget cuts | Schools Week"),
        // A hierarchical separator allows cutting exactly one word.
        ("Heads warn of cuts » News", "Heads warn of cuts"),
        // A colon: the part after the last one, after the first if that is too short, the whole
        // when more than five words precede it.
        ("Schools Week: Heads warn of budget cuts", "Heads warn of budget cuts"),
        ("A very long name of a site here: Heads warn of budget cuts", "A very long name of a site here: Heads warn of budget cuts"),
        // Dashes other than the hyphen are not separators.
        ("Heads warn of budget cuts — Schools Week", "Heads warn of budget cuts — Schools Week"),
    ])
    func titleSeparators(title: String, expected: String) {
        #expect(ReadabilityTitle.title(title, headings: [], firstLevelHeadings: []) == expected)
    }

    @Test func aColonTitleThatAHeadingRepeatsStaysWhole() {
        let title = "Schools Week: Heads warn of budget cuts"
        #expect(ReadabilityTitle.title(title, headings: [title], firstLevelHeadings: []) == title)
    }

    @Test func aTooShortOrTooLongTitleGivesWayToTheOnlyH1() {
        #expect(ReadabilityTitle.title("Digest", headings: [], firstLevelHeadings: ["Heads warn of budget cuts"]) == "Heads warn of budget cuts")
        #expect(ReadabilityTitle.title("Digest", headings: [], firstLevelHeadings: ["One", "Two"]) == "Digest")
    }

    @Test func wordCountIsJavaScriptsSplitOnWhitespace() {
        #expect(ReadabilityTitle.wordCount("a b  c") == 3)
        #expect(ReadabilityTitle.wordCount(" a") == 2)
    }

    @Test func textSimilarityIsTheShareOfTheSecondTextsWordsTheFirstHas() {
        #expect(ReadabilityMetadata.textSimilarity("Heads warn of cuts", "Heads warn of cuts") == 1)
        #expect(ReadabilityMetadata.textSimilarity("Heads warn", "Heads warn of cuts") < 0.75)
        #expect(ReadabilityMetadata.textSimilarity("", "Heads") == 0)
    }

    func post(_ head: String, body: String = "") throws -> Post {
        let prose = (1...6).map { "<p>Paragraph \($0) explains the story, with commas, clauses and enough words to count.</p>" }
        let html = head + "<body><div class=story>" + body + prose.joined() + "</div></body>"
        return try #require(try HTMLImporter().posts(from: Data(html.utf8), context: ImportContext(inputName: "p.html")).first)
    }

    static let jsonLD = #"<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"From JSON-LD","author":[{"@type":"Person","name":"Jane Roe"},{"name":"Sam Poe"}],"description":"JSON-LD summary.","datePublished":"2024-03-09T10:00:00Z","publisher":{"name":"Digest"}}</script>"#

    @Test func jsonLDComesFirst() throws {
        let page = try post(
            Self.jsonLD + #"<meta property="og:title" content="From Open Graph"><meta name="author" content="Meta Author">"#
                + #"<meta name="description" content="Meta summary."><meta property="article:published_time" content="2020-01-01T00:00:00Z">"#)
        #expect(page.title == "From JSON-LD")
        #expect(page.author == "Jane Roe, Sam Poe")
        #expect(page.summary == "Meta summary.")
        #expect(page.published == Date(timeIntervalSince1970: 1_709_978_400))
        #expect(page.siteName == "Digest")
    }

    @Test func siteNameFromOpenGraph() throws {
        #expect(try post(#"<title>Heads warn of budget cuts</title><meta property="og:site_name" content="Schools Week">"#).siteName == "Schools Week")
        #expect(try post("<title>Heads warn of budget cuts</title>").siteName == nil)
    }

    @Test func jsonLDInAGraphOrWithAVocabularyContext() throws {
        let graph = #"<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Digest"},{"@type":"BlogPosting","name":"From the graph"}]}</script>"#
        #expect(try post(graph + "<title>Other</title>").title == "From the graph")
        let vocab = #"<script type="application/ld+json">{"@context":{"@vocab":"http://schema.org/"},"@type":"Article","name":"From a vocabulary"}</script>"#
        #expect(try post(vocab + "<title>Other</title>").title == "From a vocabulary")
    }

    @Test(arguments: [
        (#"<meta property="og:title" content="OG"><meta name="twitter:title" content="Twitter"><title>Title element here</title>"#, "OG"),
        (#"<meta name="dc.title" content="Dublin Core"><meta property="og:title" content="OG">"#, "Dublin Core"),
        (#"<meta name="twitter:title" content="Twitter"><meta name="parsely-title" content="Parsely">"#, "Twitter"),
        (#"<meta name="parsely-title" content="Parsely"><title>Title element here</title>"#, "Parsely"),
        (#"<meta name="weibo:article:title" content="Weibo"><title>Title element here</title>"#, "Weibo"),
    ])
    func titleSourcesInReadabilitysOrder(head: String, expected: String) throws {
        #expect(try post(head).title == expected)
    }

    @Test(arguments: [
        (#"<meta name="dc.creator" content="Dublin Core"><meta name="author" content="Meta">"#, "", "Dublin Core"),
        (#"<meta name="author" content="Meta"><meta name="parsely-author" content="Parsely">"#, "", "Meta"),
        (#"<meta name="parsely-author" content="Parsely">"#, "", "Parsely"),
        (#"<meta property="article:author" content="https://x.example/jane">"#, #"<p><a rel=author href=/j>Jane Roe</a></p>"#, "Jane Roe"),
        (#"<meta property="article:author" content="Jane Roe">"#, "", "Jane Roe"),
        ("", #"<div itemprop="author" itemscope><span itemprop="name">Jane Roe</span> — Editor</div>"#, "Jane Roe"),
        ("", #"<div class="article-byline">Jane Roe</div>"#, "Jane Roe"),
    ])
    func bylineSources(head: String, body: String, expected: String) throws {
        #expect(try post("<title>Heads warn of budget cuts</title>" + head, body: body).author == expected)
    }

    @Test func aBylineOfAHundredCharactersOrMoreIsNotOne() throws {
        let long = String(repeating: "Jane Roe ", count: 12)
        #expect(try post("<title>Heads warn of budget cuts</title>", body: "<div class=byline>\(long)</div>").author == nil)
    }

    @Test func languageIsTheHTMLLangAttribute() throws {
        #expect(try post(#"<html lang="en_gb"><title>Heads warn of budget cuts</title>"#).language == "en-GB")
    }

    @Test func theSummaryIsNeverTheFirstParagraph() throws {
        #expect(try post("<title>Heads warn of budget cuts</title>").summary == nil)
        #expect(try post("<title>Heads warn of budget cuts</title>" + Self.jsonLD).summary == "JSON-LD summary.")
    }

    @Test func metaKeysAreReadFromPropertyAndNameAsReadabilityMatchesThem() {
        #expect(ReadabilityMetadata.propertyKey("og:title twitter:title") == "og:title")
        #expect(ReadabilityMetadata.propertyKey("article:published_time") == "article:published_time")
        #expect(ReadabilityMetadata.propertyKey("og:image") == nil)
        #expect(ReadabilityMetadata.nameKey("DC.Creator") == "dc:creator")
        #expect(ReadabilityMetadata.nameKey("weibo:article:title") == "weibo:article:title")
        #expect(ReadabilityMetadata.nameKey("viewport") == nil)
    }
}
