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
    private let exchange: NetworkExchange

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

    /// The form request creating the Page post.
    func request(for payload: SharePayload) -> HTTPRequest {
        var fields: [(name: String, value: String)] = [("message", payload.message ?? payload.text)]
        if let link = payload.link { fields.append(("link", link.absoluteString)) }
        fields.append(("access_token", pageToken))
        if let appSecretProof { fields.append(("appsecret_proof", appSecretProof)) }
        let url = apiBase.appendingPathComponent(apiVersion).appendingPathComponent(pageID).appendingPathComponent("feed")
        return HTTPRequest.form(url: url, fields: fields)
    }

    /// Posts `payload` and returns where it landed.
    ///
    /// - Throws: ``DeliveryError``.
    package func deliver(_ payload: SharePayload, of post: Post) async throws(DeliveryError) -> Delivery {
        let response = try await exchange.send(request(for: payload))
        guard response.isSuccess else { throw GraphAPIError.deliveryError(for: response, exchange: exchange) }
        let created = try exchange.decode(Created.self, from: response)
        return try exchange.delivery(
            remoteID: created.id, url: URL(string: "https://www.facebook.com/\(created.id)"))
    }
}
