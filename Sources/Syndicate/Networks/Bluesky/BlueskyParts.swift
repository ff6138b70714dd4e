import Foundation

/// Bluesky's facets and `app.bsky.embed.external` link card.
enum BlueskyParts {
    /// The facets of the final `text`, as Bluesky's reference detector finds them: the link
    /// and the hashtags (and any mention in the summary, unresolved).
    static func facets(in text: String) -> [BlueskyFacet] {
        BlueskyText.facets(in: text)
    }

    /// The link card: the tracked link, the headline, the description and the first image as
    /// the thumbnail to upload.
    static func embed(post: Post, link: URL, description: String) -> SharePayload.Embed {
        SharePayload.Embed(
            external: SharePayload.Embed.External(
                uri: link, title: Whitespace.collapse(post.title), description: description,
                thumbURL: post.images.first?.url))
    }
}
