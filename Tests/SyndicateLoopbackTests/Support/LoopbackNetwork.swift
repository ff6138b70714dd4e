import Foundation
import Syndicate
import SyndicateLoopback
import Testing

/// What the loopback tests need to know about one network, so that a behaviour every network
/// shares is written once and run over ``all``: where a post goes on the server, how to build
/// its client and payload, and the network's own answers (a refused credential, a 429).
///
/// What a network does that the others do not (X's bearer tokens, Bluesky's record keys, the
/// duplicate answers) stays in that network's own suite under `Networks/<Name>/`.
struct LoopbackNetwork: Sendable, CustomTestStringConvertible {
    /// A client built with a credential the server refuses, and the network's answer to it.
    struct RefusedCredential: Sendable {
        /// The refused secret; it must not appear in the error's description.
        let secret: String
        /// The status the network refuses it with.
        let status: Int
        /// The network's message, as the error carries it.
        let message: String
        /// A client that presents ``secret``.
        let client: @Sendable (LoopbackServer, DeliveryEnvironment) throws -> any NetworkClient
    }

    /// How the network's 429 reads.
    struct RateLimit: Sendable {
        /// Whether the answer carries when the limit resets (in the network's own header or
        /// body field), so `retryAfter` is exact; when not, it is nil.
        let readsReset: Bool
        /// The network's message, where the tests pin it.
        let message: String?
    }

    let network: SocialNetwork
    /// How the test names read it.
    let name: String
    /// The route of a post's first request: where a refusal comes before anything is made.
    let firstRoute: LoopbackRoute
    /// The route whose request makes the post. The first route, except on Threads, which
    /// publishes in a second request after creating a container.
    let postRoute: LoopbackRoute
    /// Whether the network refuses (or keys) a duplicate, so that ``CrossPoster`` may retry a
    /// failure that may have reached it without posting twice.
    let refusesDuplicates: Bool
    /// The example post and its payload, with whatever `server` must serve for it.
    let payload: @Sendable (LoopbackServer) throws -> (Post, SharePayload)
    /// A client for the server's default (accepted) credentials.
    let client: @Sendable (LoopbackServer, DeliveryEnvironment) throws -> any NetworkClient
    /// The credential refusal the shared suite checks; nil where the network's suite checks
    /// its own (Bluesky's session, Threads' refused token never reaching publish, the generic
    /// webhook, which has no credential).
    let refusedCredential: RefusedCredential?
    let rateLimit: RateLimit

    var testDescription: String { name }

    /// The bundled example post composed for `network`.
    private static func composed(_ network: SocialNetwork) -> @Sendable (LoopbackServer) throws -> (Post, SharePayload) {
        { _ in try LoopbackClientHarness.payload(for: network) }
    }

