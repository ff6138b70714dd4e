import Foundation
import Testing

@testable import Syndicate

@Suite struct StableIDTests {
    /// Reference values of 64-bit FNV-1a (the FNV authors' test suite).
    @Test(arguments: [
        ("", "cbf29ce484222325"),
        ("a", "af63dc4c8601ec8c"),
        ("foobar", "85944171f73967e8"),
    ])
    func matchesTheFNV1aReferenceValues(text: String, digest: String) {
        #expect(StableID.digest(text) == digest)
    }

    @Test func hashesTheUTF8Bytes() {
        #expect(StableID.digest("Ofsted\u{2019}s plan") == "c21337ab8a8af98f")
        // Canonically equal strings with different bytes get different digests.
        #expect(StableID.digest("Caf\u{E9}") != StableID.digest("Cafe\u{301}"))
    }
}
