import Testing

@testable import Syndicate

/// Header lookup ignores the case of ASCII letters only, keeps order, and replaces in place.
@Suite struct HTTPHeadersTests {
    @Test func lookupIgnoresASCIICase() {
        let headers: HTTPHeaders = ["Content-Type": "application/json", "x-ratelimit-reset": "60"]
        #expect(headers["content-type"] == "application/json")
        #expect(headers["CONTENT-TYPE"] == "application/json")
        #expect(headers["X-RateLimit-Reset"] == "60")
        #expect(headers["Content-Typ"] == nil)
        #expect(headers["Content-Typee"] == nil)
    }

    @Test func namesDifferingInMoreThanLetterCaseDiffer() {
        // Bytes 0x20 apart that are not letters: "[" and "{", "@" and "`", "-" and "\r".
        #expect(!HTTPHeaders.sameName("a[", "a{"))
        #expect(!HTTPHeaders.sameName("@", "`"))
        #expect(!HTTPHeaders.sameName("a-b", "a\rb"))
        #expect(HTTPHeaders.sameName("Idempotency-Key", "idempotency-key"))
        #expect(HTTPHeaders.sameName("", ""))
        // Non-ASCII bytes must match exactly.
        #expect(HTTPHeaders.sameName("Ä", "Ä"))
        #expect(!HTTPHeaders.sameName("Ä", "ä"))
    }

    @Test func settingReplacesEveryFieldOfTheNameWhereTheFirstWas() {
        var headers = HTTPHeaders()
        headers.add(name: "Accept", value: "a")
        headers.add(name: "Set-Cookie", value: "1")
        headers.add(name: "set-cookie", value: "2")
        headers["SET-COOKIE"] = "3"
        #expect(headers.fields == [.init(name: "Accept", value: "a"), .init(name: "SET-COOKIE", value: "3")])
        headers["set-cookie"] = nil
        #expect(headers.fields == [.init(name: "Accept", value: "a")])
    }
}
