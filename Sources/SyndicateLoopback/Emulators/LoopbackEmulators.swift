import Foundation
import Syndicate

/// The emulators the loopback server runs, one per network, in the order paths are matched.
///
/// Adding a network's emulator is one file in `Emulators/` and one line here.
enum LoopbackEmulators {
    static let builtIn: [any NetworkEmulator.Type] = [
        XEmulator.self,
        MastodonEmulator.self,
        BlueskyEmulator.self,
        LinkedInEmulator.self,
        ThreadsEmulator.self,
        FacebookEmulator.self,
        TelegramEmulator.self,
        DiscordEmulator.self,
        SlackEmulator.self,
        WebhookEmulator.self,
        TumblrEmulator.self,
    ]
}
