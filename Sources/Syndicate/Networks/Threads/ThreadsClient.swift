import Foundation
import Logging

/// Posts to a Threads profile in Meta's two steps: create a text container
/// (`POST /v1.0/{user-id}/threads`), wait until its status is `FINISHED`
/// (`GET /v1.0/{container-id}?fields=status,error_message`, as Meta asks before publishing),
/// publish it (`POST /v1.0/{user-id}/threads_publish`), then look up its permalink
/// (`GET /v1.0/{media-id}?fields=permalink`).
///
/// Settings (`SYNDICATE_THREADS_…`):
/// - `USER_ID`: the Threads user id.
/// - `ACCESS_TOKEN`: a Threads token with `threads_basic` and `threads_content_publish`
///   (and `threads_delete` to retract).
/// - `API_BASE`: optional, default `https://graph.threads.net`.
///
/// The container carries `text`, the payload's ``SharePayload/linkAttachment`` and its one
/// ``SharePayload/topicTag``. The permalink lookup is best effort: when it fails the delivery
/// still succeeds, without a URL.
///
/// Images (Threads fetches each from its public URL: a local file is left out with a warning
/// in ``Delivery/warnings``), as developers.facebook.com/documentation/threads/posts describes:
/// - one: an `IMAGE` container with `image_url`, `alt_text` and the `text`;
/// - two to twenty: one `IMAGE` item container per image (`image_url`, `alt_text`,
///   `is_carousel_item=true`), then a `CAROUSEL` container whose `children` lists the items'
///   ids, comma-separated, with the `text`. The items' ids are the ``Delivery/mediaIDs``.
///
/// `link_attachment` is for text posts only, so a post with images leaves it out (the link
/// stays in the text). Every container is checked before it is published, as Meta's
/// troubleshooting guide asks (`GET /{container-id}?fields=status,error_message`, once a while
/// for about five minutes): an `ERROR` there names the images, whose download is the usual cause.
///
/// ``duplicateProtection`` is ``DuplicateProtection/none``: Threads has no idempotency key and
/// does not refuse a repeated text, so publishing twice makes two posts. A failure that may
/// have reached Threads is therefore never retried blindly.
package struct ThreadsClient: NetworkClient {
    /// The Graph API version of Threads.
    package static let apiVersion = "v1.0"

    /// ``SocialNetwork/threads``.
    package let network = SocialNetwork.threads
    /// The account's name, as errors and results name it.
    package let account: String
    /// ``DuplicateProtection/none``: Threads neither refuses a repeat nor takes a key, so publishing twice makes two posts.
    package let duplicateProtection = DuplicateProtection.none
    /// Every credential the client holds (the values of its secret settings), for redaction.
    package let secrets: [String]

    /// The API's base URL.
    package let apiBase: URL
    /// The Threads user posted as.
    package let userID: String
    let accessToken: String
    private let environment: DeliveryEnvironment
    let exchange: NetworkExchange

    /// Creates a client from an account's settings.
    ///
    /// - Throws: ``DeliveryError`` `.missingCredential` naming the missing variable (`USER_ID`,
    ///   `ACCESS_TOKEN`), or `.invalidConfiguration` for an unusable `API_BASE` or `USER_ID`.
    package init(settings: AccountSettings, environment: DeliveryEnvironment) throws(DeliveryError) {
        account = settings.account
        apiBase = try settings.url("API_BASE", default: "https://graph.threads.net")
        userID = try settings.require("USER_ID")
        guard userID.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
            throw DeliveryError(
                .invalidConfiguration, network: .threads, account: account,
                message: "the user id '\(userID)' is not a Threads user id",
                fix: "set \(settings.location(of: "USER_ID")) to the numeric id that GET /v1.0/me returns.")
        }
        accessToken = try settings.require("ACCESS_TOKEN")
        secrets = settings.secrets
        self.environment = environment
        exchange = NetworkExchange(network: .threads, account: account, environment: environment, secrets: secrets)
    }

    /// The `{"id": …}` both steps answer with.
    struct Created: Decodable {
        var id: String
    }

    /// The container status lookup's answer: `IN_PROGRESS`, `FINISHED`, `PUBLISHED`, `ERROR`
    /// (with `error_message`) or `EXPIRED`.
    struct ContainerStatus: Decodable {
        var status: String?
        var error_message: String?
    }

    /// The waits between status checks of a container still `IN_PROGRESS`: about five minutes
    /// in all, as Meta's troubleshooting guide suggests, sooner at first (text is ready at once).
    static let statusWaits: [Duration] = [.seconds(1), .seconds(3), .seconds(10), .seconds(30), .seconds(60), .seconds(60), .seconds(60), .seconds(60)]

    /// The permalink lookup's answer.
    struct Permalink: Decodable {
        var permalink: URL?
    }

    /// `{API_BASE}/v1.0/{path…}`.
    func endpoint(_ path: String...) -> URL {
        path.reduce(apiBase.appendingPathComponent(Self.apiVersion)) { $0.appendingPathComponent($1) }
    }

    /// Step 1: the request creating a text container.
    func containerRequest(for payload: SharePayload) -> HTTPRequest {
        var fields: [(name: String, value: String)] = [("media_type", "TEXT"), ("text", payload.text)]
        if let link = payload.linkAttachment { fields.append(("link_attachment", link.absoluteString)) }
        if let tag = payload.topicTag { fields.append(("topic_tag", tag)) }
        fields.append(("access_token", accessToken))
        return HTTPRequest.form(url: endpoint(userID, "threads"), fields: fields)
    }

    /// Step 1 for one image: an `IMAGE` container with the image, its alt text and the text
    /// (and topic tag); no `link_attachment`, which Threads takes on text posts only.
    func imageContainerRequest(for payload: SharePayload, image: (url: URL, alt: String)) -> HTTPRequest {
        var fields: [(name: String, value: String)] = [("media_type", "IMAGE"), ("image_url", image.url.absoluteString)]
        if !image.alt.isEmpty { fields.append(("alt_text", image.alt)) }
        fields.append(("text", payload.text))
        if let tag = payload.topicTag { fields.append(("topic_tag", tag)) }
        fields.append(("access_token", accessToken))
        return HTTPRequest.form(url: endpoint(userID, "threads"), fields: fields)
    }

    /// Step 1a for several images: the item container of one carousel image.
    func carouselItemRequest(image: (url: URL, alt: String)) -> HTTPRequest {
        var fields: [(name: String, value: String)] = [("media_type", "IMAGE"), ("image_url", image.url.absoluteString)]
        if !image.alt.isEmpty { fields.append(("alt_text", image.alt)) }
        fields.append(("is_carousel_item", "true"))
        fields.append(("access_token", accessToken))
        return HTTPRequest.form(url: endpoint(userID, "threads"), fields: fields)
    }

    /// Step 1b for several images: the `CAROUSEL` container of the items `childIDs`, with the text.
    func carouselRequest(for payload: SharePayload, childIDs: [String]) -> HTTPRequest {
        var fields: [(name: String, value: String)] = [("media_type", "CAROUSEL"), ("children", childIDs.joined(separator: ","))]
        fields.append(("text", payload.text))
        if let tag = payload.topicTag { fields.append(("topic_tag", tag)) }
        fields.append(("access_token", accessToken))
        return HTTPRequest.form(url: endpoint(userID, "threads"), fields: fields)
    }

    /// Step 2: the request publishing container `creationID`.
    func publishRequest(creationID: String) -> HTTPRequest {
        HTTPRequest.form(
            url: endpoint(userID, "threads_publish"), fields: [("creation_id", creationID), ("access_token", accessToken)])
    }

    /// Step 3: the request asking for the permalink of `mediaID`.
    func permalinkRequest(mediaID: String) -> HTTPRequest? {
        objectRequest(mediaID, fields: "permalink")
    }

    /// Between steps 1 and 2: the request asking for container `creationID`'s status.
    func statusRequest(creationID: String) -> HTTPRequest? {
        objectRequest(creationID, fields: "status,error_message")
    }

    /// `GET /v1.0/{id}?fields=…&access_token=…`.
    private func objectRequest(_ id: String, fields: String) -> HTTPRequest? {
        guard var components = URLComponents(url: endpoint(id), resolvingAgainstBaseURL: false) else { return nil }
        components.percentEncodedQuery = PercentEncoding.query([("fields", fields), ("access_token", accessToken)])
        guard let url = components.url else { return nil }
        return HTTPRequest(method: .get, url: url, headers: ["Accept": "application/json"])
    }

    /// Returns once container `creationID` is ready to publish; throws when Threads reports it
    /// failed or expired, or when it is still processing after ``statusWaits``. Nothing has been
    /// published then, so such an error never leaves a post behind.
    func waitUntilReady(_ creationID: String, images: [(url: URL, alt: String)] = []) async throws(DeliveryError) {
        guard let request = statusRequest(creationID: creationID) else { return }
        for wait in Self.statusWaits + [nil] {
            let response = try await exchange.send(request)
            guard response.isSuccess else { throw GraphAPIError.deliveryError(for: response, exchange: exchange) }
            let answer = try exchange.decode(ContainerStatus.self, from: response)
            switch answer.status?.uppercased() {
            case "IN_PROGRESS":
                guard let wait else { break }
                do {
                    try await environment.sleep(wait)
                } catch {
                    throw DeliveryError(.transport, network: network, account: account, message: "cancelled while Threads processed the post", mayHaveReachedNetwork: false)
                }
                continue
            case "ERROR":
                let reason = answer.error_message.map { " (\($0))" } ?? ""
                guard !images.isEmpty else {
                    throw DeliveryError(
                        .invalidPayload, network: network, account: account,
                        message: "Threads could not process the post\(reason); nothing was published", mayHaveReachedNetwork: false)
                }
                let addresses = images.map { ImageError.name(of: $0.url) }.joined(separator: ", ")
                throw DeliveryError(
                    .invalidPayload, network: network, account: account,
                    message: "Threads could not process the post with its images \(addresses)\(reason); nothing was published",
                    mayHaveReachedNetwork: false,
                    fix: "check that each image address opens publicly (no login, no redirect to a page) and is a JPEG or PNG of at most 8 MB, then post again.")
            case "EXPIRED":
                throw DeliveryError(
                    .unexpectedResponse, network: network, account: account,
                    message: "the Threads container expired before it was published; nothing was published", mayHaveReachedNetwork: false,
                    fix: "post again: a new container is made each time.")
            default:
                return   // FINISHED (or a status this client does not know: publishing says the rest)
            }
            break
        }
        throw DeliveryError(
            .timeout, network: network, account: account,
            message: "Threads was still processing the post after about five minutes; nothing was published",
            mayHaveReachedNetwork: false, fix: "post again later.")
    }

    /// Posts `payload` and returns where it landed.
    ///
    /// - Throws: ``DeliveryError``.
    package func deliver(_ payload: SharePayload, of post: Post) async throws(DeliveryError) -> Delivery {
        let (images, warnings) = exchange.publicImages(payload.images, limits: ThreadsNetwork.images)
        var itemIDs: [String] = []
        let creationID: String
        switch images.count {
        case 0:
            creationID = try await createContainer(containerRequest(for: payload))
        case 1:
            creationID = try await createContainer(imageContainerRequest(for: payload, image: images[0]))
        default:
            for image in images { itemIDs.append(try await createContainer(carouselItemRequest(image: image))) }
            creationID = try await createContainer(carouselRequest(for: payload, childIDs: itemIDs))
        }
        try await waitUntilReady(creationID, images: images)

        let published = try await exchange.send(publishRequest(creationID: creationID))
        guard published.isSuccess else { throw GraphAPIError.deliveryError(for: published, exchange: exchange) }
        let mediaID = try exchange.decode(Created.self, from: published).id

        var delivery = try exchange.delivery(remoteID: mediaID, url: await permalink(of: mediaID))
        delivery.mediaIDs = itemIDs
        delivery.warnings = warnings
        return delivery
    }

    /// Sends a container request and returns the container's id.
    private func createContainer(_ request: HTTPRequest) async throws(DeliveryError) -> String {
        let response = try await exchange.send(request)
        guard response.isSuccess else { throw GraphAPIError.deliveryError(for: response, exchange: exchange) }
        return try exchange.decode(Created.self, from: response).id
    }

    /// The permalink of `mediaID`, or nil when Threads does not give it: the post exists
    /// already, so no failure here may fail the delivery.
    func permalink(of mediaID: String) async -> URL? {
        guard let request = permalinkRequest(mediaID: mediaID) else { return nil }
        let metadata: Logger.Metadata = ["network": "\(network.rawValue)", "account": "\(account)"]
        do {
            let response = try await exchange.send(request)
            guard response.isSuccess else {
                let error = GraphAPIError.deliveryError(for: response, exchange: exchange)
                environment.logger.notice("posted \(mediaID), but its permalink is unknown: \(error.message)", metadata: metadata)
                return nil
            }
            return try exchange.decode(Permalink.self, from: response).permalink
        } catch {
            environment.logger.notice("posted \(mediaID), but its permalink is unknown: \(error.message)", metadata: metadata)
            return nil
        }
    }
}
