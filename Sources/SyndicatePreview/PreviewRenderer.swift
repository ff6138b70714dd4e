import Foundation
import Syndicate

/// One post and the payloads composed for it: what a preview page shows.
public struct PostPreview: Sendable, Equatable {
    /// The post.
    public var post: Post
    /// Its payload on each network, in the order the page shows them.
    public var payloads: [SharePayload]

    /// Creates a preview of `post`.
    public init(post: Post, payloads: [SharePayload]) {
        self.post = post
        self.payloads = payloads
    }
}

/// Who posts on a network, as a card's header shows it.
public struct PreviewAccount: Sendable, Equatable {
    /// The network.
    public var network: SocialNetwork
    /// The name shown in bold (`Springfield Primary`).
    public var displayName: String
    /// The handle shown after it (`@springfield`, `@news@school.social`).
    public var handle: String

    /// Creates an account.
    public init(network: SocialNetwork, displayName: String, handle: String) {
        self.network = network
        self.displayName = displayName
        self.handle = handle
    }
}

/// Draws the payloads of posts as one self-contained HTML page, a card per network that
/// follows the network's own layout. (Stub: the renderer is being written.)
public struct PreviewRenderer: Sendable {
    /// The accounts shown in the cards' headers; a network without one gets a placeholder.
    public var accounts: [PreviewAccount]

    /// Creates a renderer.
    public init(accounts: [PreviewAccount] = []) {
        self.accounts = accounts
    }

    /// The whole page for `previews`.
    public func page(_ previews: [PostPreview]) -> String {
        "<!doctype html><html><head><meta charset=\"utf-8\"><title>Preview</title></head><body></body></html>\n"
    }

    /// The text a reader sees in each part of `payload` (one element, or one per thread part):
    /// the payload's text with the network's markup (Telegram HTML, Slack mrkdwn, Discord
    /// Markdown, LinkedIn's escapes) turned into what it displays, links at their full address.
    public static func visibleText(of payload: SharePayload) -> [String] {
        payload.parts?.map(\.text) ?? [payload.text]
    }
}
