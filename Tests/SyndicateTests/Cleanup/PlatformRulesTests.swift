import Foundation
import Testing

@testable import Syndicate

/// The platforms' stock furniture: each case is the platform's text, written here from its
/// published template, and a paragraph of a story that merely looks like it
/// (``BoilerplateRuleTests`` checks that the rule removes the one and keeps the other).
@Suite struct PlatformRulesTests {
    typealias Case = BoilerplateRuleTests.Case

    static let cases: [Case] = [
        // Yoast SEO's default RSS footer: "The post %%POSTLINK%% appeared first on %%BLOGLINK%%."
        Case(
            rule: "yoast-footer",
            removed: "The post Year 9 Science Fair: results appeared first on Riverside Primary School.",
            kept: "The post of head of science appeared first on the governors’ agenda in March."),
        // Medium's feed footer.
        Case(
            rule: "medium-footer",
            removed:
                "Why our school dropped homework for Year 7 was originally published in Teaching Notes on Medium, where people are continuing the conversation by highlighting and responding to this story.",
            kept: "The essay was originally published in Teaching Notes on Medium, and the head read it aloud at assembly."),
        // Jetpack's sharing buttons, with their screen-reader labels.
        Case(
            rule: "jetpack-share-buttons",
            removed:
                "Click to share on X (Opens in new window) X Click to share on Facebook (Opens in new window) Facebook Click to email a link to a friend (Opens in new window) Email Click to print (Opens in new window) Print",
            kept: "Click to share on the parents’ portal and the photos open in a new window, the office said."),
        Case(
            rule: "jetpack-share-buttons", removed: "Share on Facebook (Opens in new window) Facebook",
            kept: "Share on Facebook was the most used button on our site last year (opens in new window)."),
        // Jetpack's likes block.
        Case(rule: "jetpack-likes", removed: "Like Loading...", kept: "Like loading a dishwasher, timetabling is a puzzle."),
        Case(rule: "jetpack-likes", removed: "Be the first to like this.", kept: "Be the first to like this year’s bake sale page!"),
        Case(rule: "jetpack-likes", removed: "Like this: Like Loading…", kept: "Like this year, next year’s fair will be in June."),
        // Jetpack's related-posts heading cuts the list after it.
        Case(rule: "related-posts", removed: "Related", kept: "Related schools in the trust will follow in May."),
        // Substack's subscribe widget, share prompt and buttons.
        Case(
            rule: "substack-subscribe-widget",
            removed: "Thanks for reading Riverside Notes! Subscribe for free to receive new posts and support my work.",
            kept: "Thanks for reading to the class, Mr Ahmed. The pupils loved the story."),
        Case(
            rule: "substack-public-post",
            removed: "Thanks for reading Riverside Notes! This post is public so feel free to share it.",
            kept: "This post is public information, the council said, and may be shared."),
        Case(rule: "substack-buttons", removed: "Subscribe now", kept: "Subscribe now to the PTA’s calendar, parents were told."),
        Case(rule: "substack-buttons", removed: "Give a gift subscription", kept: "Give a gift to the school library this term."),
        Case(rule: "substack-share-publication", removed: "Share Riverside Notes", kept: "Share your ideas with the school council."),
        // Ghost's (and Substack's) paywall.
        Case(
            rule: "paywall-notice", removed: "This post is for paying subscribers only",
            kept: "This post is for parents of pupils in Year 6 only, and covers the SATs timetable."),
        Case(
            rule: "paywall-notice", removed: "Already have an account? Sign in.",
            kept: "Already have an account with ParentPay? Sign in to book clubs."),
        Case(rule: "paywall-notice", removed: "Sign up for more like this.", kept: "Sign up for the summer reading challenge."),
    ]

    @Test func yoastFooterIsCutFromAnExcerptItWasJoinedTo() {
        let excerpt = "Forty projects, three winners. […] The post Year 9 Science Fair: results appeared first on Riverside Primary School."
        let result = BoilerplateFilter.default.clean([excerpt], title: nil, links: [:], alreadyCollapsed: false, cuttingExcerpts: false)
        #expect(result.paragraphs == ["Forty projects, three winners. […]"])
    }

    @Test func platformRulesArePreScreenedOrNeedTextNearTheEnd() {
        // On the feed import's hot path, a rule must turn most paragraphs away before its
        // expression runs: by literal prefixes, or by text it requires near the end.
        for rule in BoilerplateRule.platformRules {
            guard case .regex(let expression) = rule.pattern else { continue }
            let screened = expression.prefixes.prefixes != nil || (rule.requiredText != nil && rule.requiredTextWithinLast != nil)
            #expect(screened, "\(rule.name) runs its expression on every paragraph")
        }
    }

    @Test func readMoreArrowIsNotASourceAndQuotedTitleLosesItsQuotes() {
        let blogger = BoilerplateFilter.default.clean(["Forty projects, three winners.", "Read more »"], title: "Science fair")
        #expect(blogger.paragraphs == ["Forty projects, three winners."])
        #expect(blogger.source == nil)
        let twenty = BoilerplateFilter.default.clean(
            ["Forty projects, three winners.", "Continue reading “Science fair” →"], title: "Science fair")
        #expect(twenty.source == nil)
    }

    @Test func trackingPixelsAndFeedFlareLeaveNoTextAndNoImages() throws {
        // FeedBurner's flare and `~r/` pixel, Blogger's tracker and Medium's stat pixel, as each
        // appends them to an item's content.
        let content = """
            <p>Forty projects, three winners and one volcano too many.</p>
            <div class="feedflare">
            <a href="http://feeds.feedburner.com/~ff/RiversideNews?a=abc123:def456:yIl2AUoC8zA"><img src="http://feeds.feedburner.com/~ff/RiversideNews?d=yIl2AUoC8zA" border="0"></img></a>
            </div><img src="http://feeds.feedburner.com/~r/RiversideNews/~4/abc123" height="1" width="1" alt=""/>
            <div class="blogger-post-footer"><img width="1" height="1" src="https://blogger.googleusercontent.com/tracker/123-456?l=riverside.blogspot.com" alt="" /></div>
            <img src="https://medium.com/_/stat?event=post.clientViewed&referrerSource=full_rss&postId=abc" width="1" height="1" alt="">
            """
        let rss = """
            <?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>R</title>
            <item><title>Science fair</title><link>https://riverside.example/fair</link>
            <content:encoded><![CDATA[\(content)]]></content:encoded></item></channel></rss>
            """
        let posts = try RSSImporter().posts(from: Data(rss.utf8), context: ImportContext(inputName: "feed.rss"))
        let post = try #require(posts.first)
        #expect(post.paragraphs == ["Forty projects, three winners and one volcano too many."])
        #expect(post.images.isEmpty)
    }
}
