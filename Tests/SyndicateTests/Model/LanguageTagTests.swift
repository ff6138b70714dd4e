import Foundation
@testable import Syndicate
import SyndicateTestSupport
import Testing

@Suite("LanguageTag")
struct LanguageTagTests {
    @Test(
        "codes in any case or separator become BCP 47",
        arguments: [
            ("en", "en"), ("EN-US", "en-US"), ("en_gb", "en-GB"), ("en_US.UTF-8", "en-US"), ("de_DE@euro", "de-DE"),
            ("zh-hant-tw", "zh-Hant-TW"), ("es-419", "es-419"), (" fr ", "fr"), ("fil", "fil"), ("en-GB-oxendict", "en-GB-oxendict"),
            ("en-US-", "en-US"), ("en-US!x", "en"),
        ])
    func normalises(raw: String, expected: String) {
        #expect(LanguageTag(raw)?.tag == expected)
    }

    @Test("names, empty and malformed values are not language tags", arguments: ["English", "", "  ", "e", "en!", "123", "français", "-en"])
    func refuses(raw: String) {
        #expect(LanguageTag(raw) == nil)
    }

    @Test("the fast path for normalised tags agrees with the general reading on random tag-like text")
    func fastPathAgrees() {
        var generator = SeededGenerator(seed: 639)
        let pieces = ["en", "EN", "gb", "GB", "zh", "Hant", "hant", "419", "x", "oxendict", "-", "_", "", "fil", "e", "1", "abcdefghi"]
        var normalised = 0
        for _ in 0..<5_000 {
            let count = Int.random(in: 1...5, using: &generator)
            let text = (0..<count).map { _ in pieces.randomElement(using: &generator) ?? "" }.joined(
                separator: Bool.random(using: &generator) ? "-" : "")
            let fast = LanguageTag.isNormalized(text)
            if fast {
                normalised += 1
                #expect(LanguageTag(parsing: text)?.tag == text, "\(text)")
            }
            #expect(LanguageTag(text) == LanguageTag(parsing: text), "\(text)")
        }
        #expect(normalised > 100)
    }

    @Test("primary is the ISO 639 code alone")
    func primary() {
        #expect(LanguageTag("EN-US")?.primary == "en")
        #expect(LanguageTag("zh-Hant")?.primary == "zh")
    }

    @Test("a post normalises its language when created and when set")
    func post() {
        var post = Post(id: "1", title: "T", paragraphs: ["Body."], language: "EN-US")
        #expect(post.language == "en-US")
        post.language = "English"
        #expect(post.language == nil)
        post.language = ""
        #expect(post.language == nil)
        #expect(Post(id: "1", title: "T", language: "").language == nil)
    }

    /// The `language` field of the status a Mastodon client sends for `post`.
    func mastodonLanguage(of post: Post) async throws -> Any? {
        let transport = DryRunTransport()
        let client = try MastodonClient(
            settings: AccountSettings(network: .mastodon, values: ["INSTANCE": "social.example", "ACCESS_TOKEN": "token-1234"]),
            environment: DryRunHarness.environment(transport))
        _ = try await client.deliver(try Composer().payload(for: post, on: .mastodon), of: post)
        let sent = try #require(await transport.requests.first?.body)
        return try #require(try JSONSerialization.jsonObject(with: sent) as? [String: Any])["language"]
    }

    @Test("Mastodon gets the ISO 639 code, or no language, whatever the source wrote")
    func networks() async throws {
        var post = Post(
            id: "https://school.example/1", title: "Sports day", url: URL(string: "https://school.example/1"),
            paragraphs: ["Sports day is on Friday."], language: "EN-US")
        #expect(try await mastodonLanguage(of: post) as? String == "en")
        post.language = "English"
        #expect(try await mastodonLanguage(of: post) == nil)
    }

    @Test("SYNDICATE_MASTODON_LANGUAGE must be a code; the error names the variable and the fix")
    func mastodonSetting() throws {
        let environment = DryRunHarness.environment(DryRunTransport())
        let settings = AccountSettings(
            network: .mastodon, values: ["INSTANCE": "social.example", "ACCESS_TOKEN": "token-1234", "LANGUAGE": "english"])
        #expect {
            try MastodonClient(settings: settings, environment: environment)
        } throws: { error in
            let error = error as? DeliveryError
            return error?.category == .invalidConfiguration && error?.description.contains("SYNDICATE_MASTODON_LANGUAGE") == true
                && error?.description.contains("english") == true
        }
        let good = AccountSettings(
            network: .mastodon, values: ["INSTANCE": "social.example", "ACCESS_TOKEN": "token-1234", "LANGUAGE": "en-GB"])
        _ = try MastodonClient(settings: good, environment: environment)
    }
}
