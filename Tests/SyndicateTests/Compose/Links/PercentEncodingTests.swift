import Testing

@testable import Syndicate

@Suite struct PercentEncodingTests {
    @Test(arguments: [
        ("AZaz09-._~", "AZaz09-._~"),
        ("a b", "a%20b"),
        ("&+#=?/:,;@!$'()*", "%26%2B%23%3D%3F%2F%3A%2C%3B%40%21%24%27%28%29%2A"),
        ("“Good”", "%E2%80%9CGood%E2%80%9D"),
        ("😊", "%F0%9F%98%8A"),
        ("%", "%25"),
        ("", ""),
    ])
    func encodesEverythingOutsideTheUnreservedSet(value: String, expected: String) {
        #expect(PercentEncoding.encode(value) == expected)
    }

    @Test func queryKeepsOrder() {
        #expect(PercentEncoding.query([("text", "a&b"), ("url", "https://x.example/?a=1")])
            == "text=a%26b&url=https%3A%2F%2Fx.example%2F%3Fa%3D1")
    }
}
