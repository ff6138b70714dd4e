import Foundation
import Syndicate
import SyndicateTestSupport
import Testing

/// No secret given in the environment may appear in dry-run output, logs or error messages.
@Suite("Secrets never leak")
struct SecretLeakTests {
    /// Distinctive values for every setting each network reads; the secret ones must never be shown.
    static func environment(for network: SocialNetwork, base: String) -> (variables: [String: String], secrets: [String]) {
        let prefix = "SYNDICATE_\(network.rawValue.uppercased())_"
        var variables: [String: String] = [:]
        var secrets: [String] = []
        func secret(_ name: String, _ value: String) { variables[prefix + name] = value; secrets.append(value) }
        func plain(_ name: String, _ value: String) { variables[prefix + name] = value }
        switch network {
        case .x:
            secret("CONSUMER_KEY", "ck-LEAKCHECK-1a2b3c"); secret("CONSUMER_SECRET", "cs-LEAKCHECK-4d5e6f")
            secret("ACCESS_TOKEN", "at-LEAKCHECK-7g8h9i"); secret("ACCESS_TOKEN_SECRET", "ats-LEAKCHECK-0j1k2l")
            plain("API_BASE", base)
        case .mastodon:
            plain("INSTANCE", base); secret("ACCESS_TOKEN", "mt-LEAKCHECK-3m4n5o")
        case .bluesky:
            plain("SERVICE", base); plain("HANDLE", "school.bsky.social"); secret("APP_PASSWORD", "bp-LEAKCHECK-6p7q-8r9s")
        case .threads:
            plain("USER_ID", "1234567"); secret("ACCESS_TOKEN", "th-LEAKCHECK-0t1u2v"); plain("API_BASE", base)
        case .linkedin:
            plain("AUTHOR", "urn:li:person:abc123"); secret("ACCESS_TOKEN", "li-LEAKCHECK-3w4x5y"); plain("API_BASE", base)
        case .facebook:
            plain("PAGE_ID", "98765"); secret("PAGE_TOKEN", "fb-LEAKCHECK-6z7a8b"); secret("APP_SECRET", "fs-LEAKCHECK-9c0d1e")
            plain("API_BASE", base)
        case .telegram:
            secret("BOT_TOKEN", "123456:tg-LEAKCHECK-2f3g4h"); plain("CHAT_ID", "@school"); plain("API_BASE", base)
        case .discord:
            secret("WEBHOOK_URL", "\(base)/api/webhooks/42/dc-LEAKCHECK-5i6j7k")
        case .slack:
            secret("WEBHOOK_URL", "\(base)/services/T0/B0/sl-LEAKCHECK-8l9m0n")
        case .webhook:
            secret("WEBHOOK_URL", "\(base)/hooks/wh-LEAKCHECK-1o2p3q")
        case .tumblr:
            plain("BLOG", "school-news"); plain("API_BASE", base)
            secret("CONSUMER_KEY", "tk-LEAKCHECK-4r5s6t"); secret("CONSUMER_SECRET", "ts-LEAKCHECK-7u8v9w")
            secret("ACCESS_TOKEN", "ta-LEAKCHECK-0x1y2z"); secret("ACCESS_TOKEN_SECRET", "tt-LEAKCHECK-3a4b5c")
        default:
            Issue.record("no leak-check settings for \(network.rawValue): add them here")
        }
        return (variables, secrets)
    }

    /// Every form a secret could take in output: raw, percent-encoded, and the token part of a URL.
    static func forms(of secret: String) -> [String] {
        var forms = [secret, secret.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? secret]
        if let range = secret.range(of: "LEAKCHECK") { forms.append(String(secret[range.lowerBound...])) }
        return forms
    }

    @Test("dry run with verbose logs: no secret in standard output or standard error", arguments: SocialNetwork.allCases)
    func dryRun(network: SocialNetwork) throws {
        let (variables, secrets) = Self.environment(for: network, base: "https://api.example")
        for json in [true, false] {
            let outcome = try CLIRunner.run(
                ["post", PostCommandTests.example, "--to", network.rawValue, "--dry-run", "--verbose"] + (json ? ["--json"] : []),
                environment: variables)
            #expect(outcome.status == 0, "\(outcome.stderr)")
            #expect(outcome.stdout.contains("REDACTED"))
            for secret in secrets {
                for form in Self.forms(of: secret) {
                    #expect(!outcome.stdout.contains(form), "\(network): \(form) in dry-run output")
                    #expect(!outcome.stderr.contains(form), "\(network): \(form) in logs")
                }
            }
        }
    }

    @Test("failed deliveries (nothing listening): no secret in the error report or logs", arguments: SocialNetwork.allCases)
    func errors(network: SocialNetwork) throws {
        let (variables, secrets) = Self.environment(for: network, base: "http://127.0.0.1:1")
        let outcome = try CLIRunner.run(["post", PostCommandTests.example, "--to", network.rawValue, "--json", "--verbose", "--attempts", "1"], environment: variables)
        #expect(outcome.status != 0)
        #expect(outcome.stdout.contains("\"status\" : \"failed\""))
        for secret in secrets {
            for form in Self.forms(of: secret) {
                #expect(!outcome.stdout.contains(form), "\(network): \(form) in the error report")
                #expect(!outcome.stderr.contains(form), "\(network): \(form) in logs")
            }
        }
    }
}
