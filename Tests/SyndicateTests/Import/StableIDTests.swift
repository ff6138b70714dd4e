import Testing

@testable import Syndicate

@Suite struct StableIDTests {
    @Test func matchesTheFNV1a64TestVectors() {
        #expect(StableID.digest("") == "cbf29ce484222325")
        #expect(StableID.digest("a") == "af63dc4c8601ec8c")
        #expect(StableID.digest("foobar") == "85944171f73967e8")
    }

    @Test func hashesTheUTF8BytesWithoutNormalising() {
        #expect(StableID.digest("Ofsted\u{2019}s plan") == "c21337ab8a8af98f")
        #expect(StableID.digest("Caf\u{E9}") != StableID.digest("Cafe\u{301}"))
    }

    @Test func partsAreSeparated() {
        #expect(StableID.digest("ab", "c") != StableID.digest("a", "bc"))
        #expect(StableID.digest("a", "b") == StableID.digest("a\u{1F}b"))
    }

    @Test func isSixteenHexDigitsAndStable() {
        let digest = StableID.digest("Heads to join Ofsted", "The pilot starts in January.")
        #expect(digest.count == 16)
        #expect(digest.allSatisfy { $0.isHexDigit && !$0.isUppercase })
        #expect(digest == StableID.digest("Heads to join Ofsted", "The pilot starts in January."))
    }
}
