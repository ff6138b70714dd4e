import Foundation
import SyndicateTestSupport
import Testing

@testable import Syndicate

/// Each default rule removes what it is for and keeps a look-alike news paragraph.
@Suite struct BoilerplateRuleTests {
    struct Case: Sendable, CustomStringConvertible {
        let rule: String
        let removed: String
        let kept: String
        var description: String { rule }
    }

    static let cases: [Case] = [
        Case(
            rule: "newsletter-sign-up",
            removed:
                "Don’t forget you can sign up to receive our daily email bulletin (around 7am) with all the latest schools news stories.",
            kept: "Schools that want to sign up to the pilot should email Ofsted by Friday."),
        Case(
            rule: "newsletter-get", removed: "Get our free weekly newsletter",
            kept: "Get ready for a new kind of inspection, Mrs Spielman told heads."),
        Case(
            rule: "social-plug", removed: "We now have a Facebook page - pls click to like!",
            kept: "Ofsted posted details of the scheme on its Facebook page on Monday."),
        Case(
            rule: "social-plug", removed: "Follow us on Twitter for more schools news!",
            kept: "Followers of the inspectorate’s blog will recognise the plan."),
        Case(
            rule: "social-plug", removed: "Join us on Facebook",
            kept: "Join us on Thursday 14 March from 6pm for our open evening."),
        Case(
            rule: "social-plug", removed: "Please follow us!",
            kept: "Follow us through the pilot, the head told governors, and judge the results."),
        Case(
            rule: "share-prompt", removed: "Share on Facebook Share on Twitter",
            kept: "Share of schools rated good rose to 89% last year."),
        Case(
            rule: "share-prompt", removed: "Share this:",
            kept: "Share this with colleagues, the union urged its members in a letter."),
        Case(
            rule: "feedback-prompt", removed: "Let us know what you think...",
            kept: "“Let us know what you think of inspection,” Mrs Spielman told the conference."),
        Case(
            rule: "feedback-prompt", removed: "What do you think?",
            kept: "What do you think the secondments will change, asked one head."),
        Case(
            rule: "cookie-notice", removed: "This site uses cookies to improve your experience. Accept",
            kept: "The school’s bake sale raised £300 by selling cookies."),
        Case(
            rule: "related-posts", removed: "More recent posts...",
            kept: "More recent posts on the Ofsted blog have covered the pilot."),
        Case(
            rule: "comment-section", removed: "2 Comments",
            kept: "Comments from heads at the conference were mostly positive."),
        Case(rule: "comment-section", removed: "Comments (12)", kept: "Response"),
        Case(rule: "comment-section", removed: "1 Response", kept: "Comment"),
        Case(rule: "comment-section", removed: "Responses:", kept: "Comment:"),
        Case(
            rule: "comment-section", removed: "Leave a Reply",
            kept: "Leave a reply slip with the school office, parents were told."),
    ]

    @Test(arguments: cases + PlatformRulesTests.cases)
    func defaultRuleRemovesPlugAndKeepsLookAlike(_ example: Case) throws {
        let rule = try #require(BoilerplateRule.defaults.first { $0.name == example.rule })
        #expect(rule.match(in: example.removed) != nil, "\(example.rule) should match: \(example.removed)")
        #expect(rule.match(in: example.kept) == nil, "\(example.rule) should not match: \(example.kept)")
        let lead = "School leaders can be seconded to Ofsted for a year."
        let result = BoilerplateFilter.default.clean([lead, example.kept, example.removed], title: nil)
        #expect(result.paragraphs == [lead, example.kept])
    }

