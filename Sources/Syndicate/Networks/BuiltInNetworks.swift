import Foundation

extension NetworkRegistry {
    /// The networks that ship with Syndicate, in the order they are listed and composed for.
    ///
    /// Adding a network is one folder under `Networks/` and one line here.
    public static let builtIn = NetworkRegistry([
        XNetwork(),
        MastodonNetwork(),
        BlueskyNetwork(),
        ThreadsNetwork(),
        LinkedInNetwork(),
        FacebookNetwork(),
        TelegramNetwork(),
        DiscordNetwork(),
        SlackNetwork(),
        WebhookNetwork(),
        TumblrNetwork(),
    ])
}
