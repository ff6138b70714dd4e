import Foundation
import Syndicate
import SyndicatePreview
import SyndicateTestSupport
import Testing

/// What each card shows agrees with ``PreviewRenderer/visibleText(of:)``: the text of every
/// `.post-text`, links at their `data-full`, is exactly the visible text of that part, on every
/// network, threaded or not; and each network's markup is turned into what it displays.
@Suite struct PreviewVisibleTextTests {
    static let examples = ["ofsted-secondments.html", "school-news.rss", "sports-day.md"]

    @Test(arguments: SocialNetwork.allCases)
    func cardTextIsTheVisibleText(network: SocialNetwork) throws {
        for example in Self.examples {
            for threading in [false, true] {
                let composer = Composer(configuration: ComposerConfiguration(threading: threading))
                for post in try PreviewPages.posts(example, count: 2) {
                    let payload = try composer.payload(for: post, on: network)
                    let page = PreviewRenderer().page([PostPreview(post: post, payloads: [payload])])
                    let cards = PreviewPages.cards(page)
                    try #require(cards.count == 1)
                    #expect(cards[0].network == network.rawValue)
                    #expect(cards[0].texts == PreviewRenderer.visibleText(of: payload), "\(example), threading \(threading)")
                }
            }
        }
    }

    @Test func telegramShowsNoTagsAndDecodesEntities() {
        var payload = SharePayload(
            network: .telegram, text: "<b>Fish &amp; chips</b>\n\nA &lt;b&gt; tag.\n\nhttps://school.example/a?x=1&amp;y=2", length: 0,
            limit: 4096, link: nil, hashtags: [])
        payload.parseMode = "HTML"
        #expect(PreviewRenderer.visibleText(of: payload) == ["Fish & chips\n\nA <b> tag.\n\nhttps://school.example/a?x=1&y=2"])
        let page = PreviewRenderer().page([PostPreview(post: Post(id: "t", title: "T"), payloads: [payload])])
        #expect(page.contains("href=\"https://school.example/a?x=1&amp;y=2\""))
    }

    @Test func slackShowsLabelsAndBoldWithoutMarkup() {
        let payload = SharePayload(
            network: .slack, text: "*Fair* &amp; more\n\n<https://school.example/fair|Science fair>", length: 0, limit: 40_000,
            link: nil, hashtags: [])
        #expect(PreviewRenderer.visibleText(of: payload) == ["Fair & more\n\nScience fair"])
        let page = PreviewRenderer().page([PostPreview(post: Post(id: "s", title: "S"), payloads: [payload])])
        #expect(page.contains("<a class=\"link\" href=\"https://school.example/fair\" data-full=\"Science fair\">Science fair</a>"))
    }

    @Test func discordShowsMarkdownAsItReads() {
        let payload = SharePayload(
            network: .discord, text: "**Fair**\nTwo \\*stars\\* and [the page](https://school.example/fair)\nhttps://school.example/x_y",
            length: 0, limit: 2000, link: nil, hashtags: [])
        #expect(PreviewRenderer.visibleText(of: payload) == ["Fair\nTwo *stars* and the page\nhttps://school.example/x_y"])
    }

    @Test func linkedInShowsLittleTextUnescaped() {
        var payload = SharePayload(network: .linkedin, text: "", length: 0, limit: 3000, link: nil, hashtags: ["Ofsted"])
        payload.commentary = "Fish \\& chips \\(and peas\\) \\#1 {hashtag|\\#|Ofsted}"
        #expect(PreviewRenderer.visibleText(of: payload) == ["Fish & chips (and peas) #1 #Ofsted"])
        let page = PreviewRenderer().page([PostPreview(post: Post(id: "l", title: "L"), payloads: [payload])])
        #expect(page.contains("<a class=\"tag\">#Ofsted</a>"))
        #expect(!page.contains("<a class=\"tag\">#1</a>"))
    }

    @Test func xAndMastodonShortenLinksButKeepTheFullAddress() {
        let url = "https://school.example/news/a-rather-long-address-for-a-post"
        let x = SharePayload(network: .x, text: "Read \(url) #News @someone", length: 0, limit: 280, link: nil, hashtags: [])
        let mastodon = SharePayload(network: .mastodon, text: "Read \(url) cc @news@school.social", length: 0, limit: 500, link: nil, hashtags: [])
        let page = PreviewRenderer().page([PostPreview(post: Post(id: "p", title: "P"), payloads: [x, mastodon])])
        #expect(page.contains(">school.example/news/a-r…</a>"))
        #expect(page.contains(">school.example/news/a-rather-l…</a>"))
        #expect(page.contains("<a class=\"mention\">@news@school.social</a>"))
        #expect(page.contains("<a class=\"tag\">#News</a>"))
        #expect(PreviewPages.cards(page).map(\.texts) == [[x.text], [mastodon.text]])
    }

    @Test func blueskyLinksExactlyItsFacets() throws {
        let post = try PreviewPages.posts("sports-day.md")[0]
        var payload = try Composer().payload(for: post, on: .bluesky)
        let facets = try #require(payload.facets)
        #expect(!facets.isEmpty)
        let page = PreviewRenderer().page([PostPreview(post: post, payloads: [payload])])
        let anchors = page.matches(of: /<a class="(link|tag|mention)"/).count
        #expect(anchors == facets.count)
        // Without facets nothing is linked, whatever the text looks like.
        payload.facets = []
        let bare = PreviewRenderer().page([PostPreview(post: post, payloads: [payload])])
        #expect(bare.matches(of: /<a class="(link|tag|mention)"/).isEmpty)
    }
}
