import Foundation
import Testing

@testable import Syndicate

/// URL extraction rules the conformance data covers only in part.
@Suite struct TwitterTextURLTests {
    static func urls(_ text: String) -> [String] {
        TwitterText.entities(in: text).filter { $0.kind == .url }.map(\.value)
    }

    @Test func portIsPartOfTheURL() {
        #expect(Self.urls("dev at http://example.com:8080/path?x=1.") == ["http://example.com:8080/path?x=1"])
    }

    @Test func unicodeDomainNeedsAScheme() {
        #expect(Self.urls("https://例え.jp/テスト") == ["https://例え.jp/"])
        #expect(Self.urls("例え.jp") == [])
    }

    @Test func labelLongerThanSixtyThreeIsRejected() {
        let ok = "https://" + String(repeating: "a", count: 63) + ".com"
        let tooLong = "https://" + String(repeating: "a", count: 64) + ".com"
        #expect(Self.urls(ok) == [ok])
        #expect(Self.urls(tooLong) == [])
    }

    @Test func urlLongerThanMaximumIsRejected() {
        let path = String(repeating: "a", count: 4096 - "https://example.com/".count)
        #expect(Self.urls("https://example.com/" + path) == ["https://example.com/" + path])
        #expect(Self.urls("https://example.com/" + path + "a") == [])
    }

    @Test func nestedParenthesesInPath() {
        #expect(
            Self.urls("see http://rdio.com/track/We_Up_(Album_Version_(Edited))/ ok")
                == ["http://rdio.com/track/We_Up_(Album_Version_(Edited))/"])
    }

    @Test func tcoSlugIsCappedAtForty() {
        let slug40 = String(repeating: "a", count: 40)
        #expect(Self.urls("http://t.co/\(slug40)") == ["http://t.co/\(slug40)"])
        #expect(Self.urls("http://t.co/\(slug40)a") == [])
    }

    @Test func schemelessURLAfterSlashOrUnderscoreIsNotExtracted() {
        // "b-example.com" is one domain (a dash inside a label); "c_example" cannot be the name label.
        #expect(Self.urls("a/example.com b-example.com c_example.com") == ["b-example.com"])
    }

    @Test func idnDomainCountsInPunycodeTowardsTheMaximum() {
        // 中国 is xn--fiqs8s (10 characters instead of 2), so 4096 - 8 characters of path no longer fit.
        let path = String(repeating: "a", count: 4096 - "https://中国.com/".count)
        #expect(Self.urls("https://中国.com/" + path) == [])
        let shorter = String(path.dropFirst(8))
        #expect(Self.urls("https://中国.com/" + shorter) == ["https://中国.com/" + shorter])
    }

    @Test(arguments: [("bücher", "bcher-kva"), ("münchen", "mnchen-3ya"), ("中国", "fiqs8s"), ("日本語", "wgv71a119e")])
    func punycodeEncodesLabels(label: String, encoded: String) {
        #expect(Punycode.encode(label.unicodeScalars) == encoded)
    }
}
