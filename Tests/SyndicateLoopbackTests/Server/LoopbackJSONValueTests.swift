import Foundation
import Testing

@testable import SyndicateLoopback

/// Response bodies written through JSONEncoder read back as the objects they were built from,
/// with sorted keys, and types JSONEncoder cannot tell apart fall back to JSONSerialization.
@Suite struct LoopbackJSONValueTests {
    @Test func plainValuesConvertWithTheirExactTypes() throws {
        let object: [String: Any] = [
            "id": "110", "count": 3, "ratio": 0.25, "ok": true, "none": NSNull(),
            "url": "http://127.0.0.1/@a/1", "text": "Ünïcödé \"quoted\" 👍", "nested": ["b": [1, "two", false], "a": [:] as [String: Any]],
        ]
        let value = try #require(LoopbackJSONValue(object))
        guard case .object(let members) = value else { Issue.record("not an object"); return }
        #expect(members["count"].map { if case .int(3) = $0 { true } else { false } } == true)
        #expect(members["ok"].map { if case .bool(true) = $0 { true } else { false } } == true)
        #expect(members["ratio"].map { if case .double(0.25) = $0 { true } else { false } } == true)

        let data = LoopbackJSONValue.data(object)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.hasPrefix(#"{"count":3,"id":"110","nested":{"a":{},"b":[1,"two",false]},"none":null,"ok":true,"#))
        #expect(text.contains(#""url":"http://127.0.0.1/@a/1""#))  // slashes unescaped
        let roundTrip = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(roundTrip["text"] as? String == "Ünïcödé \"quoted\" 👍")
        #expect(roundTrip["ratio"] as? Double == 0.25)
    }

    @Test func foundationNumbersFallBackToJSONSerialization() throws {
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(#"{"n":1,"t":true}"#.utf8)) as? [String: Any])
        #expect(LoopbackJSONValue(parsed) == nil)
        let text = String(decoding: LoopbackJSONValue.data(["echo": parsed]), as: UTF8.self)
        #expect(text == #"{"echo":{"n":1,"t":true}}"#)
    }
}
