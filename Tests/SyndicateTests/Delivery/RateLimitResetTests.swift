import Foundation
import Syndicate
import Testing

@Suite("RateLimitReset")
struct RateLimitResetTests {
    let now = Date(timeIntervalSince1970: 1_767_225_600)

    @Test("each network's way of saying when", arguments: [
        (HTTPHeaders(["Retry-After": "120"].map { .init(name: $0.key, value: $0.value) }), "", 120.0),
        (HTTPHeaders([.init(name: "Retry-After", value: "Thu, 01 Jan 2026 00:01:00 GMT")]), "", 60.0),
        (HTTPHeaders([.init(name: "x-rate-limit-reset", value: "1767225900")]), "", 300.0),
        (HTTPHeaders([.init(name: "X-RateLimit-Reset", value: "2026-01-01T00:05:00.019685Z")]), "", 300.019685),
        (HTTPHeaders([.init(name: "RateLimit-Reset", value: "1767225630")]), "", 30.0),
        (HTTPHeaders([.init(name: "RateLimit-Reset", value: "15")]), "", 15.0),
        (HTTPHeaders(), #"{"message":"You are being rate limited.","retry_after":1.5,"global":false}"#, 1.5),
        (HTTPHeaders(), #"{"ok":false,"error_code":429,"parameters":{"retry_after":7}}"#, 7.0),
    ])
    func reset(headers: HTTPHeaders, body: String, seconds: Double) throws {
        let response = HTTPResponse(status: 429, headers: headers, body: Data(body.utf8))
        let date = try #require(RateLimitReset.date(from: response, now: now))
        #expect(abs(date.timeIntervalSince(now) - seconds) < 0.001)
    }

    @Test("nothing said, nothing guessed")
    func none() {
        #expect(RateLimitReset.date(from: HTTPResponse(status: 429), now: now) == nil)
    }
}

@Suite("RateLimitReset: Meta usage headers")
struct MetaUsageResetTests {
    @Test("the largest estimated_time_to_regain_access (minutes) of a Graph usage header")
    func graph() throws {
        let now = Date(timeIntervalSince1970: 1_767_225_600)
        let header = #"{"123":[{"type":"pages","call_count":100,"estimated_time_to_regain_access":2},{"type":"pages","estimated_time_to_regain_access":7}]}"#
        let response = HTTPResponse(status: 429, headers: ["X-Business-Use-Case-Usage": header])
        #expect(RateLimitReset.date(from: response, now: now) == now.addingTimeInterval(420))
        let zero = HTTPResponse(status: 429, headers: ["X-App-Usage": #"{"call_count":100,"estimated_time_to_regain_access":0}"#])
        #expect(RateLimitReset.date(from: zero, now: now) == nil)
    }
}
