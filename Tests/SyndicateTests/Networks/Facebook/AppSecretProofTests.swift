import Syndicate
import Testing

@Suite("AppSecretProof")
struct AppSecretProofTests {
    /// Expected values computed independently:
    /// `python3 -c "import hmac,hashlib;print(hmac.new(KEY,MESSAGE,hashlib.sha256).hexdigest())"`.
    @Test(
        "lowercase hex HMAC-SHA256 of the token keyed with the app secret",
        arguments: [
            ("fb-app-secret-7d41", "fb-page-token-93c2", "0f1e7844624a2af90e2da84c2ba5a1b416d9c00fef9bb220c9b5654ac5dfed2c"),
            ("key", "The quick brown fox jumps over the lazy dog", "f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8"),
        ])
    func vector(secret: String, token: String, expected: String) {
        #expect(AppSecretProof.make(appSecret: secret, accessToken: token) == expected)
    }
}
