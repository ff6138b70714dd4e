import Foundation

/// Posts to an X account (`POST /2/tweets`), a thread as a chain of replies.
///
/// Settings (`SYNDICATE_X_…`):
/// - `CONSUMER_KEY`, `CONSUMER_SECRET`, `ACCESS_TOKEN`, `ACCESS_TOKEN_SECRET`: OAuth 1.0a user
///   context (the app's API key and secret, the account's access token and secret; the app
///   needs "Read and write" permission). Used when all four are set.
/// - or `BEARER_TOKEN`: an OAuth 2.0 user access token (scopes `tweet.write tweet.read
///   users.read`, and `media.write` to attach images). An app-only bearer token cannot post.
///
/// Images (at most four, on the first post of a thread) are uploaded first with their alt text
/// (``XMediaUpload``); a delivery that fails after uploading reports the ids in
/// ``DeliveryError/unattachedMediaIDs``, and a retry within X's `expires_after_secs` reuses them.
/// - `API_BASE`: optional, default `https://api.x.com`.
///
/// X rejects the same text from the same account with 403 "duplicate content", which this
/// client reports as ``DeliveryError/Category/duplicate`` (already posted).
package struct XClient: NetworkClient {
    /// How requests are authorised.
    enum Authentication: Sendable {
        /// OAuth 1.0a user context, signed per request.
        case oauth1(OAuth1Signer)
        /// An OAuth 2.0 user access token.
        case bearer(String)
    }

    /// The settings OAuth 1.0a user context needs, all four.
    package static let oauth1Settings = OAuth1Signer.Credentials.settingNames

    /// ``SocialNetwork/x``.
    package let network = SocialNetwork.x
    /// The account's name, as errors and results name it.
    package let account: String
    /// ``DuplicateProtection/rejectsDuplicates``: X refuses a repeated post.
    package let duplicateProtection = DuplicateProtection.rejectsDuplicates
    /// Every credential the client holds (the values of its secret settings), for redaction.
    package let secrets: [String]

    /// The API's base URL (`https://api.x.com` unless `API_BASE` says otherwise).
    package let apiBase: URL
    private let authentication: Authentication
    private let settings: AccountSettings
    private let environment: DeliveryEnvironment
    let exchange: NetworkExchange

    /// Creates a client from an account's settings.
    ///
    /// - Throws: ``DeliveryError`` `.missingCredential` naming the variables to set (the four
    ///   OAuth 1.0a ones or `BEARER_TOKEN`), or `.invalidConfiguration` for an unusable `API_BASE`.
    package init(settings: AccountSettings, environment: DeliveryEnvironment) throws(DeliveryError) {
        account = settings.account
        apiBase = try settings.url("API_BASE", default: "https://api.x.com")
        if let credentials = OAuth1Signer.Credentials(settings: settings) {
            authentication = .oauth1(OAuth1Signer(credentials: credentials))
        } else if let bearer = settings.value("BEARER_TOKEN") {
            authentication = .bearer(bearer)
        } else {
            throw Self.missingCredentials(settings, present: Self.oauth1Settings.map { settings.value($0) != nil })
        }
        secrets = settings.secrets
        self.settings = settings
        self.environment = environment
        exchange = NetworkExchange(network: .x, account: account, environment: environment, secrets: settings.secrets)
    }

    /// The error when neither complete OAuth 1.0a credentials nor a bearer token are set: names
    /// the OAuth 1.0a variables still missing (all four when none is set) and `BEARER_TOKEN`.
    static func missingCredentials(_ settings: AccountSettings, present: [Bool]) -> DeliveryError {
        let missing = zip(oauth1Settings, present).filter { !$0.1 }.map(\.0)
        let oauth1 = missing.map(settings.location(of:)).joined(separator: ", ")
        let bearer = settings.location(of: "BEARER_TOKEN")
        let message =
            missing.count == oauth1Settings.count
            ? "no credentials are set: OAuth 1.0a needs \(oauth1Settings.joined(separator: ", ")), OAuth 2.0 needs BEARER_TOKEN"
            : "the OAuth 1.0a credentials are incomplete: \(missing.joined(separator: ", ")) missing, and no BEARER_TOKEN is set"
        return DeliveryError(
            .missingCredential, network: .x, account: settings.account, message: message,
            fix: "set \(oauth1) (OAuth 1.0a user context, from the X developer portal's Keys and tokens) or \(bearer) (an OAuth 2.0 user token with tweet.write), and run again.")
    }

    /// The JSON body of one post.
    struct TweetBody: Encodable {
        /// `reply`: the post this one answers.
        struct Reply: Encodable {
            var in_reply_to_tweet_id: String
        }

        var text: String
        var reply: Reply?
        /// The images, on the first post of a thread only.
        var media: XMediaUpload.Media?
    }

    /// The part of the answer this client reads: `{"data": {"id": …}}`.
    struct Created: Decodable {
        struct Data: Decodable {
            var id: String
        }

        var data: Data
    }

    /// The request creating one post, authorised; `mediaIDs` (uploaded images) go in `media`.
    func request(text: String, replyTo: String?, mediaIDs: [String] = []) throws(DeliveryError) -> HTTPRequest {
        let body = TweetBody(
            text: text, reply: replyTo.map { TweetBody.Reply(in_reply_to_tweet_id: $0) },
            media: mediaIDs.isEmpty ? nil : XMediaUpload.Media(media_ids: mediaIDs))
        let request: HTTPRequest
        do {
            request = try HTTPRequest.json(url: apiBase.appendingPathComponent("2/tweets"), body: body)
        } catch {
            throw DeliveryError(.invalidPayload, network: network, account: account, message: "the post could not be encoded")
        }
        return authorized(request)
    }

    /// `request` with its `Authorization` header: an OAuth 1.0a signature (of the query and any
    /// form fields; multipart and JSON bodies are not signed) or the bearer token.
    func authorized(_ request: HTTPRequest) -> HTTPRequest {
        var request = request
        switch authentication {
        case .oauth1(let signer):
            request.headers["Authorization"] = signer.authorization(
                for: request, nonce: environment.nonce(), timestamp: environment.now())
        case .bearer(let token):
            request.headers["Authorization"] = "Bearer \(token)"
        }
        return request
    }

    /// Posts `payload` and returns where it landed.
    ///
    /// - Throws: ``DeliveryError``.
    package func deliver(_ payload: SharePayload, of post: Post) async throws(DeliveryError) -> Delivery {
        let texts = payload.parts?.map(\.text) ?? [payload.text]
        let (mediaIDs, warnings) = try await uploadImages(payload, of: post)
        var ids: [String] = []
        for text in texts {
            do throws(DeliveryError) {
                let response = try await exchange.send(
                    try request(text: text, replyTo: ids.last, mediaIDs: ids.isEmpty ? mediaIDs : []))
                guard response.isSuccess else { throw error(for: response) }
                ids.append(try exchange.decode(Created.self, from: response).data.id)
            } catch {
                // Part 1 is on X: a retry would meet "duplicate content" and stop there, so say
                // exactly what was posted and leave the rest to a person.
                if !ids.isEmpty { throw error.afterPostedParts(ids, of: texts.count) }
                // Nothing was posted (a duplicate text included): the images uploaded for it
                // are attached to no post.
                throw error.afterUploading(mediaIDs)
            }
        }
        guard let first = ids.first else {
            throw DeliveryError(.invalidPayload, network: network, account: account, message: "the payload has no text")
        }
        var delivery = try exchange.delivery(
            remoteID: first, url: URL(string: "https://x.com/i/web/status/\(first)"),
            partIDs: ids.count > 1 ? ids : [])
        delivery.mediaIDs = mediaIDs
        delivery.warnings = warnings
        return delivery
    }

    /// Uploads the payload's images (at most four) with their alt text and returns their media
    /// ids, and a warning for each image left out.
    ///
    /// - Throws: ``DeliveryError`` naming the image X refused, with the ids of the images
    ///   already uploaded (``DeliveryError/unattachedMediaIDs``).
    func uploadImages(_ payload: SharePayload, of post: Post) async throws(DeliveryError) -> (ids: [String], warnings: [String]) {
        guard !payload.images.isEmpty, let limits = XNetwork().imageLimits else { return ([], []) }
        let (images, warnings) = try await exchange.prepareImages(payload.images, limits: limits)
        var ids: [String] = []
        for image in images {
            do throws(DeliveryError) {
                ids.append(try await mediaID(of: image, post: post))
            } catch {
                var error = error
                let orphans = ids + error.unattachedMediaIDs
                error.unattachedMediaIDs = []
                throw error.afterUploading(orphans)
            }
        }
        return (ids, warnings)
    }

    /// The media id of `image`: the one uploaded by an earlier attempt at this post while X
    /// still keeps it, else a new upload (with its alt text), remembered for 90% of the
    /// `expires_after_secs` X answers.
    ///
    /// - Throws: ``DeliveryError``; when the alt text failed after the upload, the error's
    ///   ``DeliveryError/unattachedMediaIDs`` holds the uploaded id.
    package func mediaID(of image: PreparedImage, post: Post) async throws(DeliveryError) -> String {
        let key = MediaUploadKey(postID: post.id, network: network, account: account, image: image)
        let memory = environment.images.uploads
        if let known = await memory.mediaID(for: key, at: environment.now()) { return known }
        let response = try await exchange.send(authorized(XMediaUpload.uploadRequest(image, apiBase: apiBase)))
        guard response.isSuccess else { throw imageError(for: response, image: image) }
        let uploaded = try exchange.decode(XMediaUpload.Uploaded.self, from: response).data
        guard XMediaUpload.isMediaID(uploaded.id) else {
            throw exchange.unexpected(response, "an upload answer whose media id is not digits")
        }
        if !image.alt.isEmpty {
            do throws(DeliveryError) {
                let request: HTTPRequest
                do {
                    request = try XMediaUpload.metadataRequest(id: uploaded.id, alt: image.alt, apiBase: apiBase)
                } catch {
                    throw DeliveryError(.invalidPayload, network: network, account: account, message: "the alt text could not be encoded")
                }
                let answer = try await exchange.send(authorized(request))
                guard answer.isSuccess else { throw imageError(for: answer, image: image) }
            } catch {
                var error = error
                error.unattachedMediaIDs = [uploaded.id]
                throw error
            }
        }
        let lifetime = Double(uploaded.expires_after_secs ?? XMediaUpload.defaultLifetime) * 0.9
        await memory.remember(uploaded.id, for: key, until: environment.now().addingTimeInterval(lifetime))
        return uploaded.id
    }

    /// X's refusal of an image (upload or alt text) as a ``DeliveryError`` that names it.
    func imageError(for response: HTTPResponse, image: PreparedImage) -> DeliveryError {
        var error = error(for: response)
        // An invalid-request problem's `detail` is generic; its `errors[].message` says what was wrong.
        let errors = NetworkExchange.jsonObject(response)?["errors"] as? [[String: Any]] ?? []
        if let said = errors.compactMap({ $0["message"] as? String }).first {
            error.networkMessage = exchange.redactor.redact(said)
        }
        let name = image.source.lastPathComponent
        error.message = "X refused the image \(name) (\(image.format.mimeType), \(image.data.count) bytes): \(error.message)"
        if error.category == .invalidPayload {
            error.fix = "use a JPEG, PNG, GIF or WebP image of at most 5 MB for \(name), with alt text of at most 1,000 characters, and run again."
        }
        return error
    }

    /// X's error body (`{"title","detail"}` or legacy `{"errors":[{"code","message"}]}`) read
    /// into a ``DeliveryError``; a duplicate (403 "duplicate content", code 187) is
    /// ``DeliveryError/Category/duplicate``.
    func error(for response: HTTPResponse) -> DeliveryError {
        let object = NetworkExchange.jsonObject(response)
        let errors = object?["errors"] as? [[String: Any]] ?? []
        let said =
            object?["detail"] as? String ?? object?["title"] as? String ?? errors.compactMap { $0["message"] as? String }.first
        let codes = errors.compactMap { ($0["code"] as? NSNumber)?.intValue }
        let isDuplicate =
            codes.contains(187)
            || (response.status == 403 && said?.range(of: "duplicate", options: .caseInsensitive) != nil)
        if isDuplicate {
            return DeliveryError(
                .duplicate, network: network, account: account, message: "X already has a post with this text",
                status: response.status, networkMessage: said.map(exchange.redactor.redact))
        }
        var error = exchange.error(for: response, networkMessage: said)
        switch error.category {
        case .unauthorized:
            let credentials =
                switch authentication {
                case .oauth1: "\(settings.location(of: "ACCESS_TOKEN")) and \(settings.location(of: "ACCESS_TOKEN_SECRET"))"
                case .bearer: "\(settings.location(of: "BEARER_TOKEN")) (it expires after two hours unless issued with offline.access)"
                }
            error.fix = "renew the X credentials of account '\(account)': \(credentials), and run again."
        case .forbidden:
            error.fix =
                "give the X app \"Read and write\" permission, then regenerate the access token and secret of account '\(account)' (tokens keep the permission they were made with)."
        default:
            break
        }
        return error
    }
}
