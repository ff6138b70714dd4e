import Foundation

/// A Page post's photos: each uploaded unpublished, then attached to the `/feed` post.
///
/// - `POST /{page-id}/photos`, `multipart/form-data`: the bytes in the file part `source`,
///   `published=false` (the photo is not posted on its own), the alt text as `alt_text_custom`,
///   `access_token` and `appsecret_proof` → `{"id": "{photo-id}"}`.
/// - `POST /{page-id}/feed` with `attached_media[0]={"media_fbid":"{photo-id}"}`,
///   `attached_media[1]=…` as form fields, each a JSON object (the Graph API's form encoding of
///   an array of objects).
///
/// The bytes are always sent (`source`), never a `url` for Facebook to fetch: the image has
/// already been read, sniffed and fitted to Facebook's limits here, a local file works the same
/// way, and a site that blocks Facebook's crawler cannot make the upload fail.
///
/// A photo Facebook cannot read is `(#324) Missing or invalid image file`; one over the size
/// limit is code 100, subcode 1366046, "Photos should be less than 4 MB and saved as JPG, PNG,
/// GIF or TIFF files".
///
/// Sources: developers.facebook.com/docs/graph-api/reference/page/photos (publishing,
/// `published`, `source`, `url`), facebook/facebook-business-sdk-codegen `api_specs/specs/Page.json`
/// (`alt_text_custom`), "Publish a multi-photo post" (`attached_media`), SiloRider
/// silos/facebook.py; error codes from mobolic/facebook-sdk #98 and facebookarchive/php-graph-sdk
/// #315, #923.
enum FacebookPhotoUpload {
    /// How long the client reuses an unpublished photo for a retry of the same post. Facebook
    /// documents no expiry for unpublished photos; a day keeps a retry from uploading twice
    /// without holding on to ids for long.
    static let reuseLifetime = Duration.seconds(86_400)

    /// The largest photo Facebook takes: 4 MB ("Photos should be less than 4 MB").
    static let maximumBytes = 4 * 1024 * 1024

    /// The fields of `/feed` attaching `photoIDs`, in order.
    static func attachedMedia(_ photoIDs: [String]) -> [(name: String, value: String)] {
        photoIDs.enumerated().map { index, id in
            let object = (try? JSONSerialization.data(withJSONObject: ["media_fbid": id], options: [.sortedKeys])) ?? Data()
            return ("attached_media[\(index)]", String(decoding: object, as: UTF8.self))
        }
    }

    /// The part of the upload answer the client reads.
    struct Uploaded: Decodable {
        var id: String
    }
}
