import Foundation

/// X's image upload (API v2): the bytes in one request, then the alt text, then the media id on
/// the post.
///
/// - `POST /2/media/upload`, `multipart/form-data` with `media_category=tweet_image` and the
///   raw bytes in the file part `media` (one-shot upload, `MediaUploadRequestOneShot`) →
///   `{"data": {"id", "media_key", "size", "expires_after_secs", "image": {…}}}`.
/// - `POST /2/media/metadata`, JSON `{"id", "metadata": {"alt_text": {"text"}}}` (alt text at
///   most 1,000 characters).
/// - `POST /2/tweets` with `"media": {"media_ids": [...]}`: 1 to 4 ids of digits.
///
/// Sources: xdevplatform/xdk's schemas generated from its `specs/openapi.json`
/// (`MediaUploadRequestOneShot`: `media`, `media_category`; `MediaUploadResponse`: `data`,
/// `errors`), docs.x.com "Create media metadata" (`https://docs.x.com/x-api/media/create-media-metadata`),
/// a real answer in xdevplatform/xurl #18 (`{"data":{"id","media_key","size","expires_after_secs":86400,
/// "image":{…}}}`), X's invalid-request problem in sferik/x-ruby #62, and the v1.1 reference
/// (developer.x.com `post-media-upload`: "the returned media_id is only valid for
/// expires_after_secs seconds").
///
/// OAuth 1.0a signs neither body: a multipart body has no form parameters (RFC 5849
/// §3.4.1.3.1 signs only `application/x-www-form-urlencoded` bodies) and JSON is never signed.
enum XMediaUpload {
    /// The `media_category` of an image attached to a post.
    static let imageCategory = "tweet_image"

    /// How long X keeps an unattached media id when the answer does not say (`expires_after_secs`
    /// is 86,400 in X's examples).
    static let defaultLifetime = 86_400

    /// The upload request of `image` (unauthorised).
    static func uploadRequest(_ image: PreparedImage, apiBase: URL) -> HTTPRequest {
        var form = MultipartForm()
        form.add("media_category", imageCategory)
        form.add("media", fileName: image.fileName, contentType: image.format.mimeType, data: image.data)
        return form.request(url: apiBase.appendingPathComponent("2/media/upload"))
    }

    /// The body of `POST /2/media/metadata` giving media `id` its alt text.
    struct MetadataBody: Encodable, Equatable {
        struct Metadata: Encodable, Equatable {
            struct AltText: Encodable, Equatable {
                var text: String
            }

            var alt_text: AltText
        }

        var id: String
        var metadata: Metadata

        init(id: String, alt: String) {
            self.id = id
            metadata = Metadata(alt_text: Metadata.AltText(text: alt))
        }
    }

    /// The metadata request giving media `id` the alt text `alt` (unauthorised).
    static func metadataRequest(id: String, alt: String, apiBase: URL) throws -> HTTPRequest {
        try HTTPRequest.json(url: apiBase.appendingPathComponent("2/media/metadata"), body: MetadataBody(id: id, alt: alt))
    }

    /// The part of the upload answer this client reads.
    struct Uploaded: Decodable {
        struct Data: Decodable {
            var id: String
            var expires_after_secs: Int?
        }

        var data: Data
    }

    /// The body of `POST /2/tweets`' `media`.
    struct Media: Encodable, Equatable {
        var media_ids: [String]
    }

    /// Whether `id` has the shape X's specification gives media ids: 1 to 19 digits.
    static func isMediaID(_ id: String) -> Bool {
        (1...19).contains(id.count) && id.allSatisfy { $0.isASCII && $0.isNumber }
    }
}
