import Foundation

/// Posts statuses to a Mastodon account (`POST /api/v1/statuses`), a thread as replies.
///
/// Settings (`SYNDICATE_MASTODON_…`): `INSTANCE` (the server, such as `mastodon.social`),
/// `ACCESS_TOKEN` (scope `write:statuses`), optional `VISIBILITY` (`public`, `unlisted`,
/// `private`, `direct`; default `public`) and `LANGUAGE` (an ISO 639 code such as `en`;
/// a BCP 47 tag such as `en-GB` is sent as `en`; default the post's).
///
/// Every status carries an `Idempotency-Key` derived from the post, the account and the part
/// (`IdempotencyKey`): Mastodon keeps keys for an hour and answers a repeat with the first
/// status, so a retry never duplicates.
///
/// Images go on the first status: each is uploaded with `POST /api/v2/media` (multipart `file`
/// and its alt text as `description`) → a MediaAttachment, `200` when ready or `202` with
/// `url: null` while the server still processes it, then polled with `GET /api/v1/media/:id`
/// (`206` while processing) a bounded number of times; the status carries `media_ids`. The
/// server's own limits come from `GET /api/v2/instance` (``MastodonInstanceLimits``), read once
/// per client when there are images. Sources: docs.joinmastodon.org/methods/media
/// (`POST /api/v2/media`, `GET /api/v1/media/:id`), docs.joinmastodon.org/methods/statuses
/// (`media_ids[]`), abraham/mastodon-openapi.
package struct MastodonClient: NetworkClient {
    /// The visibilities Mastodon accepts.
    package static let visibilities: Set<String> = ["public", "unlisted", "private", "direct"]

    package let network = SocialNetwork.mastodon
    package let account: String
    package let duplicateProtection = DuplicateProtection.idempotencyKey
    package var secrets: [String] { [accessToken] }

    /// The server's base URL.
    package let instance: URL
    let accessToken: String
    private let visibility: String
    let language: String?
    let exchange: NetworkExchange
    private let instanceLimits = MastodonInstanceLimitsCache()

    /// How many times an upload still processing is polled before giving up.
    package static let processingPolls = 5
    /// How long Mastodon keeps media no status uses: its media cleanup removes unattached
    /// uploads after a day.
    static let unattachedMediaLifetime = Duration.seconds(86_400)

    /// Creates a client from an account's settings.
    ///
    /// - Throws: ``DeliveryError`` `.missingCredential` naming the missing variable, or
    ///   `.invalidConfiguration` for an unusable instance or visibility.
    package init(settings: AccountSettings, environment: DeliveryEnvironment) throws(DeliveryError) {
        account = settings.account
        guard settings.value("INSTANCE") != nil else { throw settings.missing("INSTANCE") }
        instance = try settings.url("INSTANCE", default: "")
        accessToken = try settings.require("ACCESS_TOKEN")
        visibility = settings.value("VISIBILITY")?.lowercased() ?? "public"
        guard Self.visibilities.contains(visibility) else {
            throw DeliveryError(
                .invalidConfiguration, network: .mastodon, account: settings.account,
                message: "the visibility '\(visibility)' is not one Mastodon knows",
                fix: "set \(settings.location(of: "VISIBILITY")) to public, unlisted, private or direct.")
        }
        if let raw = settings.value("LANGUAGE") {
            guard let tag = LanguageTag(raw) else {
                throw DeliveryError(
                    .invalidConfiguration, network: .mastodon, account: settings.account,
                    message: "the language '\(raw)' is not an ISO 639 code",
                    fix: "set \(settings.location(of: "LANGUAGE")) to a two-letter code such as en, fr or de (or leave it out to use the post's).")
            }
            language = tag.primary
        } else {
            language = nil
        }
        exchange = NetworkExchange(network: .mastodon, account: account, environment: environment, secrets: settings.secrets)
    }

    /// The JSON body of one status.
    struct StatusBody: Encodable {
        var status: String
        var visibility: String
        var language: String?
        var in_reply_to_id: String?
        /// The uploaded images (first status only).
        var media_ids: [String]?
    }

    /// The part of a Status this client reads.
    struct Status: Decodable {
        var id: String
        var url: URL?
        var uri: String?
    }

    /// The request creating one status.
    func request(text: String, replyTo: String?, key: String, language: String?, mediaIDs: [String] = []) throws(DeliveryError) -> HTTPRequest {
        let body = StatusBody(
            status: text, visibility: visibility, language: language, in_reply_to_id: replyTo,
            media_ids: mediaIDs.isEmpty ? nil : mediaIDs)
        let headers: HTTPHeaders = ["Authorization": "Bearer \(accessToken)", "Idempotency-Key": key]
        do {
            return try HTTPRequest.json(url: instance.appendingPathComponent("api/v1/statuses"), headers: headers, body: body)
        } catch {
            throw DeliveryError(.invalidPayload, network: network, account: account, message: "the status could not be encoded")
        }
    }

    package func deliver(_ payload: SharePayload, of post: Post) async throws(DeliveryError) -> Delivery {
        let texts = payload.parts?.map(\.text) ?? [payload.text]
        let language = self.language ?? post.language.flatMap { LanguageTag($0) }?.primary
        let (mediaIDs, warnings) = try await uploadImages(payload, of: post)
        var ids: [String] = []
        var first: Status?
        for (index, text) in texts.enumerated() {
            let key = IdempotencyKey.make(postID: post.id, network: network, account: account, part: index + 1)
            do throws(DeliveryError) {
                let response = try await exchange.send(
                    try request(text: text, replyTo: ids.last, key: key, language: language, mediaIDs: index == 0 ? mediaIDs : []))
                guard response.isSuccess else { throw error(for: response) }
                let status = try exchange.decode(Status.self, from: response)
                ids.append(status.id)
                if first == nil { first = status }
            } catch {
                if ids.isEmpty { throw error.afterUploading(mediaIDs) }
                throw error
            }
        }
        guard let first else { throw DeliveryError(.invalidPayload, network: network, account: account, message: "the payload has no text") }
        let url = first.url ?? URL(string: "\(instance.absoluteString)/statuses/\(first.id)")
        var delivery = try exchange.delivery(remoteID: first.id, url: url, partIDs: ids.count > 1 ? ids : [])
        delivery.mediaIDs = mediaIDs
        delivery.warnings = warnings
        return delivery
    }

    /// The server's image limits: read from `GET /api/v2/instance` the first time, the network's
    /// defaults when the server does not say (an old server, a proxy, an error).
    package func imageLimits() async -> ImageLimits {
        if let known = await instanceLimits.cached() { return known }
        let defaults = MastodonNetwork().imageLimits ?? ImageLimits(maximumCount: 4)
        var limits = defaults
        let request = HTTPRequest(
            method: .get, url: instance.appendingPathComponent("api/v2/instance"), headers: ["Accept": "application/json"])
        if let response = try? await exchange.send(request), response.isSuccess,
            let read = try? JSONDecoder().decode(MastodonInstanceLimits.self, from: response.body)
        {
            limits = read.imageLimits(over: defaults)
        }
        await instanceLimits.store(limits)
        return limits
    }

    /// Uploads the payload's images within the server's limits and returns their media ids,
    /// and a warning for each image left out.
    func uploadImages(_ payload: SharePayload, of post: Post) async throws(DeliveryError) -> (ids: [String], warnings: [String]) {
        guard !payload.images.isEmpty else { return ([], []) }
        let (images, warnings) = try await exchange.prepareImages(payload.images, limits: await imageLimits())
        var ids: [String] = []
        for image in images {
            var pending: String?
            do throws(DeliveryError) {
                ids.append(
                    try await exchange.uploadOnce(image, of: post, lifetime: Self.unattachedMediaLifetime) { () async throws(DeliveryError) -> String in
                        try await upload(image, uploaded: &pending)
                    })
            } catch {
                throw error.afterUploading(ids + (pending.map { [$0] } ?? []))
            }
        }
        return (ids, warnings)
    }

    /// Uploads `image` and waits (a bounded number of polls) until the server has processed
    /// it; `uploaded` holds its id as soon as the server gave one.
    func upload(_ image: PreparedImage, uploaded: inout String?) async throws(DeliveryError) -> String {
        var form = MultipartForm()
        form.add("file", fileName: image.fileName, contentType: image.format.mimeType, data: image.data)
        if !image.alt.isEmpty { form.add("description", image.alt) }
        let authorization: HTTPHeaders = ["Authorization": "Bearer \(accessToken)"]
        let response = try await exchange.send(form.request(url: instance.appendingPathComponent("api/v2/media"), headers: authorization))
        guard response.isSuccess else { throw imageError(for: response, image: image) }
        var attachment = try exchange.decode(MediaAttachment.self, from: response)
        uploaded = attachment.id
        var polls = 0
        while attachment.url == nil {
            guard polls < Self.processingPolls else {
                throw DeliveryError(
                    .serverError, network: network, account: account,
                    message: "Mastodon was still processing the image \(image.source.lastPathComponent) (media \(attachment.id)) after \(polls) checks",
                    mayHaveReachedNetwork: false, fix: "run again in a minute: the upload is reused once the server has processed it.")
            }
            polls += 1
            do {
                try await exchange.environment.sleep(.seconds(polls))
            } catch {
                throw exchange.transportError(HTTPTransportError(.cancelled, "cancelled while waiting for an upload"))
            }
            var headers = authorization
            headers["Accept"] = "application/json"
            let check = HTTPRequest(
                method: .get, url: instance.appendingPathComponent("api/v1/media").appendingPathComponent(attachment.id),
                headers: headers)
            let answer = try await exchange.send(check)
            if answer.status == 206 { continue }
            guard answer.isSuccess else { throw imageError(for: answer, image: image) }
            attachment = try exchange.decode(MediaAttachment.self, from: answer)
        }
        return attachment.id
    }

    /// The part of a MediaAttachment this client reads: `url` is null while processing.
    struct MediaAttachment: Decodable {
        var id: String
        var url: String?
    }

    /// Mastodon's refusal of an image (`422 {"error": "Validation failed: …"}`, or `413` from
    /// the server's body limit) as a ``DeliveryError`` that names it.
    func imageError(for response: HTTPResponse, image: PreparedImage) -> DeliveryError {
        var error = error(for: response)
        let name = image.source.lastPathComponent
        error.message = "Mastodon refused the image \(name) (\(image.format.mimeType), \(image.data.count) bytes)"
        switch response.status {
        case 413:
            error.fix = "make \(name) smaller: it is over this server's upload limit (see /api/v2/instance, configuration.media_attachments.image_size_limit)."
        case 422:
            error.fix = "use an image type and size this server accepts for \(name) (configuration.media_attachments in /api/v2/instance), and run again."
        default:
            break
        }
        return error
    }

    /// Mastodon's `{"error": "…"}` read into a ``DeliveryError``.
    func error(for response: HTTPResponse) -> DeliveryError {
        let said = NetworkExchange.jsonObject(response)?["error"] as? String
        var error = exchange.error(for: response, networkMessage: said)
        if response.status == 422 {
            error.message = "Mastodon refused the status"
        }
        return error
    }
}
