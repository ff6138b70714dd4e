import Foundation

extension BoilerplateRule {
    /// A publication's name as attributions write it: up to six capitalised words, optionally
    /// after "the" and joined by "of", "for", "and", "on" or "&" ("The Telegraph", "the BBC",
    /// "Schools Week", "the Department for Education", "The Times Educational Supplement").
    ///
    /// After a word's capital, `\w` (letters, combining marks, digits, `_`) stands for `[\p{L}\p{M}\p{N}]`:
    /// ICU builds each `\p{…}` set afresh for every pattern, at a cost of a fraction of a
    /// millisecond each, while `\w` is built once per process (and takes NFD accents as well).
    static let publicationName =
        #"(?:[Tt]he )?\p{Lu}(?:[\w&'’-]|\.(?=\w))*(?: (?:of |for |and |on |& )?\p{Lu}(?:[\w&'’-]|\.(?=\w))*){0,5}"#

    /// A person's name in a sign-off: up to three capitalised words ("Tamsin", "Jo Smith").
    static let signOffName = #"\p{Lu}[\w'’.-]*(?: \p{Lu}[\w'’.-]*){0,2}"#

    /// The verbs of an attribution ("said" is left out: "Mrs Spielman said." ends a quote).
    static let reportVerb = #"(?:reports|reported|has reported)"#

