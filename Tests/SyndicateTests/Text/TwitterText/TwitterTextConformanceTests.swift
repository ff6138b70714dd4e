import Foundation
import SyndicateTestSupport
import Testing
import Yams

@testable import Syndicate

/// twitter-text's own conformance data (`../shared/conformance/twitter-text`), read at test time.
@Suite struct TwitterTextConformanceTests {
    /// One case of a conformance section.
    struct Case {
        var description: String
        var text: String
        var expected: Any?
    }

    /// The cases of `section` in `file`, or nil (with a printed notice) when the shared data is absent.
    static func cases(_ file: String, _ section: String, test: String = #function) throws -> [Case]? {
        guard let url = Fixtures.shared("conformance/twitter-text/\(file)", for: test) else { return nil }
        let root = try Yams.load(yaml: try String(contentsOf: url, encoding: .utf8)) as? [String: Any]
        let tests = try #require(root?["tests"] as? [String: Any], "\(file) has no tests mapping")
        let list = try #require(tests[section] as? [[String: Any]], "\(file) has no section \(section)")
        return list.map {
            Case(
                description: $0["description"] as? String ?? "", text: $0["text"] as? String ?? "",
                expected: $0["expected"])
        }
    }

    /// Code point offsets (the unit of the conformance indices) of a UTF-16 range of `text`.
    static func codePointIndices(_ range: Range<Int>, in text: String) -> [Int] {
        var result: [Int] = []
        var utf16 = 0
        var scalars = 0
        for scalar in text.unicodeScalars {
            if utf16 == range.lowerBound { result.append(scalars) }
            if utf16 == range.upperBound { result.append(scalars) }
            utf16 += scalar.utf16.count
            scalars += 1
        }
        if utf16 == range.lowerBound { result.append(scalars) }
        if utf16 == range.upperBound { result.append(scalars) }
        return result
    }

    /// Runs `check` on every case of a section, records failures and prints the pass count.
    static func run(_ file: String, _ section: String, _ check: (Case) -> (passed: Bool, actual: String)) throws {
        guard let cases = try cases(file, section, test: "\(file) \(section)") else { return }
        var passed = 0
        for item in cases {
            let outcome = check(item)
            if outcome.passed {
                passed += 1
            } else {
                Issue.record(
                    "\(file) \(section): \(item.description) — text \(item.text.debugDescription), got \(outcome.actual)"
                )
            }
        }
        print("conformance \(file) \(section): \(passed)/\(cases.count) passed")
        #expect(passed == cases.count)
    }

    // MARK: validate.yml

    static func checkParse(_ item: Case, _ configuration: TwitterText.Configuration) -> (passed: Bool, actual: String) {
        let result = TwitterText.parse(item.text, configuration: configuration)
        guard let expected = item.expected as? [String: Any] else { return (false, "unreadable expectation") }
        let want = TwitterText.ParseResult(
            weightedLength: expected["weightedLength"] as? Int ?? -1,
            permillage: expected["permillage"] as? Int ?? -1,
            isValid: expected["valid"] as? Bool ?? false,
            displayRange: (expected["displayRangeStart"] as? Int ?? -1)...(expected["displayRangeEnd"] as? Int ?? -1),
            validRange: (expected["validRangeStart"] as? Int ?? -1)...(expected["validRangeEnd"] as? Int ?? -1)
        )
        return (result == want, "\(result)")
    }

    @Test func weightedLengthWithConfigV2() throws {
        try Self.run("validate.yml", "WeightedTweetsCounterTest") { Self.checkParse($0, .v2) }
    }

    @Test func weightedLengthWithConfigV3DiscountedEmoji() throws {
        try Self.run("validate.yml", "WeightedTweetsWithDiscountedEmojiCounterTest") { Self.checkParse($0, .v3) }
    }

    @Test func directionalMarkersWithDefaultConfig() throws {
        try Self.run("validate.yml", "UnicodeDirectionalMarkerCounterTest") { item in
            Self.checkParse(item, .v3)
        }
    }