    @Test func everyDefaultRuleCompiledAndIsNamedOnce() {
        let names = BoilerplateRule.defaults.map(\.name)
        #expect(
            names == [
                "categories-line", "sign-off", "sign-off-dash", "read-more", "via-line", "reports-sentence", "comma-reports",
                "comma-reports-inverted", "newsletter-sign-up", "newsletter-get", "social-plug", "share-prompt",
                "feedback-prompt", "cookie-notice", "yoast-footer", "medium-footer", "jetpack-share-buttons",
                "jetpack-likes", "substack-subscribe-widget", "substack-public-post", "substack-buttons",
                "substack-share-publication", "paywall-notice", "related-posts", "comment-section",
            ])
        #expect(BoilerplateRule.defaults.allSatisfy { $0.maxLength != 0 })
    }

    @Test func phraseMatchesAtAWordBoundaryIgnoringCase() {
        let rule = BoilerplateRule.phrase("Follow us")
        #expect(rule.match(in: "FOLLOW US on Bluesky") != nil)
        #expect(rule.match(in: "Follow us") != nil)
        #expect(rule.match(in: "Follow usual procedures, inspectors were told.") == nil)
        #expect(rule.match(in: "Please follow us") == nil)
    }

    @Test func phraseIgnoresDiacriticsAndCurlyApostrophes() {
        let rule = BoilerplateRule.phrase("Don't miss our cafe podcast")
        #expect(rule.match(in: "Don’t miss our café podcast, out every Friday") != nil)
    }

    @Test func maxLengthKeepsLongParagraphs() throws {
        let rule = try BoilerplateRule(name: "podcast", kind: .plug, regex: "^listen to", maxLength: 20)
        #expect(rule.match(in: "Listen to us") != nil)
        #expect(rule.match(in: "Listen to the heads who piloted the scheme last year.") == nil)
    }

    @Test func invalidRegexIsAPatternError() {
        #expect(
            throws: BoilerplateRule.PatternError(
                rule: "broken", message: "'([a-z' is not a valid regular expression; check its brackets and escapes.")
        ) {
            try BoilerplateRule(name: "broken", kind: .plug, regex: "([a-z")
        }
    }

    @Test func metadataRuleWithoutItsGroupIsAPatternError() {
        let expected = BoilerplateRule.PatternError(
            rule: "source", message: "a source rule needs a named group (?<source>…) around the text it captures.")
        #expect(throws: expected) {
            try BoilerplateRule(name: "source", kind: .source, regex: "^From (.+)$")
        }
        #expect(
            expected.description
                == "boilerplate rule source: a source rule needs a named group (?<source>…) around the text it captures."
        )
    }

    @Test func rulesCompareByTheirData() throws {
        let one = try BoilerplateRule(name: "a", kind: .plug, regex: "^x")
        let same = try BoilerplateRule(name: "a", kind: .plug, regex: "^x")
        let other = try BoilerplateRule(name: "a", kind: .plug, regex: "^y")
        #expect(one == same)
        #expect(one != other)
        #expect(one.description == "a (plug, paragraph): ^x")
    }

    @Test(arguments: ["", "Ofsted", "Ofsted’s plan", "café 👩‍🏫 done", "\r\n", "ab𝄞"])
    func utf16LengthMatchesFoundation(text: String) {
        #expect(BoilerplateRule.utf16Length(text) == (text as NSString).length)
    }


    /// `fold` reads ASCII text (with curly apostrophes) on its bytes; random such texts, and texts
    /// with other non-ASCII letters, agree with Foundation's case- and diacritic-insensitive fold.
    @Test func foldAgreesWithFoundation() {
        let pieces = ["Don", "\u{2019}", "t", " ", "FORGET", "a", "Z", "@", "[", "`", "{", "~", "7", ".", "é", "Ä", "ß", "日"]
        var generator = SeededGenerator(seed: 0xF01D)
        for _ in 0..<2_000 {
            let text = (0..<generator.int(0...12)).map { _ in pieces[generator.below(pieces.count)] }.joined()
            let expected = text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
                .replacingOccurrences(of: "\u{2019}", with: "'")
            #expect(BoilerplateRule.fold(text) == expected, "\(text)")
        }
    }

    /// The byte search for a rule's required text, against `String`'s own search.
    @Test func containsAgreesWithStringSearch() {
        var generator = SeededGenerator(seed: 0xC0DE)
        let pieces = ["report", "s", " ", "re", "po", "rt", "é", "~", "x"]
        for _ in 0..<2_000 {
            let text = (0..<generator.int(0...10)).map { _ in pieces[generator.below(pieces.count)] }.joined()
            let part = (0..<generator.int(1...3)).map { _ in pieces[generator.below(pieces.count)] }.joined()
            let window = generator.below(3) == 0 ? nil : generator.int(0...30)
            let bytes = Array(text.utf8)
            let searched = window.map { Array(bytes.suffix($0)) } ?? bytes
            let expected = Self.byteSearch(searched, Array(part.utf8))
            #expect(
                BoilerplateRule.contains(text, part, withinLast: window) == expected,
                "\(text) / \(part) / \(String(describing: window))")
        }
    }

    private static func byteSearch(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty else { return true }
        guard haystack.count >= needle.count else { return false }
        return (0...(haystack.count - needle.count)).contains { Array(haystack[$0..<($0 + needle.count)]) == needle }
    }
}
