import Foundation

/// Posts to a LinkedIn member or organization feed through the Posts API (`POST /rest/posts`).
///
/// Settings (`SYNDICATE_LINKEDIN_…`):
/// - `ACCESS_TOKEN`: a 3-legged OAuth 2.0 token with `w_member_social` (a member) or
///   `w_organization_social` (a Page you administer); tokens last about 60 days.
/// - `AUTHOR`: `urn:li:person:{id}` (the `sub` of `GET /v2/userinfo`) or
///   `urn:li:organization:{id}`.
/// - `API_BASE`: optional, default `https://api.linkedin.com` (`…/rest` is accepted too).
/// - `API_VERSION`: optional, the `LinkedIn-Version` header (`YYYYMM`), default `202601`.
///
/// The `commentary` is the payload's ``SharePayload/commentary``, which the composer has
/// already escaped as little text; it is sent as is. The payload's images are uploaded through
/// the Images API (`initializeUpload`, then a `PUT` of the bytes) and attached with their alt
/// text, one as `content.media`, several as `content.multiImage`; without images the article
/// card is sent as `content.article` with source, title and description. LinkedIn refuses a
/// repeat (422 `DUPLICATE_POST`), which counts as already posted.
package struct LinkedInClient: NetworkClient {
    /// The `LinkedIn-Version` used unless `API_VERSION` says otherwise.
    package static let defaultAPIVersion = "202601"
    /// The URN prefixes an author may have.
    package static let authorPrefixes = ["urn:li:person:", "urn:li:organization:"]

    /// ``SocialNetwork/linkedin``.
    package let network = SocialNetwork.linkedin
    /// The account's name, as errors and results name it.
    package let account: String
    /// ``DuplicateProtection/rejectsDuplicates``: LinkedIn refuses a repeated post.
    package let duplicateProtection = DuplicateProtection.rejectsDuplicates
    /// Every credential the client holds (the values of its secret settings), for redaction.
    package let secrets: [String]

    /// The API's base URL.
    package let apiBase: URL
    /// The `LinkedIn-Version` header's value.
    package let apiVersion: String
    /// The author URN posted as.
    package let author: String
    private let accessToken: String
    let exchange: NetworkExchange

    /// `base` without a trailing `/rest`: the setting may name the versioned API's root
    /// (`https://api.linkedin.com/rest/`, as LinkedIn's documentation writes it) or the host.
    static func origin(of base: URL) -> URL {
        base.lastPathComponent.lowercased() == "rest" ? base.deletingLastPathComponent() : base
    }

    /// Creates a client from an account's settings.
    ///
    /// - Throws: ``DeliveryError`` `.missingCredential` naming the missing variable
    ///   (`ACCESS_TOKEN`, `AUTHOR`), or `.invalidConfiguration` for an author that is not a person
    ///   or organization URN, an unusable `API_BASE` or an `API_VERSION` that is not `YYYYMM`.
    package init(settings: AccountSettings, environment: DeliveryEnvironment) throws(DeliveryError) {
        account = settings.account
        apiBase = Self.origin(of: try settings.url("API_BASE", default: "https://api.linkedin.com"))
        author = try settings.require("AUTHOR")
        guard let prefix = Self.authorPrefixes.first(where: author.hasPrefix), author.count > prefix.count,
            !author.contains(where: \.isWhitespace)
        else {
            throw DeliveryError(
                .invalidConfiguration, network: .linkedin, account: account,
                message: "the author '\(author)' is not a person or organization URN",
                fix: "set \(settings.location(of: "AUTHOR")) to urn:li:person:{id} (the sub of GET /v2/userinfo) or urn:li:organization:{id}.")
        }
        apiVersion = settings.value("API_VERSION") ?? Self.defaultAPIVersion
        guard apiVersion.count == 6, apiVersion.allSatisfy(\.isASCII), apiVersion.allSatisfy(\.isNumber) else {
            throw DeliveryError(
                .invalidConfiguration, network: .linkedin, account: account,
                message: "the LinkedIn-Version '\(apiVersion)' is not YYYYMM",
                fix: "set \(settings.location(of: "API_VERSION")) to a version such as \(Self.defaultAPIVersion), or leave it unset.")
        }
        accessToken = try settings.require("ACCESS_TOKEN")
        secrets = settings.secrets
        exchange = NetworkExchange(network: .linkedin, account: account, environment: environment, secrets: secrets)
    }

    /// The JSON body of a post, as the Posts API takes it.
    struct PostBody: Encodable {
        struct Distribution: Encodable {
            var feedDistribution = "MAIN_FEED"
            var targetEntities: [String] = []
            var thirdPartyDistributionChannels: [String] = []
        }

        /// `content`: the article card, one image (`media`) or 2–20 (`multiImage`).
        struct Content: Encodable {
            struct Article: Encodable {
                var source: String
                var title: String
                var description: String
            }

            /// An uploaded image: its `urn:li:image:` URN and alt text.
            struct Image: Encodable {
                var id: String
                var altText: String?
            }

            /// `multiImage`: the images in order.
            struct MultiImage: Encodable {
                var images: [Image]
            }

            var article: Article?
            var media: Image?
            var multiImage: MultiImage?
        }

        var author: String
        var commentary: String
        var visibility = "PUBLIC"
        var distribution = Distribution()
        var lifecycleState = "PUBLISHED"
        var isReshareDisabledByAuthor = false
        var content: Content?
    }

    /// The headers every Rest.li call carries: the token, `LinkedIn-Version` and
    /// `X-Restli-Protocol-Version: 2.0.0`.
    var restHeaders: HTTPHeaders {
        ["Authorization": "Bearer \(accessToken)", "LinkedIn-Version": apiVersion, "X-Restli-Protocol-Version": "2.0.0"]
    }

    /// The request creating the post, with `images` (uploaded image URNs and alt texts) as its
    /// content when there are any, else the article card.
    ///
    /// One image is `content.media {id, altText}`, two or more `content.multiImage {images:
    /// [{id, altText}]}` (learn.microsoft.com/linkedin/marketing/community-management/shares/
    /// posts-api and multiimage-post-api); images win over the article card.
    func request(for payload: SharePayload, images: [PostBody.Content.Image] = []) throws(DeliveryError) -> HTTPRequest {
        guard let commentary = payload.commentary else {
            throw DeliveryError(
                .invalidPayload, network: network, account: account,
                message: "the payload has no LinkedIn commentary (it was not composed for LinkedIn)",
                fix: "compose the payload with Composer().payload(for: post, on: .linkedin).")
        }
        let content: PostBody.Content?
        switch images.count {
        case 0:
            content = payload.article.map {
                PostBody.Content(article: .init(source: $0.source.absoluteString, title: $0.title, description: $0.description))
            }
        case 1: content = PostBody.Content(media: images[0])
        default: content = PostBody.Content(multiImage: .init(images: images))
        }
        let body = PostBody(author: author, commentary: commentary, content: content)
        do {
            return try HTTPRequest.json(url: apiBase.appendingPathComponent("rest/posts"), headers: restHeaders, body: body)
        } catch {
            throw DeliveryError(.invalidPayload, network: network, account: account, message: "the post could not be encoded")
        }
    }

    /// Posts `payload` and returns where it landed.
    ///
    /// - Throws: ``DeliveryError``.
    package func deliver(_ payload: SharePayload, of post: Post) async throws(DeliveryError) -> Delivery {
        let (images, warnings) = try await uploadImages(payload, of: post)
        let ids = images.map(\.id)
        let post = try request(for: payload, images: images)
        let response: HTTPResponse
        do {
            response = try await exchange.send(post)
        } catch {
            throw error.afterUploading(ids)
        }
        guard response.isSuccess else {
            // A duplicate already carries its images; any other refusal leaves them unattached.
            let refusal = error(for: response)
            throw refusal.category == .duplicate ? refusal : refusal.afterUploading(ids)
        }
        guard let urn = response.headers["x-restli-id"]?.trimmingCharacters(in: .whitespaces), !urn.isEmpty else {
            throw exchange.unexpected(response, "a success without the post's URN (no x-restli-id header)")
        }
        var delivery = try exchange.delivery(
            remoteID: urn, url: URL(string: "https://www.linkedin.com/feed/update/\(urn)"))
        delivery.mediaIDs = ids
        delivery.warnings = warnings
        return delivery
    }

    /// The post URN a duplicate answer names ("Content is a duplicate of urn:li:share:7295…").
    static func duplicateURN(in message: String) -> String? {
        guard let start = message.range(of: "urn:li:") else { return nil }
        let urn = message[start.lowerBound...].prefix { $0.isLetter || $0.isNumber || $0 == ":" || $0 == "_" }
        let parts = urn.split(separator: ":")
        guard parts.count == 4, parts[3].allSatisfy(\.isNumber) else { return nil }
        return String(urn)
    }

    /// LinkedIn's `{"status","message","errorDetails"}` read into a ``DeliveryError``; a 422
    /// naming `DUPLICATE_POST` or a duplicate is ``DeliveryError/Category/duplicate``.
    func error(for response: HTTPResponse) -> DeliveryError {
        let said = NetworkExchange.jsonObject(response)?["message"] as? String
        if response.status == 422,
            response.text.contains("DUPLICATE_POST") || response.text.range(of: "duplicate", options: .caseInsensitive) != nil
        {
            var duplicate = DeliveryError(
                .duplicate, network: network, account: account, message: "LinkedIn already has this post",
                status: response.status, networkMessage: said.map(exchange.redactor.redact))
            if let urn = said.flatMap(Self.duplicateURN) {
                duplicate.existing = try? exchange.delivery(
                    remoteID: urn, url: URL(string: "https://www.linkedin.com/feed/update/\(urn)"))
            }
            return duplicate
        }
        var error = exchange.error(for: response, networkMessage: said)
        if error.category == .unauthorized {
            error.message = "the access token was refused (LinkedIn tokens expire after about 60 days)"
        } else if error.category == .forbidden {
            error.fix =
                "give the LinkedIn app the w_member_social scope (or w_organization_social with an admin or content-admin role on the Page) for account '\(account)', and renew the token."
        }
        return error
    }
}
