import Foundation

/// What a Mastodon server says it takes in images, read from `GET /api/v2/instance`:
/// `configuration.media_attachments.image_size_limit` (bytes), `image_matrix_limit` (pixels),
/// `supported_mime_types`, and `configuration.statuses.max_media_attachments`.
///
/// Sources: docs.joinmastodon.org/entities/Instance (`configuration.media_attachments`,
/// `configuration.statuses`), abraham/mastodon-openapi; h3poteto/megalodon
/// `src/mastodon/entities/instance.ts` reads the same fields.
struct MastodonInstanceLimits: Decodable, Equatable {
    struct Configuration: Decodable, Equatable {
        struct Statuses: Decodable, Equatable {
            var max_media_attachments: Int?
        }

        struct MediaAttachments: Decodable, Equatable {
            var supported_mime_types: [String]?
            var image_size_limit: Int?
            var image_matrix_limit: Int?
        }

        var statuses: Statuses?
        var media_attachments: MediaAttachments?
    }

    var configuration: Configuration?

    /// `defaults` with every limit the server states put in its place. Formats are those both
    /// know (the server's list, narrowed to image formats Syndicate sniffs); a list with none of
    /// them keeps the defaults.
    func imageLimits(over defaults: ImageLimits) -> ImageLimits {
        var limits = defaults
        let media = configuration?.media_attachments
        if let bytes = media?.image_size_limit, bytes > 0 { limits.maximumBytes = bytes }
        if let pixels = media?.image_matrix_limit, pixels > 0 { limits.maximumPixels = pixels }
        if let count = configuration?.statuses?.max_media_attachments, count > 0 { limits.maximumCount = count }
        if let types = media?.supported_mime_types {
            let formats = Set(types.map(ImageFormat.init(rawValue:))).intersection(defaults.formats)
            if !formats.isEmpty { limits.formats = formats }
        }
        return limits
    }
}

/// The image limits of one Mastodon server, read once per client and kept.
actor MastodonInstanceLimitsCache {
    private var limits: ImageLimits?

    /// The limits read before, if any.
    func cached() -> ImageLimits? { limits }

    /// Keeps `limits`.
    func store(_ limits: ImageLimits) { self.limits = limits }
}
