import Foundation

/// Builds the right ``NetworkClient`` for an account's settings.
public enum NetworkClients {
    /// The client for `settings.network`.
    ///
    /// - Throws: ``DeliveryError`` `.missingCredential` naming the variable to set, or
    ///   `.invalidConfiguration`.
    public static func make(settings: AccountSettings, environment: DeliveryEnvironment) throws(DeliveryError) -> any NetworkClient {
        switch settings.network {
        case .x: try XClient(settings: settings, environment: environment)
        case .mastodon: try MastodonClient(settings: settings, environment: environment)
        case .bluesky: try BlueskyClient(settings: settings, environment: environment)
        case .threads: try ThreadsClient(settings: settings, environment: environment)
        case .linkedin: try LinkedInClient(settings: settings, environment: environment)
        case .facebook: try FacebookClient(settings: settings, environment: environment)
        case .telegram: try TelegramClient(settings: settings, environment: environment)
        case .discord: try DiscordClient(settings: settings, environment: environment)
        case .slack: try SlackClient(settings: settings, environment: environment)
        case .webhook: try WebhookClient(settings: settings, environment: environment)
        }
    }
}