    /// The default rules, in the order they are tried: metadata first (so a sign-off that also
    /// asks for comments yields its author), then plugs, prompts and notices, then the rules
    /// that cut the rest of the body (related-post lists, comment sections). The platforms' stock
    /// furniture (`platformRules`: Yoast, Medium, Jetpack, Substack, Ghost) comes with the plugs.
    ///
    /// Every pattern is anchored and length-limited: a rule removes a paragraph that *is* a plug,
    /// never one that merely mentions Facebook or comments.
    public static let defaults: [BoilerplateRule] = [
        // Metadata.
        rule(
            "categories-line", .tags,
            #"^(?:categories|category|tags|tagged(?: with| as)?|filed under|topics)\s?:\s?(?<tags>\S.*)$"#,
            maxLength: 600),
        rule(
            "sign-off", .author,
            #"^(?:.{0,200}? ~|~)\s?(?<author>"# + signOffName + #")\.?$"#,
            caseInsensitive: false, maxLength: 260, requiredText: "~"),
        rule(
            "sign-off-dash", .author,
            #"^[–—]\s?(?<author>"# + signOffName + #")\.?$"#,
            caseInsensitive: false, maxLength: 60),
        rule(
            "read-more", .readMore,
            #"^(?:read more|read the full (?:story|article)|full story|continue reading)(?!\s+about\b)\s?(?:at|on|here)?\s?[:–—-]?\s?(?<title>.*?)\s?$"#,
            maxLength: 300),
        rule(
            "via-line", .source,
            #"^(?:[Vv]ia|[Ss]ource|[Hh]/[Tt]|[Hh]at tip)\s?:?\s(?<source>"# + publicationName
                + #")(?: \(?https?://\S+\)?)?\.?$"#,
            caseInsensitive: false, maxLength: 200),
        rule(
            "reports-sentence", .source,
            #"(?:^|(?<=[.!?…"”’)] ))(?<source>"# + publicationName + #") "# + reportVerb + #"\.?$"#,
            scope: .match, caseInsensitive: false, maxLength: nil, requiredText: "report", requiredTextWithinLast: 16),
        rule(
            "comma-reports", .source,
            #", (?<source>"# + publicationName + #") "# + reportVerb + #"(?=[.!]?$)"#,
            scope: .match, caseInsensitive: false, maxLength: nil, requiredText: "report", requiredTextWithinLast: 16),
        rule(
            "comma-reports-inverted", .source,
            #", (?:reports|reported) (?<source>"# + publicationName + #")(?=[.!]?$)"#,
            scope: .match, caseInsensitive: false, maxLength: nil, requiredText: ", report", requiredTextWithinLast: 300),
        // Plugs, prompts and notices.
        rule(
            "newsletter-sign-up", .newsletter,
            #"^(?:don['’]?t forget\b.{0,40}?\b)?(?:(?:you can|please|why not|be sure to) )?(?:sign(?: |-)?up|subscribe|register)\b.{0,80}?\b(?:newsletters?|bulletins?|e-?mails?|mailing list|inbox|updates|digest)\b"#,
            maxLength: 500),
        rule(
            "newsletter-get", .newsletter,
            #"^(?:get|receive) (?:our|the) (?:free |daily |weekly |monthly )*(?:newsletter|bulletin|email|e-mail|digest)\b"#,
            maxLength: 300),
        rule(
            "social-plug", .social,
            #"^(?:we (?:now )?have an? (?:new )?(?:facebook|twitter|instagram|linkedin|youtube|tiktok|bluesky|mastodon|whatsapp|threads)\b|(?:please )?(?:follow|like|find|join) us (?:on|at|via) (?:facebook|twitter|x|instagram|linkedin|youtube|tiktok|bluesky|mastodon|threads|whatsapp|social media)\b|(?:please )?(?:follow|like) us ?[.!:]?$|(?:like|visit) our (?:facebook|twitter|instagram|linkedin|youtube) (?:page|account|channel)\b)"#,
            maxLength: 300),
        rule(
            "share-prompt", .share,
            #"^(?:(?:share|tweet|pin|email|print)(?: this(?: (?:post|article|story|page))?| it| on [\w ]{1,40}| via [\w ]{1,40})? ?[:!]?|(?:like|share) this ?:.*)$"#,
            maxLength: 120),
        rule(
            "feedback-prompt", .feedback,
            #"^(?:let us know what you think|tell us what you think|what do you think ?\?|(?:please )?(?:tell|let) us (?:know )?(?:your|what you)\b|have your say|(?:please )?(?:leave|add|post|share) (?:a|your) (?:comments?|thoughts|views)\b|we(?:['’]d| would) love to hear)"#,
            maxLength: 200),
        rule(
            "cookie-notice", .cookies,
            #"^(?:this (?:web ?)?site uses cookies|we use cookies|(?:by )?continu(?:e|ing) to (?:use|browse)\b.{0,80}\bcookies|(?:accept|allow|manage) (?:all )?cookies|cookie (?:policy|settings|preferences|notice|consent)\b)"#,
            maxLength: 400),
    ] + platformRules + [
        // Everything after these is not the story.
        rule(
            "related-posts", .related,
            #"^(?:more recent posts|recent posts|related(?: (?:posts|articles|stories|content|reading))?|more (?:posts|stories|articles)(?: like this)?|you (?:may|might) also (?:like|enjoy)|read next|popular posts|most read)\s?[.…:]*$"#,
            scope: .paragraphAndRest, maxLength: 80),
        rule(
            "comment-section", .comments,
            // A lone singular "Comment" or "Response" is an article's own heading or a table's
            // column as often as a comment section: it needs a count ("1 Comment", "Response (2)").
            #"^(?:(?:\d+ (?:comments?|responses?)|comments|responses|replies|reader comments|discussion) ?(?:\(\d+\))? ?:?|(?:comment|response) ?\(\d+\) ?:?|leave a (?:comment|reply)|join the (?:discussion|conversation))$"#,
            scope: .paragraphAndRest, maxLength: 80),
    ]

    /// A built-in rule, compiled on first use (``RuleExpression``); the patterns are constants,
    /// checked by the tests, so a failure here is a programming error that drops only that rule.
    static func rule(
        _ name: String, _ kind: Kind, _ regex: String, scope: Scope = .paragraph, caseInsensitive: Bool = true,
        maxLength: Int? = 400, requiredText: String? = nil, requiredTextWithinLast: Int? = nil
    ) -> BoilerplateRule {
        do {
            return try BoilerplateRule(
                name: name, kind: kind, scope: scope,
                expression: RuleExpression(source: regex, caseInsensitive: caseInsensitive),
                maxLength: maxLength, requiredText: requiredText, requiredTextWithinLast: requiredTextWithinLast)
        } catch {
            assertionFailure(error.description)
            return BoilerplateRule(name: name, kind: kind, scope: scope, maxLength: 0, pattern: .phrase(""))
        }
    }
}
