import Foundation
import Syndicate

/// The API endpoints the loopback server plays, each matched by path as the real API is.
///
/// Faults are scripted per route (``LoopbackServer/script(_:for:)``), and recorded requests
/// carry the route they matched.
public enum LoopbackRoute: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// X: `POST /2/tweets`.
    case xTweets
    /// Mastodon: `POST /api/v1/statuses`.
    case mastodonStatuses
    /// Bluesky: `POST /xrpc/com.atproto.server.createSession`.
    case blueskyCreateSession
    /// Bluesky: `POST /xrpc/com.atproto.server.refreshSession`.
    case blueskyRefreshSession
    /// Bluesky: `POST /xrpc/com.atproto.repo.createRecord`.
    case blueskyCreateRecord
    /// Bluesky: `POST /xrpc/com.atproto.repo.uploadBlob`.
    case blueskyUploadBlob
    /// Bluesky: `GET /xrpc/com.atproto.identity.resolveHandle`.
    case blueskyResolveHandle
    /// LinkedIn: `POST /rest/posts`.
    case linkedInPosts
    /// Threads: `POST /v1.0/{user}/threads` (creates a container).
    case threadsCreate
    /// Threads: `POST /v1.0/{user}/threads_publish` (publishes a container).
    case threadsPublish
    /// Threads: `GET /v1.0/{id}` (a container's `status`, a post's `permalink`).
    case threadsObject
    /// Facebook Page: `POST /{version}/{page}/feed`.
    case facebookFeed
    /// Telegram: `POST /bot{token}/sendMessage`.
    case telegramSendMessage
    /// Discord: `POST /api/webhooks/{id}/{token}`.
    case discordWebhook
    /// Slack incoming webhook: `POST /services/…`.
    case slackWebhook
    /// A generic JSON webhook: any method on `/hooks/…`.
    case webhook

    /// The network whose API the route belongs to.
    public var network: SocialNetwork {
        switch self {
        case .xTweets: .x
        case .mastodonStatuses: .mastodon
        case .blueskyCreateSession, .blueskyRefreshSession, .blueskyCreateRecord, .blueskyUploadBlob, .blueskyResolveHandle: .bluesky
        case .linkedInPosts: .linkedin
        case .threadsCreate, .threadsPublish, .threadsObject: .threads
        case .facebookFeed: .facebook
        case .telegramSendMessage: .telegram
        case .discordWebhook: .discord
        case .slackWebhook: .slack
        case .webhook: .webhook
        }
    }

    public var description: String { rawValue }
}

/// A request's route and the path segments the route captures (`{user}`, `{token}`, …).
struct RouteMatch: Sendable, Equatable {
    var route: LoopbackRoute
    /// Captured segments by name: `user`, `version`, `page`, `token`, `id`.
    var captures: [String: String] = [:]
}

/// Matches request paths to ``LoopbackRoute``s the way the real APIs lay them out.
enum LoopbackRouter {
    /// The route of `path` (without its query), or nil when no emulated API has it. The method is
    /// not part of matching: an emulator answers a wrong method the way its API does.
    static func match(path: String) -> RouteMatch? {
        let segments = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        switch segments.count {
        case 2 where segments == ["2", "tweets"]:
            return RouteMatch(route: .xTweets)
        case 2 where segments == ["rest", "posts"]:
            return RouteMatch(route: .linkedInPosts)
        case 2 where segments[0] == "xrpc":
            let routes: [String: LoopbackRoute] = [
                "com.atproto.server.createSession": .blueskyCreateSession,
                "com.atproto.server.refreshSession": .blueskyRefreshSession,
                "com.atproto.repo.createRecord": .blueskyCreateRecord,
                "com.atproto.repo.uploadBlob": .blueskyUploadBlob,
                "com.atproto.identity.resolveHandle": .blueskyResolveHandle,
            ]
            return routes[segments[1]].map { RouteMatch(route: $0) }
        case 2 where segments[0].hasPrefix("bot") && segments[1] == "sendMessage":
            return RouteMatch(route: .telegramSendMessage, captures: ["token": String(segments[0].dropFirst(3))])
        case 3 where segments == ["api", "v1", "statuses"]:
            return RouteMatch(route: .mastodonStatuses)
        case 2 where segments[0] == "v1.0":
            return RouteMatch(route: .threadsObject, captures: ["id": segments[1]])
        case 3 where segments[0] == "v1.0" && segments[2] == "threads":
            return RouteMatch(route: .threadsCreate, captures: ["user": segments[1]])
        case 3 where segments[0] == "v1.0" && segments[2] == "threads_publish":
            return RouteMatch(route: .threadsPublish, captures: ["user": segments[1]])
        case 3 where segments[2] == "feed" && isGraphVersion(segments[0]):
            return RouteMatch(route: .facebookFeed, captures: ["version": segments[0], "page": segments[1]])
        case 4 where segments[0] == "api" && segments[1] == "webhooks":
            return RouteMatch(route: .discordWebhook, captures: ["id": segments[2], "token": segments[3]])
        default:
            break
        }
        if segments.first == "services", segments.count >= 2 {
            return RouteMatch(route: .slackWebhook, captures: ["token": segments[segments.count - 1]])
        }
        if segments.first == "hooks" {
            return RouteMatch(route: .webhook)
        }
        return nil
    }

    /// Whether `segment` is a Graph API version such as `v21.0`.
    private static func isGraphVersion(_ segment: String) -> Bool {
        guard segment.hasPrefix("v") else { return false }
        let number = segment.dropFirst()
        return !number.isEmpty && number.allSatisfy { $0.isNumber || $0 == "." }
    }
}
