import Foundation

extension AccountSettings {
    /// Stand-in settings for a dry run without credentials: example addresses and ids, and
    /// secrets that read `dry-run-…` (which redaction hides anyway).
    public static func placeholders(for network: SocialNetwork, account: String = "default") -> AccountSettings {
        let values: [String: String]
        switch network {
        case .x:
            values = [
                "CONSUMER_KEY": "dry-run-consumer-key", "CONSUMER_SECRET": "dry-run-consumer-secret",
                "ACCESS_TOKEN": "dry-run-access-token", "ACCESS_TOKEN_SECRET": "dry-run-access-token-secret",
            ]
        case .mastodon:
            values = ["INSTANCE": "https://mastodon.example", "ACCESS_TOKEN": "dry-run-access-token"]
        case .bluesky:
            values = ["SERVICE": "https://bsky.social", "HANDLE": "dry-run.bsky.social", "APP_PASSWORD": "dry-run-app-password"]
        case .threads:
            values = ["USER_ID": "1000000000", "ACCESS_TOKEN": "dry-run-access-token"]
        case .linkedin:
            values = ["AUTHOR": "urn:li:person:dry-run", "ACCESS_TOKEN": "dry-run-access-token"]
        case .facebook:
            values = ["PAGE_ID": "1000000000", "PAGE_TOKEN": "dry-run-page-token", "APP_SECRET": "dry-run-app-secret"]
        case .telegram:
            values = ["BOT_TOKEN": "000000:dry-run-bot-token", "CHAT_ID": "@dry_run"]
        case .discord:
            values = ["WEBHOOK_URL": "https://discord.com/api/webhooks/000000/dry-run-webhook-token"]
        case .slack:
            values = ["WEBHOOK_URL": "https://hooks.slack.com/services/T000/B000/dry-run-webhook-token"]
        case .webhook:
            values = ["WEBHOOK_URL": "https://hooks.example/dry-run-webhook-token"]
        }
        return AccountSettings(network: network, account: account, values: values, origin: .placeholders)
    }

    /// These settings with every missing one filled from ``placeholders(for:account:)``.
    public func fillingPlaceholders() -> AccountSettings {
        var filled = self
        for (key, value) in Self.placeholders(for: network, account: account).values where filled.value(key) == nil {
            // X takes either the four OAuth 1.0a values or a bearer token.
            if network == .x, self.value("BEARER_TOKEN") != nil { continue }
            filled.values[key] = value
        }
        return filled
    }
}
