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
/// follows the network's own layout.
///
/// The page has one inline style sheet, no script, a Content-Security-Policy that allows nothing
/// but images, and no request besides the images' own URLs (local image files are embedded as
/// `data:` URLs). Every value from a post is escaped, and only `http:`/`https:` addresses become
/// links or image sources. The output depends on nothing but its input, so it can be compared
/// with a golden file.
///
/// ```swift
/// let payloads = try Composer().payloads(for: post, on: SocialNetwork.allCases)
/// let html = PreviewRenderer().page([PostPreview(post: post, payloads: payloads)])
/// ```
public struct PreviewRenderer: Sendable {
    /// The accounts shown in the cards' headers; a network without one gets a placeholder.
    public var accounts: [PreviewAccount]

    /// Creates a renderer.
    public init(accounts: [PreviewAccount] = []) {
        self.accounts = accounts
    }

    /// The whole page for `previews`: a `<section class="post">` per post, an
    /// `<article class="card">` per payload.
    public func page(_ previews: [PostPreview]) -> String {
        let language = previews.lazy.compactMap(\.post.language).first ?? "en"
        var html = """
            <!doctype html>
            <html lang="\(HTML.escape(language))">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data: http: https:; style-src 'unsafe-inline'">
            <meta name="referrer" content="no-referrer">
            <title>Preview</title>
            <style>
            \(PreviewStyle.css)
            </style>
            </head>
            <body>
            <main>

            """
        let images = PreviewImageSource()
        for preview in previews {
            let post = preview.post
            let lang = post.language.map { " lang=\"\(HTML.escape($0))\"" } ?? ""
            html += "<section class=\"post\" data-post-id=\"\(HTML.escape(post.id))\"\(lang)>\n"
            html += "<h1 dir=\"auto\">\(HTML.escape(post.title))</h1>\n"
            for payload in preview.payloads {
                html += PreviewCard(payload: payload, post: post, account: account(on: payload.network), images: images).html
            }
            html += "</section>\n"
        }
        return html + "</main>\n</body>\n</html>\n"
    }

    /// The account on `network`, or a placeholder: the network's name and `@your-account`.
    func account(on network: SocialNetwork) -> PreviewAccount {
        accounts.first { $0.network == network }
            ?? PreviewAccount(network: network, displayName: network.displayName, handle: "@your-account")
    }

    /// The text a reader sees in each part of `payload` (one element, or one per thread part):
    /// the payload's text with the network's markup (Telegram HTML, Slack mrkdwn, Discord
    /// Markdown, LinkedIn's escapes) turned into what it displays, links at their full address.
    /// Each card's `.post-text` shows exactly this, with links in their network's short form.
    public static func visibleText(of payload: SharePayload) -> [String] {
        PreviewText.parts(of: payload).map(PreviewSegment.visibleText)
    }
}
