import Crypto
import Foundation
import Syndicate

/// LinkedIn's Posts API, `POST /rest/posts`: a bearer token, the `LinkedIn-Version` header, a
/// JSON post with `author` and `commentary`; `201 Created` with an empty body and the post's
/// URN in `x-restli-id`. The same commentary from the same author again is a 422
/// `DUPLICATE_POST`. Errors are `{"status","code","message"}` (Rest.li).
///
/// Checked as LinkedIn checks them: `LinkedIn-Version` present (400 `VERSION_MISSING`) and
/// `YYYYMM` (426 `NONEXISTENT_VERSION`); `X-Restli-Protocol-Version: 2.0.0` (400); an `author`
/// that is a `urn:li:person:` or `urn:li:organization:` URN, and the Posts API body shape
/// (`commentary`, `visibility`, `distribution.feedDistribution`, `lifecycleState`, an article's
/// http(s) `source` and `title`): 422 `ERROR :: /field :: …` otherwise.
///
/// Images (learn.microsoft.com/linkedin/marketing/community-management/shares/images-api):
/// `POST /rest/images?action=initializeUpload` with `{"initializeUploadRequest": {"owner"}}`
/// registers an image for a person or organization and answers `{"value": {"uploadUrlExpiresAt",
/// "uploadUrl", "image"}}`, the upload URL pointing back at this server
/// (`/dms-uploads/sp/{id}/uploaded-image/0`); a `PUT` of the bytes there with the same token
/// stores them (201), JPEG, PNG or GIF as the bytes say (400 otherwise) of at most 36,152,320
/// pixels (400). A post's `content.media {id, altText}` or `content.multiImage {images}` (2–20)
/// must name images initialized by the post's author and uploaded: 422 `ERROR :: /content/… ::`
/// otherwise. Each post's images are recorded as ``LoopbackPost/media``.
///
/// A post (`/rest/posts/{URL-encoded URN}`, posts-api "Update Posts" / "Delete Posts"):
/// `DELETE` (with `X-RestLi-Method: DELETE` when the header is sent) answers 204 and removes it,
/// and 204 again for a post already deleted (LinkedIn documents deletes as idempotent); a `POST`
/// with `X-RestLi-Method: PARTIAL_UPDATE` and `{"patch": {"$set": {"commentary"}}}` sets its
/// commentary (its images stay) and answers 204. An unknown or deleted post is 404 for an edit,
/// and an unknown URN 404 for a delete; another token's post is 403 `ACCESS_DENIED`.
struct LinkedInEmulator: NetworkEmulator {
    static let routes: [LoopbackRoute] = [.linkedInPosts, .linkedInImages, .linkedInImageUpload, .linkedInPost]

    static func match(_ segments: [String]) -> RouteMatch? {
        if segments == ["rest", "posts"] { return RouteMatch(route: .linkedInPosts) }
        if segments.count == 3, segments[0] == "rest", segments[1] == "posts" {
            return RouteMatch(route: .linkedInPost, captures: ["urn": segments[2].removingPercentEncoding ?? segments[2]])
        }
        if segments == ["rest", "images"] { return RouteMatch(route: .linkedInImages) }
        if segments.count == 5, segments[0] == "dms-uploads", segments[1] == "sp", segments[3] == "uploaded-image" {
            return RouteMatch(route: .linkedInImageUpload, captures: ["id": segments[2]])
        }
        return nil
    }

    /// An image registered with initializeUpload, and its bytes once uploaded.
    struct RegisteredImage: Sendable {
        var owner: String
        var token: String
        var uploaded: LoopbackMedia?
    }

    /// The most pixels an image may have (Images API).
    static let maximumPixels = 36_152_320
    private var images: [String: RegisteredImage] = [:]
    private var nextImage = 1

