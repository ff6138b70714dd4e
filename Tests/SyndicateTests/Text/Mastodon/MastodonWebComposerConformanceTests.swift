import Foundation
import SyndicateTestSupport
import Testing

@testable import Syndicate

/// The web composer's cases of `../shared/conformance/mastodon/status-length.json`.
@Suite struct MastodonWebComposerConformanceTests {
    struct Document: Decodable {
        struct CountableCase: Decodable {
            var id: String
            var description: String
            var text: String
            var expectedCountableText: String
        }
        struct MentionCase: Decodable {
            struct Expected: Decodable {
                var indices: [Int]
                var username: String
                var host: String
            }
            var id: String
            var description: String
            var text: String
            var expected: [Expected]
        }
        struct Section<Item: Decodable>: Decodable { var cases: [Item] }

        var webComposerCountableText: Section<CountableCase>
        var webComposerMentionExtraction: Section<MentionCase>
    }

    private func document() throws -> Document? {
        guard let url = Fixtures.shared("conformance/mastodon/status-length.json") else { return nil }
        return try JSONDecoder().decode(Document.self, from: Data(contentsOf: url))
    }

    @Test func webComposerCountableTextCases() throws {
        guard let document = try document() else { return }
        let cases = document.webComposerCountableText.cases
        var passed = 0
        for item in cases {
            let actual = MastodonWebComposer.countableText(item.text)
            if actual == item.expectedCountableText {
                passed += 1
            } else {
                Issue.record("\(item.id) \(item.description): got \"\(actual)\", expected \"\(item.expectedCountableText)\"")
            }
        }
        print("conformance status-length.json webComposerCountableText: \(passed)/\(cases.count) passed")
        #expect(passed == cases.count)
    }

    @Test func webComposerMentionExtractionCases() throws {
        guard let document = try document() else { return }
        let cases = document.webComposerMentionExtraction.cases
        var passed = 0
        for item in cases {
            let actual = MastodonWebComposer.remoteMentions(in: item.text)
            let expected = item.expected.map {
                MastodonWebComposer.Mention(
                    utf16Range: ($0.indices.first ?? -1)..<($0.indices.last ?? -1), username: $0.username,
                    host: $0.host)
            }
            if actual == expected {
                passed += 1
            } else {
                Issue.record("\(item.id) \(item.description): got \(actual), expected \(expected)")
            }
        }
        print("conformance status-length.json webComposerMentionExtraction: \(passed)/\(cases.count) passed")
        #expect(passed == cases.count)
    }
}
