import Foundation
import SyndicateTestSupport
import Testing

@testable import Syndicate

/// Mastodon's status-length cases (`../shared/conformance/mastodon/status-length.json`).
@Suite struct MastodonConformanceTests {
    struct Document: Decodable {
        struct ServerCase: Decodable {
            var id: String
            var description: String
            var spoilerText: String
            var text: String
            var expectedCountedLength: Int
            var expectedValid: Bool
        }
        struct Section<Item: Decodable>: Decodable { var cases: [Item] }

        var maxChars: Int
        var serverStatusLength: Section<ServerCase>
    }

    @Test func serverStatusLengthCases() throws {
        guard let url = Fixtures.shared("conformance/mastodon/status-length.json") else { return }
        let document = try JSONDecoder().decode(Document.self, from: Data(contentsOf: url))
        var passed = 0
        for item in document.serverStatusLength.cases {
            let counted = MastodonLength.count(item.text, spoilerText: item.spoilerText)
            let valid = counted <= document.maxChars
            if counted == item.expectedCountedLength && valid == item.expectedValid {
                passed += 1
            } else {
                Issue.record(
                    "\(item.id) \(item.description): counted \(counted), expected \(item.expectedCountedLength)")
            }
        }
        print(
            "conformance status-length.json serverStatusLength: \(passed)/\(document.serverStatusLength.cases.count) passed"
        )
        #expect(passed == document.serverStatusLength.cases.count)
    }
}
