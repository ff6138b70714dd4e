import Foundation

extension BoilerplateRule {
    /// The stock furniture that blogging platforms put into feed items and article pages, each
    /// rule written from the platform's published template:
    ///
    /// - **Yoast SEO** (WordPress): the RSS footer it appends by default, "The post %%POSTLINK%%
    ///   appeared first on %%BLOGLINK%%." — removed as a sentence, so it also leaves an excerpt
    ///   it was joined to.
    /// - **Medium**: "<title> was originally published in <publication> on Medium, where people
    ///   are continuing the conversation by highlighting and responding to this story."
    /// - **Jetpack** (WordPress.com and self-hosted WordPress): the sharing buttons' labels
    ///   ("Click to share on X (Opens in new window)") and the likes block ("Like Loading…",
    ///   "Be the first to like this."); its "Share this:", "Like this:" and "Related" headings
    ///   are matched by `share-prompt` and `related-posts`.
    /// - **Substack**: the subscribe widget ("Thanks for reading <publication>! Subscribe for free
    ///   to receive new posts and support my work."), "This post is public so feel free to share
    ///   it.", the "Subscribe now", "Share <publication>" and gift buttons, and its paywall.
    /// - **Ghost**: the paywall ("This post is for paying subscribers only", "Already have an
    ///   account? Sign in") and the "Sign up for more like this." call to action.
    ///
    /// WordPress's excerpt marker (`[&hellip;]`) and the unfinished sentence before it are cut by
    /// ``ExcerptCleaner``; FeedBurner's flare links and `~r/` pixels, Blogger's and Medium's
    /// tracking images carry no text, and body images never become the post's images, so they
    /// need no rule.
    ///
    /// Every pattern is anchored at the paragraph's start (and so pre-screened by its literal
    /// prefixes), or names text it requires near the paragraph's end, beginning with a letter
    /// that is rare in English (`f`, `w`), since the search steps from one occurrence of that
    /// byte to the next.
    static let platformRules: [BoilerplateRule] = [
        rule(
            "yoast-footer", .plug,
            #"(?:^|(?<=[.!?…\]"”’)] ))The post (?!\p{Ll}).{1,300}? appeared first on .{1,200}?\.$"#,
            scope: .match, caseInsensitive: false, maxLength: nil, requiredText: "first on ",
            requiredTextWithinLast: 220),
        rule(
            "medium-footer", .plug,
            #"^.{1,300}? was originally published in .{1,200}? on Medium, where people are continuing the conversation by highlighting and responding to this story\.$"#,
            caseInsensitive: false, maxLength: 700,
            requiredText: "where people are continuing the conversation", requiredTextWithinLast: 110),
        rule(
            "jetpack-share-buttons", .share,
            #"^(?:(?:click to |share on |email a link to a friend|print)[^()]{0,40}\(opens in new window\)[^()]{0,30})+$"#,
            maxLength: 900),
        rule(
            "jetpack-likes", .share,
            #"^(?:like this ?:\s?)?(?:like\s?)?(?:loading(?:…|\.\.\.)|be the first to like this\.?|one blogger likes this\.?)$"#,
            maxLength: 80),
        rule(
            "substack-subscribe-widget", .newsletter,
            #"^thanks for reading\b[^!?.]{0,120}[!.] subscribe for free to receive new posts and support (?:my|our) work\.?$"#,
            maxLength: 260),
        rule(
            "substack-public-post", .share,
            #"^(?:thanks for reading\b[^!?.]{0,120}[!.] )?this post is public so feel free to share it\.?$"#,
            maxLength: 220),
        rule(
            "substack-buttons", .plug,
            #"^(?:subscribe now|subscribe|give a gift subscription|get \d{1,2}% off(?: for 1 year| forever)?|upgrade to paid|restack)$"#,
            maxLength: 40),
        rule(
            "substack-share-publication", .share, #"^Share \p{Lu}[^.!?:]{0,60}$"#, caseInsensitive: false, maxLength: 70),
        rule(
            "paywall-notice", .plug,
            #"^(?:this post is for (?:paying |paid )?(?:subscribers|members)(?: on selected tiers)?(?: only)?|already (?:have an account|a (?:paid )?subscriber)\? ?sign in|sign up for more like this|keep reading with a \d{1,2}-day free trial|subscribe to .{1,80}? to keep reading this post and get \d{1,2} days of free access to the full post archives)[.!]?$"#,
            maxLength: 260),
    ]
}