    @Test func legacyValidityWithConfigV1() throws {
        try Self.run("validate.yml", "tweets") { item in
            let valid = TwitterText.parse(item.text, configuration: .v1).isValid
            return (valid == item.expected as? Bool, "\(valid)")
        }
    }

    // MARK: extract.yml

    static func values(_ kind: TextEntity.Kind, in text: String) -> [String] {
        TwitterText.entities(in: text).filter { $0.kind == kind }.map(\.value)
    }

    static func checkValues(_ kind: TextEntity.Kind, _ item: Case) -> (passed: Bool, actual: String) {
        var actual = values(kind, in: item.text)
        if kind == .mention { actual = actual.filter { !$0.contains("/") } }
        return (actual == (item.expected as? [String] ?? ["<unreadable>"]), "\(actual)")
    }

    static func checkIndices(_ kind: TextEntity.Kind, key: String, _ item: Case) -> (passed: Bool, actual: String) {
        var entities = TwitterText.entities(in: item.text).filter { $0.kind == kind }
        if kind == .mention { entities = entities.filter { !$0.value.contains("/") } }
        let actual = entities.map { "\($0.value) \(codePointIndices($0.utf16Range, in: item.text))" }
        let expected = (item.expected as? [[String: Any]] ?? []).map {
            "\($0[key] as? String ?? "") \($0["indices"] as? [Int] ?? [])"
        }
        return (actual == expected, "\(actual)")
    }

    @Test func extractURLs() throws {
        try Self.run("extract.yml", "urls") { Self.checkValues(.url, $0) }
    }

    @Test func extractURLsWithIndices() throws {
        try Self.run("extract.yml", "urls_with_indices") { Self.checkIndices(.url, key: "url", $0) }
    }

    @Test func extractURLsWithDirectionalMarkers() throws {
        try Self.run("extract.yml", "urls_with_directional_markers") { Self.checkIndices(.url, key: "url", $0) }
    }

    @Test func extractTcoURLsWithParameters() throws {
        try Self.run("extract.yml", "tco_urls_with_params") { Self.checkValues(.url, $0) }
    }

    @Test func extractHashtags() throws {
        try Self.run("extract.yml", "hashtags") { Self.checkValues(.hashtag, $0) }
    }

    @Test func extractHashtagsFromAstralPlanes() throws {
        try Self.run("extract.yml", "hashtags_from_astral") { Self.checkValues(.hashtag, $0) }
    }

    @Test func extractHashtagsWithIndices() throws {
        try Self.run("extract.yml", "hashtags_with_indices") { Self.checkIndices(.hashtag, key: "hashtag", $0) }
    }

    @Test func extractMentions() throws {
        try Self.run("extract.yml", "mentions") { Self.checkValues(.mention, $0) }
    }

    @Test func extractMentionsWithIndices() throws {
        try Self.run("extract.yml", "mentions_with_indices") { Self.checkIndices(.mention, key: "screen_name", $0) }
    }

    @Test func extractMentionsOrListsWithIndices() throws {
        try Self.run("extract.yml", "mentions_or_lists_with_indices") { item in
            let actual = TwitterText.entities(in: item.text).filter { $0.kind == .mention }.map {
                "@\($0.value) \(Self.codePointIndices($0.utf16Range, in: item.text))"
            }
            let expected = (item.expected as? [[String: Any]] ?? []).map {
                "@\($0["screen_name"] as? String ?? "")\($0["list_slug"] as? String ?? "") \($0["indices"] as? [Int] ?? [])"
            }
            return (actual == expected, "\(actual)")
        }
    }

    @Test func extractCashtags() throws {
        try Self.run("extract.yml", "cashtags") { Self.checkValues(.cashtag, $0) }
    }

    @Test func extractCashtagsWithIndices() throws {
        try Self.run("extract.yml", "cashtags_with_indices") { Self.checkIndices(.cashtag, key: "cashtag", $0) }
    }

    // MARK: tlds.yml

    @Test(arguments: ["country", "generic"])
    func everyTLDExtractsItsURL(section: String) throws {
        try Self.run("tlds.yml", section) { Self.checkValues(.url, $0) }
    }
}
