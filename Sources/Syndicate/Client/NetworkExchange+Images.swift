import Foundation

extension NetworkExchange {
    /// The payload's images read and fitted to `limits` for an upload, with a warning for each
    /// one left out.
    ///
    /// An image that cannot be used (unreadable, not an image, over a limit with no image
    /// library to fit it) is left out with a warning naming it and the fix: the post still goes.
    ///
    /// - Throws: ``DeliveryError`` `.transport` (retryable, nothing reached the network) when
    ///   an image's download failed in a way that may pass (a timeout, a 5xx).
    package func prepareImages(_ images: [Post.Image], limits: ImageLimits) async throws(DeliveryError) -> (images: [PreparedImage], warnings: [String]) {
        var prepared: [PreparedImage] = []
        var warnings: [String] = []
        for image in images.prefix(limits.maximumCount) {
            do {
                prepared.append(try await environment.images.prepare(image, limits: limits, transport: environment.transport))
            } catch {
                if error.isTransient {
                    throw DeliveryError(
                        .transport, network: network, account: account, message: redactor.redact(error.message),
                        mayHaveReachedNetwork: false, fix: error.fix)
                }
                warnings.append(leftOut(error))
            }
        }
        return (prepared, warnings)
    }

    /// The payload's images as public URLs with their alt text, for networks that fetch images
    /// themselves; a local file is left out with a warning.
    package func publicImages(_ images: [Post.Image], limits: ImageLimits) -> (images: [(url: URL, alt: String)], warnings: [String]) {
        var result: [(url: URL, alt: String)] = []
        var warnings: [String] = []
        for image in images.prefix(limits.maximumCount) {
            do {
                result.append((try environment.images.publicURL(of: image, network: network), image.alt ?? ""))
            } catch {
                warnings.append(leftOut(error))
            }
        }
        return (result, warnings)
    }

    /// The warning for an image left out.
    private func leftOut(_ error: ImageError) -> String {
        redactor.redact("An image was left out: \(error.message). Fix: \(error.fix).")
    }

    /// The media id of `image` for this post and account: the one remembered from an earlier
    /// attempt while it is within `lifetime`, else the one `upload` returns (then remembered).
    package func uploadOnce(
        _ image: PreparedImage, of post: Post, lifetime: Duration,
        upload: () async throws(DeliveryError) -> String
    ) async throws(DeliveryError) -> String {
        let key = MediaUploadKey(postID: post.id, network: network, account: account, image: image)
        let now = environment.now()
        if let known = await environment.images.uploads.mediaID(for: key, at: now) {
            environment.logger.debug("reusing uploaded image \(known)", metadata: ["network": "\(network.rawValue)", "account": "\(account)"])
            return known
        }
        let id = try await upload()
        let seconds = Double(lifetime.components.seconds) * 0.9
        await environment.images.uploads.remember(id, for: key, until: now.addingTimeInterval(seconds))
        return id
    }
}
