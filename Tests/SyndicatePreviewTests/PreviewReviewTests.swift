import Foundation
import Syndicate
import SyndicatePreview
import SyndicateTestSupport
import Testing

/// What a review of the renderer found, each pinned: text a network shows as it is sent is
/// shown exactly so, a `@` inside a URL stays in the URL, Telegram's HTML is read only when the
/// payload says HTML and a nested anchor loses no words, Slack's `<` without a link is text,
/// an address with a bidi override is not a link, and no count breaks the bar.
@Suite struct PreviewReviewTests {
    /// A payload of `text` on `network`, nothing else.
    static func payload(_ network: SocialNetwork, _ text: String) -> SharePayload {
        SharePayload(network: network, text: text, length: text.count, limit: 500, link: nil, hashtags: [])
    }

    @Test("networks that show the text as sent show exactly the payload's text", arguments: [
        SocialNetwork.x, .mastodon, .bluesky, .threads, .tumblr, .webhook,
    ])
    func asSent(network: SocialNetwork) throws {
        for example in PreviewVisibleTextTests.examples {
            for post in try PreviewPages.posts(example, count: 2) {
                let payload = try Composer().payload(for: post, on: network)
                let page = PreviewRenderer().page([PostPreview(post: post, payloads: [payload])])
                #expect(PreviewPages.cards(page).first?.texts == (payload.parts?.map(\.text) ?? [payload.text]), "\(example)")
            }
        }
    }

    @Test func aMentionInsideAMastodonURLStaysInTheURL() {
        let text = "see https://example.com/?ref=@foo now, and @school@social.example"
        let page = PreviewRenderer().page([PostPreview(post: Post(id: "p", title: "t"), payloads: [Self.payload(.mastodon, text)])])
        #expect(page.contains("href=\"https://example.com/?ref=@foo\""), "\(page)")
        #expect(page.contains("<a class=\"mention\">@school@social.example</a>"))
        #expect(!page.contains("<a class=\"mention\">@foo"))
    }

    @Test func telegramReadsHTMLOnlyWhenThePayloadSaysSoAndANestedAnchorLosesNoWords() {
        let plain = Self.payload(.telegram, "Is 1 <2 and 3> 2? Use <b> tags & co")
        #expect(PreviewRenderer.visibleText(of: plain) == ["Is 1 <2 and 3> 2? Use <b> tags & co"])
        var html = Self.payload(.telegram, #"<a href="https://a.example">one <a href="https://b.example">two</a> end"#)
        html.parseMode = "HTML"
        #expect(PreviewRenderer.visibleText(of: html) == ["one two end"])
    }

    @Test func slackAngleBracketsWithoutALinkAreText() {
        let text = String(repeating: "<", count: 2_000) + "> and <https://school.example|the news>"
        let visible = PreviewRenderer.visibleText(of: Self.payload(.slack, text))
        #expect(visible == [String(repeating: "<", count: 2_000) + "> and the news"])
    }

    @Test func anAddressWithABidiOverrideIsNotALink() {
        let text = "download https://www.example.com/\u{202E}gnp.exe today"
        let page = PreviewRenderer().page([PostPreview(post: Post(id: "p", title: "t"), payloads: [Self.payload(.x, text)])])
        #expect(!page.contains("href=\"https://www.example.com/\u{202E}"))
        #expect(page.contains("<meta name=\"referrer\" content=\"no-referrer\">"))
    }

    @Test func aCountNearIntMaxFillsTheBarWithoutTrapping() {
        var payload = Self.payload(.x, "text")
        payload.length = Int.max / 50
        payload.limit = 280
        let page = PreviewRenderer().page([PostPreview(post: Post(id: "p", title: "t"), payloads: [payload])])
        #expect(page.contains("100%"))
    }
}
