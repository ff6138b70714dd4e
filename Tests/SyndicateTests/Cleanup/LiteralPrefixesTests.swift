import Foundation
import SyndicateTestSupport
import Testing

@testable import Syndicate

@Suite struct LiteralPrefixesTests {
    private func prefixes(_ pattern: String, caseInsensitive: Bool = true) -> [String]? {
        LiteralPrefixes(pattern: pattern, caseInsensitive: caseInsensitive).prefixes
    }

    @Test func theFirstByteScreenNeverTurnsAwayWhatThePrefixesAdmit() {
        var generator = SeededGenerator(seed: 256)
        let starts = ["", "T", "t", "s", "S", "“", "é", "1", " ", "[", "The post", "Share", "subscribe", "Comments", "\u{17F}"]
        for rule in BoilerplateRule.defaults {
            guard case .regex(let expression) = rule.pattern else { continue }
            for _ in 0..<200 {
                let text = (starts.randomElement(using: &generator) ?? "")
                    + String((0..<Int.random(in: 0...6, using: &generator)).map { _ in
                        Character(UnicodeScalar(UInt8.random(in: 0x20...0x7E, using: &generator)))
                    })
                if expression.prefixes.admits(text) {
                    #expect(expression.prefixes.mayAdmit(firstByteOf: text), "\(rule.name): \(text)")
                }
            }
        }
        let cookies = LiteralPrefixes(pattern: "^(?:this site uses cookies|we use cookies)", caseInsensitive: true)
        #expect(cookies.mayAdmit(firstByteOf: "The school’s bake sale"))   // 't' begins a prefix: left to admits
        #expect(!cookies.mayAdmit(firstByteOf: "School fair"))
        #expect(cookies.mayAdmit(firstByteOf: "WE USE COOKIES"))
        #expect(!cookies.mayAdmit(firstByteOf: ""))
    }

    @Test func literalAlternativesGiveWholeWords() {
        #expect(prefixes("^(?:read more|Full story|continue reading)") == ["continue reading", "full story", "read more"])
        // An optional unspellable atom ends one path; the other goes on to the colon.
        #expect(prefixes("^(?:read more|full story)\\s?:") == ["full story", "full story:", "read more", "read more:"])
    }

