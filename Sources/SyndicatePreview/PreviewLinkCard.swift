import Foundation
import Syndicate

/// The link card a network shows under the text: what it holds, from the payload's own card
/// fields (Bluesky `embed`, LinkedIn `article`, Tumblr `linkBlock`) or, where the network builds
/// the card itself from the page (X, Mastodon, Threads, Facebook, Telegram), from the post.
struct PreviewLinkCard: Equatable {
    /// Where the card links.
    var url: String
    /// The page's title.
    var title: String
    /// Its description.
    var description: String
    /// The card's image, if any.
    var image: URL?

    /// The card `payload` of `post` shows, or nil when its network shows none (or shows the
    /// payload's images instead).
    static func card(for payload: SharePayload, of post: Post) -> PreviewLinkCard? {
        if let embed = payload.embed {
            let external = embed.external
            return PreviewLinkCard(
                url: external.uri.absoluteString, title: external.title, description: external.description, image: external.thumbURL)
        }
        if let article = payload.article {
            return PreviewLinkCard(
                url: article.source.absoluteString, title: article.title, description: article.description, image: article.thumbnailURL)
        }
        if let block = payload.linkBlock {
            return PreviewLinkCard(url: block.url.absoluteString, title: block.title, description: block.description, image: nil)
        }
        if let attachment = payload.linkAttachment {
            return PreviewLinkCard(
                url: attachment.absoluteString, title: post.title, description: post.summary ?? post.paragraphs.first ?? "",
                image: post.images.first?.url)
        }
        // These networks draw a card from the link's page only when the post carries no media
        // of its own (a photo post shows the photos instead).
        let builds: Set<SocialNetwork> = [.x, .mastodon, .threads, .facebook, .telegram]
        guard builds.contains(payload.network), payload.images.isEmpty, let link = payload.link else { return nil }
        return PreviewLinkCard(
            url: link.absoluteString, title: post.title, description: post.summary ?? post.paragraphs.first ?? "",
            image: post.images.first?.url)
    }

    /// The card as HTML: `<div class="link-card">`, a link only when the URL is `http(s)`.
    func html(images: PreviewImageSource) -> String {
        var inner = ""
        if let image, let source = images.source(for: image) {
            inner += "<img class=\"link-card-image\" src=\"\(HTML.escape(source))\" alt=\"\">"
        }
        inner += "<div class=\"link-card-body\"><span class=\"link-card-domain\">\(HTML.escape(HTML.domain(url)))</span>"
        inner += "<strong class=\"link-card-title\" dir=\"auto\">\(HTML.escape(title))</strong>"
        if !description.isEmpty { inner += "<span class=\"link-card-description\" dir=\"auto\">\(HTML.escape(description))</span>" }
        inner += "</div>"
        if let href = HTML.safeURL(url) {
            return "<div class=\"link-card\"><a class=\"link-card-link\" href=\"\(HTML.escape(href))\">\(inner)</a></div>\n"
        }
        return "<div class=\"link-card\">\(inner)<span class=\"link-card-url\">\(HTML.escape(url))</span></div>\n"
    }
}