    /// Every network the loopback server plays.
    static let all: [LoopbackNetwork] = [
        LoopbackNetwork(
            network: .x, name: "X", firstRoute: .xTweets, postRoute: .xTweets, refusesDuplicates: true,
            payload: composed(.x), client: { try XLoopback.oauth1Client($0, $1) },
            refusedCredential: RefusedCredential(
                secret: "stolen-but-wrong", status: 401, message: "Unauthorized",
                client: { try XLoopback.oauth1Client($0, $1, tokenSecret: "stolen-but-wrong") }),
            rateLimit: RateLimit(readsReset: true, message: nil)),  // x-rate-limit-reset
        LoopbackNetwork(
            network: .mastodon, name: "Mastodon", firstRoute: .mastodonStatuses, postRoute: .mastodonStatuses,
            refusesDuplicates: true,  // by the Idempotency-Key
            payload: composed(.mastodon), client: { try MastodonLoopback.client($0, $1) },
            refusedCredential: RefusedCredential(
                secret: "revoked-token-456", status: 401, message: "The access token is invalid",
                client: { try MastodonLoopback.client($0, $1, token: "revoked-token-456") }),
            rateLimit: RateLimit(readsReset: true, message: nil)),  // X-RateLimit-Reset
        LoopbackNetwork(
            network: .bluesky, name: "Bluesky", firstRoute: .blueskyCreateRecord, postRoute: .blueskyCreateRecord,
            refusesDuplicates: true,  // by the record key
            payload: { try BlueskyLoopback.payload($0) }, client: { try BlueskyLoopback.client($0, $1) },
            refusedCredential: nil,
            rateLimit: RateLimit(readsReset: true, message: nil)),  // RateLimit-Reset
        LoopbackNetwork(
            network: .threads, name: "Threads", firstRoute: .threadsCreate, postRoute: .threadsPublish,
            refusesDuplicates: false,
            payload: composed(.threads), client: { try ThreadsLoopback.client($0, $1) },
            refusedCredential: nil,
            rateLimit: RateLimit(readsReset: true, message: nil)),  // code 4
        LoopbackNetwork(
            network: .linkedin, name: "LinkedIn", firstRoute: .linkedInPosts, postRoute: .linkedInPosts,
            refusesDuplicates: true,  // DUPLICATE_POST
            payload: composed(.linkedin), client: { try LinkedInLoopback.client($0, $1) },
            refusedCredential: RefusedCredential(
                secret: "expired-token-789", status: 401, message: "Invalid access token",
                client: { try LinkedInLoopback.client($0, $1, token: "expired-token-789") }),
            // LinkedIn sends no reset.
            rateLimit: RateLimit(
                readsReset: false,
                message: "Resource level throttle APPLICATION DAY limit for calls to this resource is reached.")),
        LoopbackNetwork(
            network: .facebook, name: "Facebook", firstRoute: .facebookFeed, postRoute: .facebookFeed,
            refusesDuplicates: true,  // #506
            payload: composed(.facebook), client: { try FacebookLoopback.client($0, $1) },
            refusedCredential: RefusedCredential(
                secret: "expired-page-token", status: 400,
                message: "(#190) Invalid OAuth access token - Cannot parse access token",
                client: { try FacebookLoopback.client($0, $1, token: "expired-page-token") }),
            // The reset is X-Business-Use-Case-Usage's estimated_time_to_regain_access (5 minutes).
            rateLimit: RateLimit(readsReset: true, message: "(#4) Application request limit reached")),
        LoopbackNetwork(
            network: .telegram, name: "Telegram", firstRoute: .telegramSendMessage, postRoute: .telegramSendMessage,
            refusesDuplicates: false,
            payload: composed(.telegram), client: { try TelegramLoopback.client($0, $1) },
            refusedCredential: RefusedCredential(
                secret: "123456:revoked", status: 401, message: "Unauthorized",
                client: { try TelegramLoopback.client($0, $1, token: "123456:revoked") }),
            rateLimit: RateLimit(readsReset: true, message: nil)),  // parameters.retry_after
        LoopbackNetwork(
            network: .discord, name: "Discord", firstRoute: .discordWebhook, postRoute: .discordWebhook,
            refusesDuplicates: false,
            payload: composed(.discord), client: { try DiscordLoopback.client($0, $1) },
            refusedCredential: RefusedCredential(
                secret: "deleted-webhook-token", status: 401, message: "Invalid Webhook Token (code 50027)",
                client: { try DiscordLoopback.client($0, $1, token: "deleted-webhook-token") }),
            rateLimit: RateLimit(readsReset: true, message: nil)),  // retry_after and Retry-After
        LoopbackNetwork(
            network: .slack, name: "Slack", firstRoute: .slackWebhook, postRoute: .slackWebhook,
            refusesDuplicates: false,
            payload: composed(.slack), client: { try SlackLoopback.client($0, $1) },
            // A revoked webhook: 403 invalid_token.
            refusedCredential: RefusedCredential(
                secret: "revoked-secret", status: 403, message: "invalid_token",
                client: { try SlackLoopback.client($0, $1, token: "revoked-secret") }),
            rateLimit: RateLimit(readsReset: true, message: nil)),  // Retry-After
        LoopbackNetwork(
            network: .webhook, name: "the webhook", firstRoute: .webhook, postRoute: .webhook,
            refusesDuplicates: false,
            payload: composed(.webhook), client: { try WebhookLoopback.client($0, $1) },
            refusedCredential: nil,
            rateLimit: RateLimit(readsReset: true, message: nil)),  // Retry-After
        LoopbackNetwork(
            network: .tumblr, name: "Tumblr", firstRoute: .tumblrPosts, postRoute: .tumblrPosts,
            refusesDuplicates: false,
            payload: composed(.tumblr), client: { try TumblrLoopback.client($0, $1) },
            refusedCredential: RefusedCredential(
                secret: "stolen-but-wrong", status: 401, message: "Unable to authorize (code 1016)",
                client: { try TumblrLoopback.client($0, $1, tokenSecret: "stolen-but-wrong") }),
            // Tumblr documents no reset for its 429 "Limit Exceeded".
            rateLimit: RateLimit(readsReset: false, message: "Limit Exceeded")),
    ]

    /// The networks whose credential refusal the shared suite checks.
    static var refusingCredentials: [LoopbackNetwork] { all.filter { $0.refusedCredential != nil } }
    /// The networks ``CrossPoster`` retries after a failure that may have reached them.
    static var refusingDuplicates: [LoopbackNetwork] { all.filter(\.refusesDuplicates) }
    /// The networks ``CrossPoster`` never retries after a failure that may have reached them.
    static var acceptingDuplicates: [LoopbackNetwork] { all.filter { !$0.refusesDuplicates } }
}
