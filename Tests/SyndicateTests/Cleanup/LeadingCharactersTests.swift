import Foundation
import Testing

@testable import Syndicate

@Suite struct LeadingCharactersTests {
    /// The ASCII bytes (as a string, in order) that `characters` admits.
    private func admitted(_ characters: LeadingCharacters) -> String {
        String(decoding: (UInt8(0x20)..<UInt8(0x7F)).filter { characters.admits($0) }, as: UTF8.self)
    }

    @Test func literalAlternativesGiveTheirFirstLetters() {
        let characters = LeadingCharacters(pattern: "(?:read more|Full story|continue reading)", caseInsensitive: true)
        #expect(admitted(characters) == "CFRcfr")
    }

    @Test func optionalPrefixAddsWhatFollows() {
        let characters = LeadingCharacters(pattern: #"(?:\d+ )?(?:comments?|leave a reply)$"#, caseInsensitive: true)
        #expect(admitted(characters) == "0123456789CLcl")
    }

    @Test func classesAndNamedGroupsAreRead() {
        let characters = LeadingCharacters(pattern: "(?<x>[Vv]ia|[a-c]b|\\-x)", caseInsensitive: false)
        #expect(admitted(characters) == "-ABCVabcv")
    }

    @Test(arguments: [
        ".{0,20}x", #"\s?x"#, #"\p{Lu}x"#, "(?=a)b", "(?i)a", "[^a]b", #"[\w]x"#, "a?", "(?:a|)", "(a",
        "\u{212A}elvin",
    ])
    func unreadableStartsAdmitEverything(pattern: String) {
        #expect(LeadingCharacters(pattern: pattern, caseInsensitive: true).isAny)
    }

    @Test func nonASCIIParagraphStartsAreAlwaysAdmitted() {
        let characters = LeadingCharacters(pattern: "[–—]x", caseInsensitive: false)
        #expect(admitted(characters) == "")
        #expect(characters.admits(0xE2))
    }

    @Test func defaultScreenedRulesAdmitOnlyTheirFirstLetters() {
        var union = LeadingCharacters.empty
        for rule in BoilerplateRule.defaults where rule.isScreened {
            guard case .regex(let regex, let source) = rule.pattern else { continue }
            let caseInsensitive = regex.options.contains(.caseInsensitive)
            union.formUnion(LeadingCharacters(pattern: String(source.dropFirst()), caseInsensitive: caseInsensitive))
        }
        #expect(admitted(union) == "0123456789ABCDEFGHJLMPRSTVWYabcdefghjlmprstvwy")
    }
}
