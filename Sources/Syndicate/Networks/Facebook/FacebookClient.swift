import Foundation

/// Posts to a Facebook Page's feed (`POST /{page-id}/feed` on the Graph API).
///
/// Settings (`SYNDICATE_FACEBOOK_…`):
/// - `PAGE_ID`: the Page's numeric id.
/// - `PAGE_TOKEN`: a **Page** access token (from `GET /{user-id}/accounts` with
///   `pages_manage_posts`, `pages_read_engagement`, `pages_show_list`).
/// - `APP_SECRET`: optional; when set, every call carries `appsecret_proof`
///   (`AppSecretProof`), which apps with "Require App Secret" on must send.
/// - `API_BASE`: optional, default `https://graph.facebook.com`.
/// - `API_VERSION`: optional, default `v21.0`.
///
/// The post's `message` is the payload's ``SharePayload/message`` (else its text) and `link`
/// its ``SharePayload/link``, from which Facebook builds the link card. Facebook refuses a
/// repeat of the same message (#506, #368), which counts as already posted.
///
/// Images (``FacebookPhotoUpload``) are uploaded as unpublished photos with their alt text and
/// attached to the post with `attached_media`; a post with photos carries its link at the end
/// of the message instead of as `link` (a photo post has no link card).
package struct FacebookClient: NetworkClient {
    /// The Graph API version used unless `API_VERSION` says otherwise.
    package static let defaultAPIVersion = "v21.0"

    /// ``SocialNetwork/facebook``.
    package let network = SocialNetwork.facebook
    /// The account's name, as errors and results name it.
    package let account: String
    /// ``DuplicateProtection/rejectsDuplicates``: Facebook refuses a repeated post.
    package let duplicateProtection = DuplicateProtection.rejectsDuplicates
    /// Every credential the client holds (the values of its secret settings), for redaction.
    package let secrets: [String]

    /// The Graph API's base URL.
    package let apiBase: URL
    /// The Graph API version, such as `v21.0`.
    package let apiVersion: String
    /// The Page posted to.
    package let pageID: String
    private let pageToken: String
    private let appSecretProof: String?
    let exchange: NetworkExchange

    /// Creates a client from an account's settings.
    ///
    /// - Throws: ``DeliveryError`` `.missingCredential` naming the missing variable (`PAGE_ID`,
    ///   `PAGE_TOKEN`), or `.invalidConfiguration` for an unusable `API_BASE`, `API_VERSION` or `PAGE_ID`.
    package init(settings: AccountSettings, environment: DeliveryEnvironment) throws(DeliveryError) {
        account = settings.account
        apiBase = try settings.url("API_BASE", default: "https://graph.facebook.com")
        pageID = try settings.require("PAGE_ID")
        guard pageID.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." || $0 == "-" }) else {
            throw DeliveryError(
                .invalidConfiguration, network: .facebook, account: account,
                message: "the page id '\(pageID)' is not a Graph API id",
                fix: "set \(settings.location(of: "PAGE_ID")) to the Page's numeric id (Page settings → About → Page ID).")
        }
        let version = settings.value("API_VERSION") ?? Self.defaultAPIVersion
        apiVersion = version.hasPrefix("v") ? version : "v" + version
        guard apiVersion.range(of: #"^v[0-9]+\.[0-9]+$"#, options: .regularExpression) != nil else {
            throw DeliveryError(
                .invalidConfiguration, network: .facebook, account: account,
                message: "the Graph API version '\(version)' is not one such as v21.0",
                fix: "set \(settings.location(of: "API_VERSION")) to a version such as \(Self.defaultAPIVersion), or leave it unset.")
        }
        let token = try settings.require("PAGE_TOKEN")
        let proof = settings.value("APP_SECRET").map { AppSecretProof.make(appSecret: $0, accessToken: token) }
        pageToken = token
        appSecretProof = proof
        secrets = settings.secrets + (proof.map { [$0] } ?? [])
        exchange = NetworkExchange(network: .facebook, account: account, environment: environment, secrets: secrets)
    }

    /// The part of the answer this client reads: `{"id": "{page-id}_{post-id}"}`.
    struct Created: Decodable {
        var id: String
    }

    /// The form request creating the Page post, with `photoIDs` attached.
    func request(for payload: SharePayload, photoIDs: [String] = []) -> HTTPRequest {
        var fields: [(name: String, value: String)] = [("message", Self.message(of: payload, withPhotos: !photoIDs.isEmpty))]
        if let link = payload.link, photoIDs.isEmpty { fields.append(("link", link.absoluteString)) }
        fields += FacebookPhotoUpload.attachedMedia(photoIDs)
        fields += credentials
        return HTTPRequest.form(url: pageURL("feed"), fields: fields)
    }

    /// The post's `message`: the payload's message (else its text), with its link at the end
    /// when the post carries photos (a photo post has no link card).
    static func message(of payload: SharePayload, withPhotos: Bool) -> String {
        var message = payload.message ?? payload.text
        if withPhotos, let link = payload.link, !message.contains(link.absoluteString) {
            message += (message.isEmpty ? "" : "\n\n") + link.absoluteString
        }
        return message
    }

    /// `access_token`, and `appsecret_proof` when `APP_SECRET` is set.
    var credentials: [(name: String, value: String)] {
        [("access_token", pageToken)] + (appSecretProof.map { [("appsecret_proof", $0)] } ?? [])
    }

    /// `{API_BASE}/{version}/{id}`: a node such as a Page post.
    func nodeURL(_ id: String) -> URL {
        apiBase.appendingPathComponent(apiVersion).appendingPathComponent(id)
    }

    /// `{API_BASE}/{version}/{page-id}/{edge}`.
    private func pageURL(_ edge: String) -> URL {
        apiBase.appendingPathComponent(apiVersion).appendingPathComponent(pageID).appendingPathComponent(edge)
    }

    /// The multipart request uploading `image` as an unpublished photo with its alt text.
    func photoRequest(_ image: PreparedImage) -> HTTPRequest {
        var form = MultipartForm()
        form.add("published", "false")
        if !image.alt.isEmpty { form.add("alt_text_custom", image.alt) }
        for field in credentials { form.add(field.name, field.value) }
        form.add("source", fileName: image.fileName, contentType: image.format.mimeType, data: image.data)
        return form.request(url: pageURL("photos"))
    }

    /// Posts `payload` and returns where it landed.
    ///
    /// - Throws: ``DeliveryError``; after photos were uploaded, with their ids in
    ///   ``DeliveryError/unattachedMediaIDs``.
    package func deliver(_ payload: SharePayload, of post: Post) async throws(DeliveryError) -> Delivery {
        let (photoIDs, warnings) = try await uploadPhotos(payload, of: post)
        let created: Created
        do throws(DeliveryError) {
            let response = try await exchange.send(request(for: payload, photoIDs: photoIDs))
            guard response.isSuccess else { throw GraphAPIError.deliveryError(for: response, exchange: exchange) }
            created = try exchange.decode(Created.self, from: response)
        } catch {
            throw error.afterUploading(photoIDs)
        }
        var delivery = try exchange.delivery(remoteID: created.id, url: URL(string: "https://www.facebook.com/\(created.id)"))
        delivery.mediaIDs = photoIDs
        delivery.warnings = warnings
        return delivery
    }

    /// Uploads the payload's images as unpublished photos and returns their ids, and a warning
    /// for each image left out.
    func uploadPhotos(_ payload: SharePayload, of post: Post) async throws(DeliveryError) -> (ids: [String], warnings: [String]) {
        guard !payload.images.isEmpty, let limits = FacebookNetwork().imageLimits else { return ([], []) }
        let (images, warnings) = try await exchange.prepareImages(payload.images, limits: limits)
        var ids: [String] = []
        for image in images {
            do throws(DeliveryError) {
                ids.append(
                    try await exchange.uploadOnce(image, of: post, lifetime: FacebookPhotoUpload.reuseLifetime) { () async throws(DeliveryError) -> String in
                        try await uploadPhoto(image)
                    })
            } catch {
                throw error.afterUploading(ids)
            }
        }
        return (ids, warnings)
    }

    /// Uploads one photo and returns its id.
    package func uploadPhoto(_ image: PreparedImage) async throws(DeliveryError) -> String {
        let response = try await exchange.send(photoRequest(image))
        guard response.isSuccess else {
            var error = GraphAPIError.deliveryError(for: response, exchange: exchange)
            // Code 100 / 1366046 says only "Invalid parameter"; its user message says why.
            let graph = NetworkExchange.jsonObject(response)?["error"] as? [String: Any]
            if let user = graph?["error_user_msg"] as? String, !user.isEmpty {
                error.networkMessage = [error.networkMessage, exchange.redactor.redact(user)].compactMap { $0 }.joined(separator: " ")
            }
            let name = image.source.lastPathComponent
            error.message = "Facebook refused the image \(name) (\(image.format.mimeType), \(image.data.count) bytes): \(error.message)"
            if error.category == .invalidPayload {
                error.fix = "use a JPEG, PNG or GIF of less than 4 MB for \(name), and run again."
            }
            throw error
        }
        return try exchange.decode(FacebookPhotoUpload.Uploaded.self, from: response).id
    }
}