    private var nextID = 7_400_000_000_000_000_001
    /// The URN of each (author, commentary) posted.
    private var urns: [String: String] = [:]
    /// Each post still there: the token that posted it, its author and commentary, by URN.
    private var posts: [String: (token: String, author: String, commentary: String)] = [:]
    /// The URNs of the posts deleted.
    private var deleted: Set<String> = []

    mutating func handle(_ request: LoopbackRequest, match: RouteMatch, context: EmulatorContext) -> EmulatorResult {
        if match.route == .linkedInImageUpload {
            return EmulatorResult(upload(request, id: match.captures["id"] ?? "", context: context))
        }
        guard request.method == "POST" || (match.route == .linkedInPost && request.method == "DELETE") else {
            return EmulatorResult(Self.body(405, "METHOD_NOT_ALLOWED", "Method not allowed"))
        }
        guard let token = request.bearerToken, context.accepts(token) else {
            return EmulatorResult(Self.error(401, route: match.route, reset: context.now, context: context))
        }
        if let refused = Self.versionProblem(request) { return EmulatorResult(refused) }
        if match.route == .linkedInPost { return revise(request, urn: match.captures["urn"] ?? "", token: token) }
        if match.route == .linkedInImages { return EmulatorResult(initializeUpload(request, token: token, context: context)) }
        guard let body = request.jsonObject, let author = body["author"] as? String, let commentary = body["commentary"] as? String
        else {
            return EmulatorResult(Self.body(422, "UNPROCESSABLE_ENTITY", "/author and /commentary are required"))
        }
        if let problem = Self.validate(body, author: author) {
            return EmulatorResult(Self.body(422, "UNPROCESSABLE_ENTITY", problem))
        }
        let attached: [LoopbackMedia]
        switch attachedImages(body, author: author) {
        case .success(let media): attached = media
        case .failure(let refusal): return EmulatorResult(Self.body(422, "UNPROCESSABLE_ENTITY", refusal.message))
        }
        if let existing = urns[author + "\n" + commentary] {
            return EmulatorResult(
                LoopbackBody.json(422, [
                    "status": 422, "code": "UNPROCESSABLE_ENTITY",
                    "message": "ERROR :: /commentary :: Content is a duplicate of \(existing)",
                    "errorDetails": ["inputErrors": [["code": "DUPLICATE_POST", "description": "Content is a duplicate of \(existing)"]]],
                ]))
        }
        let urn = "urn:li:share:\(nextID)"
        nextID += 1
        urns[author + "\n" + commentary] = urn
        posts[urn] = (token, author, commentary)
        var post = LoopbackPost(network: .linkedin, id: urn, text: commentary, author: author)
        post.media = attached
        return EmulatorResult(HTTPResponse(status: 201, headers: ["x-restli-id": urn, "x-linkedin-id": urn]), post: post)
    }

