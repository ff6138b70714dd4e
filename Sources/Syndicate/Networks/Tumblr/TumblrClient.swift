import Foundation

/// Posts to a Tumblr blog in NPF (`POST /v2/blog/{blog-identifier}/posts`, api.md
/// "Create/Reblog a Post (Neue Post Format)").
///
/// Settings (`SYNDICATE_TUMBLR_…`):
/// - `BLOG`: the blog's name (`staff` for staff.tumblr.com), hostname or UUID (`t:…`); not secret.
/// - `CONSUMER_KEY`, `CONSUMER_SECRET`: the app's OAuth consumer key and secret
///   (https://www.tumblr.com/oauth/apps).
/// - `ACCESS_TOKEN`, `ACCESS_TOKEN_SECRET`: the account's OAuth 1.0a access token and secret.
/// - `API_BASE`: optional, default `https://api.tumblr.com`.
///
/// The request is JSON (`Content-Type: application/json`: "The NPF endpoints are some of the few
/// of ours that require JSON", Tumblr staff in tumblr/docs#6) with a fixed `User-Agent` (api.md
/// "Request User Agent": it "is required and every application is expected to use a consistent
/// value across requests"). It is signed with OAuth 1.0a HMAC-SHA1 in the `Authorization` header
/// (api.md: "accepting parameters via the `Authorization` header, with the `HMAC-SHA1` signature
/// method only"); the JSON body is not part of the signature base string, as tumblr.js signs
/// only the method and URL and RFC 5849 §3.4.1.3.1 signs only form bodies.
///
/// Images go first, one NPF `image` block each (`media: [{"url", "width", "height"}]` and
/// `alt_text`), by their public URL: npf-spec.md "Media Objects" makes `url` the one required
/// field of a media object. (api.md "User Uploaded Media" also takes files as multipart parts
/// named by an `identifier`; that is not used, so a local image is left out with a warning in
/// ``Delivery/warnings``. That Tumblr copies an external `url` on creation rather than only
/// linking it is not stated in the docs: UNVERIFIED.)
///
/// ``duplicateProtection`` is ``DuplicateProtection/none``: no idempotency key or duplicate
/// refusal is documented (none found; UNVERIFIED), so a repeat would post twice, and a failure
/// that may have reached Tumblr is never retried blindly.
package struct TumblrClient: NetworkClient {
    /// The `User-Agent` sent with every request: one value, never varied (api.md: an application
    /// "may be suspended if it uses a variety of values for the `User-Agent` header").
    package static let userAgent = "Syndicate (+https://github.com/syndicate-swift/syndicate)"
    /// Tumblr's error code for "the blog's daily posting limit has been reached" (403.8023).
    static let dailyPostingLimitCode = 8023

    /// ``SocialNetwork/tumblr``.
    package let network = SocialNetwork.tumblr
    /// The account's name, as errors and results name it.
    package let account: String
    /// ``DuplicateProtection/none``: Tumblr neither refuses a repeat nor takes a key.
    package let duplicateProtection = DuplicateProtection.none
    /// Every credential the client holds (the values of its secret settings), for redaction.
    package let secrets: [String]

    /// The API's base URL (`https://api.tumblr.com` unless `API_BASE` says otherwise).
    package let apiBase: URL
    /// The blog posted to, as its identifier (name, hostname or UUID).
    package let blog: String
    let signer: OAuth1Signer
    private let settings: AccountSettings
    let environment: DeliveryEnvironment
    let exchange: NetworkExchange

    /// Creates a client from an account's settings.
    ///
    /// - Throws: ``DeliveryError`` `.missingCredential` naming every missing variable, or
    ///   `.invalidConfiguration` for an unusable `API_BASE` or `BLOG`.
    package init(settings: AccountSettings, environment: DeliveryEnvironment) throws(DeliveryError) {
        account = settings.account
        apiBase = try settings.url("API_BASE", default: "https://api.tumblr.com")
        let missing = (["BLOG"] + OAuth1Signer.Credentials.settingNames).filter { settings.value($0) == nil }
        guard missing.isEmpty, let credentials = OAuth1Signer.Credentials(settings: settings) else {
            throw DeliveryError(
                .missingCredential, network: .tumblr, account: account,
                message: "the setting\(missing.count == 1 ? "" : "s") \(missing.joined(separator: ", ")) \(missing.count == 1 ? "is" : "are") missing",
                fix: "set \(missing.map(settings.location(of:)).joined(separator: ", ")) (the blog, and the OAuth 1.0a consumer key and secret from https://www.tumblr.com/oauth/apps with the account's access token and secret), and run again.")
        }
        guard let blog = TumblrParts.blogIdentifier(settings.value("BLOG") ?? "") else {
            throw DeliveryError(
                .invalidConfiguration, network: .tumblr, account: account,
                message: "\(settings.location(of: "BLOG")) is not a Tumblr blog name, hostname or UUID",
                fix: "set \(settings.location(of: "BLOG")) to the blog's name (staff for staff.tumblr.com), its hostname or its UUID (t:…).")
        }
        self.blog = blog
        signer = OAuth1Signer(credentials: credentials)
        // BLOG and API_BASE are addresses: a redacted blog name would hide every post's URL.
        secrets = settings.secrets(besides: TumblrNetwork.ownPublicSettings)
        self.settings = settings
        self.environment = environment
        exchange = NetworkExchange(network: .tumblr, account: account, environment: environment, secrets: secrets)
    }

    /// The part of the `201 Created` answer this client reads: `{"response": {"id": "…"}}`
    /// (api.md: the id "is intentionally a string instead of an integer").
    struct Created: Decodable {
        struct Response: Decodable {
            var id: String
        }

        var response: Response
    }

    /// `{API_BASE}/v2/blog/{blog}/posts`.
    var endpoint: URL {
        apiBase.appendingPathComponent("v2").appendingPathComponent("blog").appendingPathComponent(blog)
            .appendingPathComponent("posts")
    }

    /// The request creating the post, signed.
    ///
    /// - Throws: `.invalidPayload` when there is nothing to post or a paragraph is longer than a
    ///   text block may be; nothing is sent then.
    func request(for payload: SharePayload, images: [(url: URL, alt: String)] = []) throws(DeliveryError) -> HTTPRequest {
        try request(for: payload, images: images, method: .post, url: endpoint)
    }

    /// The signed JSON request sending `payload` as NPF to `url` with `method`: a new post, or
    /// (`PUT /posts/{id}`) the edit of one.
    func request(
        for payload: SharePayload, images: [(url: URL, alt: String)], method: HTTPRequest.Method, url: URL
    ) throws(DeliveryError) -> HTTPRequest {
        let body = TumblrParts.body(for: payload, images: images)
        guard !body.content.isEmpty else {
            throw DeliveryError(.invalidPayload, network: network, account: account, message: "the payload has no text and no link")
        }
        if let long = body.content.first(where: { ($0.text?.unicodeScalars.count ?? 0) > TumblrParts.textBlockLimit }) {
            throw DeliveryError(
                .invalidPayload, network: network, account: account,
                message: "a paragraph of \(long.text?.unicodeScalars.count ?? 0) code points is longer than a Tumblr text block may be (\(TumblrParts.textBlockLimit))",
                mayHaveReachedNetwork: false)
        }
        var request: HTTPRequest
        do {
            request = try HTTPRequest.json(method, url: url, headers: ["User-Agent": Self.userAgent], body: body)
        } catch {
            throw DeliveryError(.invalidPayload, network: network, account: account, message: "the post could not be encoded")
        }
        // A JSON body is never signed (OAuth1Signer signs form bodies only).
        request.headers["Authorization"] = signer.authorization(for: request, nonce: environment.nonce(), timestamp: environment.now())
        return request
    }

    /// Posts `payload` and returns where it landed.
    ///
    /// - Throws: ``DeliveryError``.
    package func deliver(_ payload: SharePayload, of post: Post) async throws(DeliveryError) -> Delivery {
        let (images, warnings) = exchange.publicImages(payload.images, limits: TumblrNetwork.images)
        let response = try await exchange.send(try request(for: payload, images: images))
        guard response.isSuccess else { throw error(for: response) }
        let id: String
        do {
            id = try exchange.decode(Created.self, from: response).response.id
        } catch {
            // A success answer: the post is most likely on the blog.
            var error = error
            error.mayHaveReachedNetwork = true
            throw error
        }
        var delivery = try exchange.delivery(remoteID: id, url: TumblrParts.postURL(blog: blog, id: id))
        delivery.warnings = warnings
        return delivery
    }

    /// Tumblr's error body (`{"meta":{…},"response":[],"errors":[{"title","code","detail"?}]}`,
    /// api.md "Errors and Error Subcodes") read into a ``DeliveryError``:
    /// - 403 with code 8023 ("the blog's daily posting limit has been reached", 250 posts a day)
    ///   is ``DeliveryError/Category/rateLimited``, to be tried again tomorrow: the docs say only
    ///   that daily limits are "per calendar day" on Tumblr's clock (its time zone is
    ///   UNVERIFIED), so `retryAfter` is 24 hours on, when a new day has surely begun;
    /// - 404 means the blog does not exist (the request is always HTTPS unless `API_BASE` says
    ///   otherwise): `.invalidConfiguration` naming `BLOG`;
    /// - the rest by status (401 unauthorized, 429 rate limited, 5xx server error, other 4xx an
    ///   invalid payload).
    func error(for response: HTTPResponse) -> DeliveryError {
        let object = NetworkExchange.jsonObject(response)
        let errors = object?["errors"] as? [[String: Any]] ?? []
        let codes = errors.compactMap { ($0["code"] as? NSNumber)?.intValue }
        let said = Self.message(errors.first) ?? (object?["meta"] as? [String: Any])?["msg"] as? String
        if response.status == 403, codes.contains(Self.dailyPostingLimitCode) {
            return DeliveryError(
                .rateLimited, network: network, account: account,
                message: "the blog has reached Tumblr's daily posting limit", status: response.status,
                networkMessage: said.map(exchange.redactor.redact), retryAfter: environment.now().addingTimeInterval(24 * 3600),
                mayHaveReachedNetwork: false,
                fix: "post again tomorrow: Tumblr allows 250 new posts a day per user, counted per calendar day.")
        }
        if response.status == 404 {
            return DeliveryError(
                .invalidConfiguration, network: network, account: account, message: "Tumblr has no blog named by \(settings.location(of: "BLOG"))",
                status: response.status, networkMessage: said.map(exchange.redactor.redact), mayHaveReachedNetwork: false,
                fix: "set \(settings.location(of: "BLOG")) to a blog of the account: its name (staff for staff.tumblr.com), hostname or UUID (t:…).")
        }
        var error = exchange.error(for: response, networkMessage: said)
        switch error.category {
        case .unauthorized:
            error.fix =
                "renew the Tumblr credentials of account '\(account)': \(settings.location(of: "ACCESS_TOKEN")) and \(settings.location(of: "ACCESS_TOKEN_SECRET")), and check \(settings.location(of: "CONSUMER_KEY")) and \(settings.location(of: "CONSUMER_SECRET")) against https://www.tumblr.com/oauth/apps; then run again."
        case .forbidden:
            error.fix =
                "check that account '\(account)' may post to the blog in \(settings.location(of: "BLOG")) (its own blog, or a group blog it belongs to) and that the blog's queue is not full (see the network's message)."
        default:
            break
        }
        return error
    }

    /// An error object's words: its `detail` when it has one, else its `title`, with its code.
    static func message(_ error: [String: Any]?) -> String? {
        guard let error else { return nil }
        let detail = (error["detail"] as? String).flatMap { $0.isEmpty ? nil : $0 }
        guard let text = detail ?? error["title"] as? String else { return nil }
        guard let code = (error["code"] as? NSNumber)?.intValue, code != 0 else { return text }
        return "\(text) (code \(code))"
    }
}