    @Test func optionalPartsGiveBothPathsAndRepetitionStopsAfterTheFirst() {
        #expect(
            prefixes(#"^(?:\d+ )?(?:comments?|leave a reply)$"#)
                == ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "comment", "comments", "leave a reply"])
    }

    @Test func classesNamedGroupsAndEscapedPunctuationAreSpelled() {
        #expect(prefixes(#"^(?<x>[Vv]ia|[a-c]b|\-x)"#, caseInsensitive: false) == ["-x", "ab", "bb", "cb", "via"])
    }

    @Test func assertionsAreSteppedOverAndUnspellableAtomsEndThePrefix() {
        #expect(prefixes(#"^(?:share\b|pin)(?!\s+about) ?on\s+\w+"#) == ["pin on", "pinon", "share on", "shareon"])
        #expect(prefixes(#"^get (?:our|the) .{0,5}news"#) == ["get our ", "get the "])
    }

    @Test func longLiteralsAreCut() {
        let long = String(repeating: "a", count: 40)
        #expect(prefixes("^" + long) == [String(repeating: "a", count: LiteralPrefixes.maximumLength)])
    }

    @Test(arguments: [
        "^.{0,20}x", #"^\s?x"#, #"^\p{Lu}x"#, "^(?=a)", "^(?i)a", "^[^a]b", #"^[\w]x"#, "^a?", "^(?:a|)", "^(a",
        "^\u{212A}elvin", "abc", "^a|b", #"^\Qa\E"#, #"^(a)\1"#, "^a{x}",
    ])
    func unreadableOrUnanchoredPatternsAdmitEverything(pattern: String) {
        #expect(prefixes(pattern) == nil)
        #expect(LiteralPrefixes(pattern: pattern, caseInsensitive: true).admits("zzz"))
    }

    @Test func admitsIgnoresASCIICaseAndTurnsAwayOtherStarts() {
        let cookies = LiteralPrefixes(pattern: "^(?:this site uses cookies|we use cookies)", caseInsensitive: true)
        #expect(cookies.admits("This site uses cookies to improve your experience."))
        #expect(cookies.admits("WE USE COOKIES"))
        #expect(!cookies.admits("The school’s bake sale raised £300 by selling cookies."))
        #expect(!cookies.admits("this site"))
        #expect(!cookies.admits(""))
    }

    @Test func nonASCIIBeforeAMismatchIsAdmitted() {
        // ICU folds ſ onto s and the Kelvin sign onto k when case is ignored.
        let signUp = LiteralPrefixes(pattern: "^(?:sign up|keep)", caseInsensitive: true)
        #expect(signUp.admits("ſign up to our bulletin"))
        #expect(signUp.admits("\u{212A}eep reading"))
        #expect(signUp.admits("si\u{301}gn"))
        #expect(!signUp.admits("sx\u{301}gn"))
        let dash = LiteralPrefixes(pattern: "^[–—]\\s?(?<author>\\p{Lu})", caseInsensitive: false)
        #expect(dash.prefixes == ["–", "—"])
        #expect(dash.admits("— Tamsin"))
        #expect(!dash.admits("- Tamsin"))
    }

    @Test func builtInRulesThatCannotBeScreenedAreTheUnanchoredAndTheSignOff() {
        let unscreened = BoilerplateRule.defaults.filter { rule in
            guard case .regex(let expression) = rule.pattern else { return true }
            return expression.prefixes.prefixes == nil
        }
        // Each of these requires text near the paragraph's end instead (the sign-off a "~").
        #expect(
            unscreened.map(\.name) == [
                "sign-off", "reports-sentence", "comma-reports", "comma-reports-inverted", "yoast-footer", "medium-footer",
            ])
        #expect(unscreened.allSatisfy { $0.requiredText != nil })
    }

    @Test func everyBuiltInExpressionCompiles() {
        for rule in BoilerplateRule.defaults {
            guard case .regex(let expression) = rule.pattern else { continue }
            #expect(expression.compiled != nil, "\(rule.name) does not compile")
        }
    }

    /// The shortcut never changes a result: every built-in rule gives the same match with and
    /// without it, over the example posts' paragraphs, the rules' own prefixes and thousands of
    /// variations of them (case changes, letters ICU folds, cuts, additions).
    @Test func prefixesNeverTurnAwayAMatch() throws {
        var paragraphs: [String] = []
        for name in ["ofsted-secondments.txt", "ofsted-secondments.md"] {
            let text = String(decoding: try Fixtures.exampleData(name), as: UTF8.self)
            paragraphs += text.split(whereSeparator: \.isNewline).map { Whitespace.collapse(String($0)) }
        }
        var seeds: [String] = []
        for rule in BoilerplateRule.defaults {
            guard case .regex(let expression) = rule.pattern else { continue }
            seeds += expression.prefixes.prefixes ?? []
        }
        let tails = ["", " ", ": Leadership, Ofsted", " to our daily bulletin", " on Facebook", "!", " Tamsin.", "s"]
        var generator = SeededGenerator(seed: 0x5EED)
        for seed in seeds {
            for tail in tails { paragraphs.append(seed + tail) }
            for _ in 0..<40 { paragraphs.append(Self.vary(seed, tail: tails.randomElement(using: &generator) ?? "", &generator)) }
        }
        var matched = 0
        for rule in BoilerplateRule.defaults {
            for paragraph in paragraphs {
                let screened = rule.match(in: paragraph)
                let searched = rule.match(in: paragraph, usingPrefixes: false)
                #expect(screened?.range == searched?.range, "\(rule.name): \(paragraph)")
                #expect(screened?.captured == searched?.captured, "\(rule.name): \(paragraph)")
                if searched != nil { matched += 1 }
            }
        }
        // The corpus really exercises the rules: many of its paragraphs match one.
        #expect(matched > 500)
    }

    /// `text` with random case flips, ICU-folded letters, a cut and a tail.
    private static func vary(_ text: String, tail: String, _ generator: inout SeededGenerator) -> String {
        var result = ""
        for character in text {
            switch Int.random(in: 0..<12, using: &generator) {
            case 0: result += character.uppercased()
            case 1 where character == "s": result += "ſ"
            case 1 where character == "k": result += "\u{212A}"
            case 2: result += "x"
            default: result.append(character)
            }
        }
        if Bool.random(using: &generator) { result = String(result.prefix(Int.random(in: 0...result.count, using: &generator))) }
        return result + tail
    }
}
