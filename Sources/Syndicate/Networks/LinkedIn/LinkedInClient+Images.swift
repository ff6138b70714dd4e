import Foundation

extension LinkedInClient {
    /// How long Syndicate reuses an image it uploaded for a post that was not made. LinkedIn
    /// states no lifetime for an uploaded image no post uses (its upload URL carries
    /// `uploadUrlExpiresAt`); an hour is well within what it keeps.
    static let unattachedImageLifetime = Duration.seconds(60 * 60)

    /// `POST /rest/images?action=initializeUpload`'s answer: `{"value": {"uploadUrlExpiresAt",
    /// "uploadUrl", "image"}}`.
    struct InitializedUpload: Decodable {
        struct Value: Decodable {
            var uploadUrl: String
            var image: String
        }

        var value: Value
    }

    /// The payload's images uploaded through the Images API, as the post's content takes them
    /// (URN and alt text), and a warning for each image left out.
    ///
    /// Each image is uploaded once per post and account (a retry reuses its URN): `POST
    /// /rest/images?action=initializeUpload` with `{"initializeUploadRequest": {"owner":
    /// author}}`, then a `PUT` of the bytes to the `uploadUrl` it returns, with the token
    /// (learn.microsoft.com/linkedin/marketing/community-management/shares/images-api).
    ///
    /// - Throws: ``DeliveryError`` naming the image, and the images already uploaded.
    func uploadImages(_ payload: SharePayload, of post: Post) async throws(DeliveryError)
        -> (images: [PostBody.Content.Image], warnings: [String])
    {
        guard !payload.images.isEmpty, let limits = LinkedInNetwork().imageLimits else { return ([], []) }
        let (prepared, warnings) = try await exchange.prepareImages(payload.images, limits: limits)
        var images: [PostBody.Content.Image] = []
        for image in prepared {
            do {
                let urn = try await exchange.uploadOnce(image, of: post, lifetime: Self.unattachedImageLifetime) {
                    () async throws(DeliveryError) -> String in
                    try await upload(image)
                }
                images.append(.init(id: urn, altText: image.alt.isEmpty ? nil : image.alt))
            } catch {
                var named = error
                named.message = "uploading the image \(image.source.lastPathComponent) failed: \(error.message)"
                throw named.afterUploading(images.map(\.id))
            }
        }
        return (images, warnings)
    }

    /// Registers `image` and uploads its bytes; returns its `urn:li:image:` URN.
    private func upload(_ image: PreparedImage) async throws(DeliveryError) -> String {
        struct Request: Encodable {
            struct Initialize: Encodable { var owner: String }
            var initializeUploadRequest: Initialize
        }
        var components = URLComponents(url: apiBase.appendingPathComponent("rest/images"), resolvingAgainstBaseURL: false)
        components?.queryItems = [URLQueryItem(name: "action", value: "initializeUpload")]
        guard let url = components?.url else {
            throw DeliveryError(.invalidConfiguration, network: network, account: account, message: "the Images API address could not be formed")
        }
        let initialize: HTTPRequest
        do {
            initialize = try HTTPRequest.json(url: url, headers: restHeaders, body: Request(initializeUploadRequest: .init(owner: author)))
        } catch {
            throw DeliveryError(.invalidPayload, network: network, account: account, message: "the image upload request could not be encoded")
        }
        let registered = try await exchange.send(initialize)
        guard registered.isSuccess else { throw self.error(for: registered) }
        let value = try exchange.decode(InitializedUpload.self, from: registered).value
        guard let uploadURL = URL(string: value.uploadUrl), Self.mayCarryToken(uploadURL, apiBase: apiBase),
            value.image.hasPrefix("urn:li:image:")
        else {
            throw exchange.unexpected(registered, "an initialized upload without a LinkedIn https uploadUrl and a urn:li:image: URN")
        }
        // As the Images API's example sends it: the bytes and the bearer token, no Rest.li headers.
        let headers: HTTPHeaders = ["Authorization": restHeaders["Authorization"] ?? "", "Content-Type": image.format.mimeType]
        let uploaded = try await exchange.send(HTTPRequest(method: .put, url: uploadURL, headers: headers, body: image.data))
        guard uploaded.isSuccess else { throw self.error(for: uploaded) }
        return value.image
    }

    /// Whether the upload address may be sent the account's token: https on linkedin.com (or a
    /// subdomain), or the configured API's own scheme and host (a test server). Anything else, an
    /// http downgrade included, is refused before a byte or the token goes out.
    static func mayCarryToken(_ url: URL, apiBase: URL) -> Bool {
        guard let scheme = url.scheme?.lowercased(), let host = url.host?.lowercased() else { return false }
        if scheme == apiBase.scheme?.lowercased(), host == apiBase.host?.lowercased(), url.port == apiBase.port { return true }
        return scheme == "https" && (host == "linkedin.com" || host.hasSuffix(".linkedin.com"))
    }
}