    /// `DELETE` or `POST` (`PARTIAL_UPDATE`) `/rest/posts/{urn}`.
    private mutating func revise(_ request: LoopbackRequest, urn: String, token: String) -> EmulatorResult {
        let method = request.headers["X-RestLi-Method"]?.uppercased()
        if request.method == "DELETE" {
            guard method == nil || method == "DELETE" else {
                return EmulatorResult(Self.body(400, "ILLEGAL_ARGUMENT", "X-RestLi-Method \(method ?? "") does not match DELETE"))
            }
            if deleted.contains(urn) { return EmulatorResult(HTTPResponse(status: 204)) }
            guard let post = posts[urn] else { return EmulatorResult(Self.body(404, "NOT_FOUND", "Not Found")) }
            guard post.token == token else {
                return EmulatorResult(Self.body(403, "ACCESS_DENIED", "Not enough permissions to access: partnerApiPostsExternal.DELETE.20260101", serviceErrorCode: 100))
            }
            posts[urn] = nil
            deleted.insert(urn)
            urns[post.author + "\n" + post.commentary] = nil
            return EmulatorResult(HTTPResponse(status: 204), changes: [.deleted(.linkedin, id: urn)])
        }
        guard method == "PARTIAL_UPDATE" else {
            return EmulatorResult(Self.body(400, "ILLEGAL_ARGUMENT", "A POST to an entity needs X-RestLi-Method: PARTIAL_UPDATE"))
        }
        guard let post = posts[urn] else { return EmulatorResult(Self.body(404, "NOT_FOUND", "Not Found")) }
        guard post.token == token else {
            return EmulatorResult(Self.body(403, "ACCESS_DENIED", "Not enough permissions to access: partnerApiPostsExternal.PARTIAL_UPDATE.20260101", serviceErrorCode: 100))
        }
        guard let patch = request.jsonObject?["patch"] as? [String: Any], let set = patch["$set"] as? [String: Any], !set.isEmpty else {
            return EmulatorResult(Self.body(400, "ILLEGAL_ARGUMENT", "The body must be {\"patch\": {\"$set\": {…}}}"))
        }
        let updatable: Set<String> = ["commentary", "contentCallToActionLabel", "contentLandingPage", "lifecycleState"]
        if let field = set.keys.sorted().first(where: { !updatable.contains($0) }) {
            return EmulatorResult(Self.body(422, "UNPROCESSABLE_ENTITY", "ERROR :: /\(field) :: field cannot be updated"))
        }
        guard let commentary = set["commentary"] as? String else { return EmulatorResult(HTTPResponse(status: 204)) }
        urns[post.author + "\n" + post.commentary] = nil
        urns[post.author + "\n" + commentary] = urn
        posts[urn]?.commentary = commentary
        return EmulatorResult(HTTPResponse(status: 204), changes: [.edited(.linkedin, id: urn, text: commentary)])
    }

