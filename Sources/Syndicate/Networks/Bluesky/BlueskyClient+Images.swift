import Foundation

extension BlueskyClient {
    /// How long Syndicate reuses a blob it uploaded for a post that was not made.
    ///
    /// An uploaded blob that no record references "will be deleted if it is not referenced within
    /// a time window (eg, minutes)" (docs.bsky.app, `com.atproto.repo.uploadBlob`); Bluesky keeps
    /// it "long enough for someone who is manually performing the upload then record creation"
    /// (bluesky-social/atproto#1781). Five minutes stays within that.
    static let unattachedBlobLifetime = Duration.seconds(5 * 60)

    /// Uploads `data` with `com.atproto.repo.uploadBlob` (the raw bytes, their media type as
    /// `Content-Type`) and returns the blob as the PDS stored it: the type it sniffed from the
    /// bytes and the size, which a record's reference must repeat exactly.
    ///
    /// - Throws: ``DeliveryError`` for the PDS's refusal (with a refreshed session tried once).
    func uploadBlob(_ data: Data, type: String) async throws(DeliveryError) -> BlueskyPostRecord.Blob {
        struct Uploaded: Decodable { var blob: BlueskyPostRecord.Blob }
        let (response, _) = try await sendAuthorized { tokens throws(DeliveryError) in
            HTTPRequest(
                method: .post, url: api.endpoint("com.atproto.repo.uploadBlob"),
                headers: ["Authorization": "Bearer \(tokens.accessJwt)", "Content-Type": type, "Accept": "application/json"],
                body: data)
        }
        guard response.isSuccess else { throw api.error(for: response) }
        return try api.exchange.decode(Uploaded.self, from: response).blob
    }

    /// The payload's images uploaded as blobs and set out as an `app.bsky.embed.images` (nil
    /// when the payload has none, or none could be used), the blobs' CIDs, and a warning for
    /// each image left out.
    ///
    /// Each image is uploaded once per post and account: a retry within
    /// ``unattachedBlobLifetime`` reuses the blob (its reference then carries the type sniffed
    /// here, which is the type the PDS sniffs from the same bytes).
    ///
    /// - Throws: ``DeliveryError`` when an upload fails, naming the image and the blobs already
    ///   uploaded.
    func imagesEmbed(for payload: SharePayload, of post: Post) async throws(DeliveryError)
        -> (embed: BlueskyImagesEmbed?, mediaIDs: [String], warnings: [String])
    {
        guard !payload.images.isEmpty, let limits = BlueskyNetwork().imageLimits else { return (nil, [], []) }
        let (prepared, warnings) = try await api.exchange.prepareImages(payload.images, limits: limits)
        var images: [BlueskyImagesEmbed.Image] = []
        var ids: [String] = []
        for image in prepared.prefix(BlueskyImagesEmbed.maximumCount) {
            var uploaded: BlueskyPostRecord.Blob?
            do {
                let cid = try await api.exchange.uploadOnce(image, of: post, lifetime: Self.unattachedBlobLifetime) {
                    () async throws(DeliveryError) -> String in
                    let blob = try await uploadBlob(image.data, type: image.format.mimeType)
                    uploaded = blob
                    return blob.ref.link
                }
                let blob = uploaded ?? BlueskyPostRecord.Blob(ref: .init(link: cid), mimeType: image.format.mimeType, size: image.data.count)
                ids.append(cid)
                images.append(
                    BlueskyImagesEmbed.Image(
                        image: blob, alt: image.alt,
                        aspectRatio: image.aspectRatio.map { BlueskyImagesEmbed.AspectRatio(width: $0.width, height: $0.height) }))
            } catch {
                var named = error
                named.message = "uploading the image \(image.source.lastPathComponent) failed: \(error.message)"
                throw named.afterUploading(ids)
            }
        }
        return (images.isEmpty ? nil : BlueskyImagesEmbed(images: images), ids, warnings)
    }
}
