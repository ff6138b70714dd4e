import Foundation

/// `app.bsky.embed.images`: up to four uploaded images, each with its alt text (required by the
/// lexicon, may be empty) and its aspect ratio.
///
/// Source: the lexicon `lexicons/app/bsky/embed/images.json` (bluesky-social/atproto):
/// `images` ≤ 4 items of `{image: blob (accept image/*, maxSize 1,000,000), alt: string
/// (required), aspectRatio?: {width ≥ 1, height ≥ 1}}`.
struct BlueskyImagesEmbed: Encodable, Sendable, Equatable {
    /// `app.bsky.embed.defs#aspectRatio`: width over height, both at least 1.
    struct AspectRatio: Encodable, Sendable, Equatable {
        var width: Int
        var height: Int
    }

    /// One image: the uploaded blob, its alt text and its shape.
    struct Image: Encodable, Sendable, Equatable {
        var image: BlueskyPostRecord.Blob
        var alt: String
        var aspectRatio: AspectRatio?
    }

    /// The most images one post takes.
    static let maximumCount = 4

    var images: [Image]

    private enum CodingKeys: String, CodingKey {
        case type = "$type"
        case images
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode("app.bsky.embed.images", forKey: .type)
        try container.encode(images, forKey: .images)
    }
}

extension BlueskyPostRecord {
    /// A post's one embed: the link card or the images, never both (a post has one `embed`).
    enum Embed: Encodable, Sendable {
        /// `app.bsky.embed.external`.
        case external(ExternalEmbed)
        /// `app.bsky.embed.images`.
        case images(BlueskyImagesEmbed)

        func encode(to encoder: any Encoder) throws {
            switch self {
            case .external(let card): try card.encode(to: encoder)
            case .images(let images): try images.encode(to: encoder)
            }
        }
    }
}