    /// The `LinkedIn-Version` and `X-Restli-Protocol-Version` checks every Rest.li call gets.
    static func versionProblem(_ request: LoopbackRequest) -> HTTPResponse? {
        guard let version = request.headers["LinkedIn-Version"], !version.isEmpty else {
            return Self.body(400, "VERSION_MISSING", "A version must be present. Please specify a version by adding the LinkedIn-Version header.")
        }
        guard version.count == 6, version.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            return Self.body(426, "NONEXISTENT_VERSION", "Requested version \(version) is not active")
        }
        guard request.headers["X-Restli-Protocol-Version"] == "2.0.0" else {
            return Self.body(400, "ILLEGAL_ARGUMENT", "The X-Restli-Protocol-Version header must be 2.0.0 for the Posts API")
        }
        return nil
    }

    /// `POST /rest/images?action=initializeUpload`: registers an image for its owner.
    private mutating func initializeUpload(_ request: LoopbackRequest, token: String, context: EmulatorContext) -> HTTPResponse {
        guard request.queryItems.contains(where: { $0.name == "action" && $0.value == "initializeUpload" }) else {
            return Self.body(400, "ILLEGAL_ARGUMENT", "Unsupported action; expected action=initializeUpload")
        }
        guard let owner = (request.jsonObject?["initializeUploadRequest"] as? [String: Any])?["owner"] as? String,
            Self.isAuthorURN(owner)
        else {
            return Self.body(422, "UNPROCESSABLE_ENTITY", "ERROR :: /initializeUploadRequest/owner :: field is required and must be a urn:li:person or urn:li:organization URN")
        }
        let id = "D4E10AQLoopback\(nextImage)"
        nextImage += 1
        images["urn:li:image:\(id)"] = RegisteredImage(owner: owner, token: token)
        // The upload URL points back at this server, whichever port the client reached it on.
        let host = request.headers["Host"].flatMap { $0.hasPrefix("127.0.0.1") ? $0 : nil } ?? "127.0.0.1"
        let expires = Int((context.now.timeIntervalSince1970 + 24 * 3600) * 1000)
        return LoopbackBody.json(200, [
            "value": [
                "uploadUrlExpiresAt": expires,
                "uploadUrl": "http://\(host)/dms-uploads/sp/\(id)/uploaded-image/0?ca=vector_feedshare&cn=uploads&sync=0&v=beta",
                "image": "urn:li:image:\(id)",
            ] as [String: Any]
        ])
    }

    /// `PUT` of an image's bytes to its upload URL, with the token that registered it.
    private mutating func upload(_ request: LoopbackRequest, id: String, context: EmulatorContext) -> HTTPResponse {
        guard request.method == "PUT" || request.method == "POST" else {
            return Self.body(405, "METHOD_NOT_ALLOWED", "Method not allowed")
        }
        let urn = "urn:li:image:\(id)"
        guard let token = request.bearerToken, context.accepts(token) else {
            return Self.error(401, route: .linkedInImageUpload, reset: context.now, context: context)
        }
        guard var image = images[urn] else { return Self.body(404, "NOT_FOUND", "No upload registered for \(urn)") }
        guard image.token == token else {
            return Self.body(403, "ACCESS_DENIED", "The upload of \(urn) was registered by another member", serviceErrorCode: 100)
        }
        guard let header = ImageHeader(request.body), [ImageFormat.jpeg, .png, .gif].contains(header.format) else {
            return Self.body(400, "BAD_REQUEST", "Unsupported media type: the image must be a JPG, PNG or GIF")
        }
        if let width = header.width, let height = header.height, width * height > Self.maximumPixels {
            return Self.body(400, "BAD_REQUEST", "The image has \(width * height) pixels; the maximum is \(Self.maximumPixels)")
        }
        let digest = SHA256.hash(data: request.body).map { String(format: "%02x", $0) }.joined()
        image.uploaded = LoopbackMedia(id: urn, contentType: header.format.mimeType, byteCount: request.body.count, sha256: digest)
        images[urn] = image
        return HTTPResponse(status: 201)
    }

    /// The images a post's `content.media` or `content.multiImage` names, with their alt texts,
    /// or LinkedIn's refusal.
    private func attachedImages(_ body: [String: Any], author: String) -> Result<[LoopbackMedia], Refusal> {
        guard let content = body["content"] as? [String: Any] else { return .success([]) }
        let named: [(path: String, entry: [String: Any])]
        if let media = content["media"] {
            guard let media = media as? [String: Any] else { return .failure(Refusal("ERROR :: /content/media :: must be a record")) }
            named = [("/content/media", media)]
        } else if let multi = content["multiImage"] {
            guard let list = (multi as? [String: Any])?["images"] as? [[String: Any]], (2...20).contains(list.count) else {
                return .failure(Refusal("ERROR :: /content/multiImage/images :: must have between 2 and 20 images"))
            }
            named = list.enumerated().map { ("/content/multiImage/images/\($0.offset)", $0.element) }
        } else {
            return .success([])
        }
        var media: [LoopbackMedia] = []
        for (path, entry) in named {
            guard let id = entry["id"] as? String else { return .failure(Refusal("ERROR :: \(path)/id :: field is required")) }
            guard id.hasPrefix("urn:li:image:"), let image = images[id], image.owner == author else {
                return .failure(Refusal("ERROR :: \(path)/id :: \(id) is not an image owned by \(author)"))
            }
            guard var uploaded = image.uploaded else {
                return .failure(Refusal("ERROR :: \(path)/id :: \(id) has not been uploaded (status WAITING_UPLOAD)"))
            }
            if let alt = entry["altText"] {
                guard let alt = alt as? String, alt.count <= 4_086 else {
                    return .failure(Refusal("ERROR :: \(path)/altText :: must be a string of at most 4086 characters"))
                }
                uploaded.alt = alt
            }
            media.append(uploaded)
        }
        return .success(media)
    }

    /// A refused post's message.
    struct Refusal: Error {
        var message: String
        init(_ message: String) { self.message = message }
    }

    /// Whether `urn` is a person or organization URN.
    static func isAuthorURN(_ urn: String) -> Bool {
        let prefixes = ["urn:li:person:", "urn:li:organization:"]
        guard let prefix = prefixes.first(where: urn.hasPrefix) else { return false }
        return urn.count > prefix.count && !urn.contains(where: \.isWhitespace)
    }

    /// Why `body` is not a Posts API post, as LinkedIn words it (`ERROR :: /field :: …`), or nil.
    static func validate(_ body: [String: Any], author: String) -> String? {
        let prefixes = ["urn:li:person:", "urn:li:organization:"]
        guard let prefix = prefixes.first(where: author.hasPrefix), author.count > prefix.count,
            !author.contains(where: \.isWhitespace)
        else { return "ERROR :: /author :: \(author) is not a valid urn:li:person or urn:li:organization URN" }
        guard let visibility = body["visibility"] as? String, ["PUBLIC", "CONNECTIONS", "LOGGED_IN", "CONTAINER"].contains(visibility)
        else { return "ERROR :: /visibility :: field is required and must be PUBLIC, CONNECTIONS, LOGGED_IN or CONTAINER" }
        guard let distribution = body["distribution"] as? [String: Any],
            let feed = distribution["feedDistribution"] as? String, ["MAIN_FEED", "NONE"].contains(feed)
        else { return "ERROR :: /distribution/feedDistribution :: field is required and must be MAIN_FEED or NONE" }
        guard let state = body["lifecycleState"] as? String, ["PUBLISHED", "DRAFT"].contains(state) else {
            return "ERROR :: /lifecycleState :: field is required and must be PUBLISHED or DRAFT"
        }
        if let content = body["content"] {
            guard let content = content as? [String: Any] else { return "ERROR :: /content :: must be a record" }
            if let article = content["article"] {
                guard let article = article as? [String: Any], let source = article["source"] as? String,
                    BlueskyEmulator.isHTTPURL(source)
                else { return "ERROR :: /content/article/source :: field is required and must be an http(s) URL" }
                guard let title = article["title"] as? String, !title.isEmpty else {
                    return "ERROR :: /content/article/title :: field is required"
                }
            }
        }
        return nil
    }

    static func error(_ status: Int, route: LoopbackRoute, reset: Date, context: EmulatorContext) -> HTTPResponse {
        switch status {
        case 401: body(401, "INVALID_ACCESS_TOKEN", "Invalid access token", serviceErrorCode: 65600)
        case 403: body(403, "ACCESS_DENIED", "Not enough permissions to access: partnerApiPostsExternal.CREATE.20260101", serviceErrorCode: 100)
        case 429: body(429, "TOO_MANY_REQUESTS", "Resource level throttle APPLICATION DAY limit for calls to this resource is reached.")
        default: body(status, LoopbackBody.reason(status).uppercased().replacingOccurrences(of: " ", with: "_"), LoopbackBody.reason(status))
        }
    }

    static func body(_ status: Int, _ code: String, _ message: String, serviceErrorCode: Int? = nil) -> HTTPResponse {
        var object: [String: Any] = ["status": status, "code": code, "message": message]
        if let serviceErrorCode { object["serviceErrorCode"] = serviceErrorCode }
        return LoopbackBody.json(status, object)
    }
}

extension LoopbackRoute {
    /// LinkedIn: `POST /rest/posts`.
    public static let linkedInPosts = LoopbackRoute("linkedInPosts", network: .linkedin)
    /// LinkedIn: `POST /rest/images?action=initializeUpload`.
    public static let linkedInImages = LoopbackRoute("linkedInImages", network: .linkedin)
    /// LinkedIn: `PUT /dms-uploads/sp/{id}/uploaded-image/0`, an image's upload URL.
    public static let linkedInImageUpload = LoopbackRoute("linkedInImageUpload", network: .linkedin)
    /// LinkedIn: `DELETE` or `POST` (`PARTIAL_UPDATE`) `/rest/posts/{urn}`, a post deleted or edited.
    public static let linkedInPost = LoopbackRoute("linkedInPost", network: .linkedin)
}
