import Foundation
import Syndicate
import SyndicateTestSupport
import Testing

/// Bluesky's own test data (`../shared/conformance/bluesky/`): facet detection and grapheme
/// lengths. Part of upstream's cases is held back, so the detector follows the rules, not these.
@Suite struct BlueskyConformanceTests {
    private struct DetectionFile: Decodable {
        struct Case: Decodable {
            var id: String
            var text: String
            var facets: [Expected]
            var scope: String
        }
        struct Expected: Decodable {
            var byteStart: Int
            var byteEnd: Int
            var type: String
            var handle: String?
            var uri: String?
            var tag: String?
        }
        var cases: [Case]
    }

    private struct GraphemeFile: Decodable {
        struct Case: Decodable {
            var id: String
            var text: String
            var graphemes: Int
            var utf8Bytes: Int
        }
        var cases: [Case]
    }

    /// A facet as one comparable line: `6..<17 mention handle.com`.
    private static func describe(_ facet: BlueskyFacet) -> String {
        let range = "\(facet.index.byteStart)..<\(facet.index.byteEnd)"
        return facet.features.map { feature in
            switch feature {
            case .link(let uri): "\(range) link \(uri)"
            case .tag(let tag): "\(range) tag \(tag)"
            case .mention(let did): "\(range) mention-did \(did)"
            case .unresolvedMention(let handle): "\(range) mention \(handle)"
            }
        }.joined(separator: "; ")
    }

    private static func describe(_ expected: DetectionFile.Expected) -> String {
        let value = expected.type == "mention" ? expected.handle : expected.type == "link" ? expected.uri : expected.tag
        return "\(expected.byteStart)..<\(expected.byteEnd) \(expected.type) \(value ?? "?")"
    }

    @Test func richTextDetectionCasesAllPass() throws {
        guard let url = Fixtures.shared("conformance/bluesky/richtext-detection.json") else { return }
        let file = try JSONDecoder().decode(DetectionFile.self, from: Data(contentsOf: url))
        var passed = 0
        for testCase in file.cases {
            var actual = BlueskyText.facets(in: testCase.text).map(Self.describe)
            if testCase.scope == "cashtags" {
                actual = actual.filter { $0.contains(" tag $") }
            }
            let expected = testCase.facets.map(Self.describe)
            #expect(actual == expected, "\(testCase.id): \(testCase.text.debugDescription)")
            if actual == expected { passed += 1 }
        }
        print("conformance bluesky richtext-detection.json: \(passed)/\(file.cases.count) passed")
        #expect(file.cases.count == 72)
    }

    @Test func graphemeLengthCasesAllPass() throws {
        guard let url = Fixtures.shared("conformance/bluesky/grapheme-length.json") else { return }
        let file = try JSONDecoder().decode(GraphemeFile.self, from: Data(contentsOf: url))
        var passed = 0
        for testCase in file.cases {
            let graphemes = BlueskyText.graphemeLength(testCase.text)
            let bytes = BlueskyText.byteLength(testCase.text)
            #expect(graphemes == testCase.graphemes, "\(testCase.id) graphemes")
            #expect(bytes == testCase.utf8Bytes, "\(testCase.id) bytes")
            if graphemes == testCase.graphemes && bytes == testCase.utf8Bytes { passed += 1 }
        }
        print("conformance bluesky grapheme-length.json: \(passed)/\(file.cases.count) passed")
        #expect(file.cases.count == 11)
    }
}
