import Foundation
import Syndicate

/// A Facebook Page's `POST /{version}/{page}/feed`: `access_token`, `message`, `link` as form
/// fields, query items or JSON; `{"id": "{page}_{post}"}` out. The same message on the same
/// page again is `(#506) Duplicate status message`. Errors are the Graph API's
/// (``GraphAPIError``): a rejected token is 400 with code 190.
///
/// Photos: `POST /{version}/{page}/photos` takes the bytes as multipart `source` (sniffed: not a
/// JPEG, PNG or GIF is `(#324) Missing or invalid image file`, none at all `(#324) Requires
/// upload file`, over 4 MB code 100 subcode 1366046), `published=false` and `alt_text_custom`,
/// and answers `{"id"}`. The feed's `attached_media[n]={"media_fbid":"…"}` must name unpublished
/// photos of the same page not yet attached; ``LoopbackPost/media`` records them.
///
/// A Page post (`/{version}/{page}_{post}`): `DELETE` with the page's token answers
/// `{"success": true}` and removes it; `POST` with `message` changes its message (the photos
/// stay) and answers `{"success": true}`. A post that is gone, or was posted with another token,
/// is Graph's 400 code 100 subcode 33 "Unsupported delete request. Object with ID '…' does not
/// exist, cannot be loaded due to missing permissions, or does not support this operation"
/// ("post request" for an edit); a `GET` is "Unsupported get request" (not emulated).
struct FacebookEmulator: NetworkEmulator {
    static let routes: [LoopbackRoute] = [.facebookFeed, .facebookPhotos, .facebookPost]

    static func match(_ segments: [String]) -> RouteMatch? {
        if segments.count == 2, isGraphVersion(segments[0]), segments[1].contains("_") {
            return RouteMatch(route: .facebookPost, captures: ["version": segments[0], "id": segments[1]])
        }
        guard segments.count == 3, ["feed", "photos"].contains(segments[2]), isGraphVersion(segments[0]) else { return nil }
        return RouteMatch(route: segments[2] == "feed" ? .facebookFeed : .facebookPhotos, captures: ["version": segments[0], "page": segments[1]])
    }

    /// The largest photo: 4 MB.
    static let maximumPhotoBytes = 4 * 1024 * 1024
    /// The formats taken (TIFF too on Facebook; not sniffed here).
    static let photoFormats: Set<ImageFormat> = [.jpeg, .png, .gif]

    /// An uploaded photo.
    private struct Photo {
        var page: String
        var media: LoopbackMedia
        var published: Bool
        var attached = false
    }

    private var photos: [String: Photo] = [:]
    private var nextPhotoID = 500_000_000_001

    /// Whether `segment` is a Graph API version such as `v21.0`.
    private static func isGraphVersion(_ segment: String) -> Bool {
        guard segment.hasPrefix("v") else { return false }
        let number = segment.dropFirst()
        return !number.isEmpty && number.allSatisfy { $0.isNumber || $0 == "." }
    }

    private var nextID = 1
    private var messages: [String: Set<String>] = [:]
    /// Each Page post still there: its page, the token that posted it and its message, by id.
    private var posts: [String: (page: String, token: String, message: String)] = [:]

    mutating func handle(_ request: LoopbackRequest, match: RouteMatch, context: EmulatorContext) -> EmulatorResult {
        let page = match.captures["page"] ?? ""
        guard request.method == "POST" || (match.route == .facebookPost && request.method == "DELETE") else {
            return EmulatorResult(GraphAPIError.response(400, code: 100, message: "Unsupported get request.", type: "GraphMethodException"))
        }
        let token = request.parameter("access_token") ?? request.bearerToken
        guard context.accepts(token) else {
            return EmulatorResult(GraphAPIError.invalidToken())
        }
        if match.route == .facebookPost { return revise(request, id: match.captures["id"] ?? "", token: token ?? "") }
        if match.route == .facebookPhotos { return EmulatorResult(upload(request, page: page)) }
        let message = request.parameter("message") ?? ""
        let link = request.parameter("link")
        let attached: [String]
        switch Self.attachedMedia(of: request) {
        case .success(let ids): attached = ids
        case .failure(let answer): return EmulatorResult(answer.response)
        }
        for (index, id) in attached.enumerated() {
            guard let photo = photos[id], photo.page == page, !photo.published, !photo.attached else {
                return EmulatorResult(GraphAPIError.response(400, code: 100, message: "(#100) param attached_media[\(index)] has invalid media_fbid \(id)"))
            }
        }
        guard !message.isEmpty || link != nil || !attached.isEmpty else {
            return EmulatorResult(GraphAPIError.response(400, code: 100, message: "(#100) Missing message or attachment"))
        }
        if let link, !BlueskyEmulator.isHTTPURL(link) {
            return EmulatorResult(GraphAPIError.response(400, code: 100, message: "(#100) The parameter link must be a valid URL"))
        }
        if !message.isEmpty, messages[page, default: []].contains(message) {
            return EmulatorResult(GraphAPIError.response(400, code: 506, message: "(#506) Duplicate status message"))
        }
        messages[page, default: []].insert(message)
        let id = "\(page)_\(nextID)"
        nextID += 1
        posts[id] = (page, token ?? "", message)
        var post = LoopbackPost(network: .facebook, id: id, text: message, author: page)
        for photoID in attached {
            photos[photoID]?.attached = true
            if let media = photos[photoID]?.media { post.media.append(media) }
        }
        return EmulatorResult(LoopbackBody.json(200, ["id": id]), post: post)
    }

    /// `DELETE` or `POST /{version}/{page}_{post}`: deletes the post, or sets its `message`.
    private mutating func revise(_ request: LoopbackRequest, id: String, token: String) -> EmulatorResult {
        let verb = request.method == "DELETE" ? "delete" : "post"
        guard let post = posts[id], post.token == token else {
            return EmulatorResult(
                GraphAPIError.response(
                    400, code: 100,
                    message: "Unsupported \(verb) request. Object with ID '\(id)' does not exist, cannot be loaded due to missing permissions, or does not support this operation. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api",
                    type: "GraphMethodException", subcode: 33))
        }
        if request.method == "DELETE" {
            posts[id] = nil
            messages[post.page]?.remove(post.message)
            return EmulatorResult(LoopbackBody.json(200, ["success": true]), changes: [.deleted(.facebook, id: id)])
        }
        guard let message = request.parameter("message") else {
            return EmulatorResult(GraphAPIError.response(400, code: 100, message: "(#100) No fields to update were given"))
        }
        messages[post.page]?.remove(post.message)
        messages[post.page, default: []].insert(message)
        posts[id]?.message = message
        return EmulatorResult(LoopbackBody.json(200, ["success": true]), changes: [.edited(.facebook, id: id, text: message)])
    }

    /// `POST /{page}/photos`: the photo in `source`, checked by its own bytes.
    private mutating func upload(_ request: LoopbackRequest, page: String) -> HTTPResponse {
        guard let source = request.multipartParts.first(where: { $0.name == "source" }) else {
            return GraphAPIError.invalidImage(missing: true)
        }
        guard let header = ImageHeader(source.data), Self.photoFormats.contains(header.format) else {
            return GraphAPIError.invalidImage()
        }
        guard source.data.count < Self.maximumPhotoBytes else { return GraphAPIError.photoTooLarge() }
        let fields = request.parameters(["published", "alt_text_custom"])
        let id = String(nextPhotoID)
        nextPhotoID += 1
        let media = LoopbackMedia(
            id: id, contentType: header.format.mimeType, byteCount: source.data.count, sha256: XEmulator.sha256(source.data),
            alt: fields["alt_text_custom"])
        photos[id] = Photo(page: page, media: media, published: fields["published"]?.lowercased() != "false")
        return LoopbackBody.json(200, ["id": id])
    }

    /// The photo ids of `attached_media[n]` fields (form, query or multipart) or a JSON array.
    static func attachedMedia(of request: LoopbackRequest) -> Result<[String], GraphAnswer> {
        var values: [(index: Int, value: Any)] = []
        for (name, value) in request.queryItems + request.formFields + request.multipartFields where name.hasPrefix("attached_media[") {
            guard let index = Int(name.dropFirst("attached_media[".count).dropLast()) else {
                return .failure(GraphAnswer(GraphAPIError.response(400, code: 100, message: "(#100) param \(name) is not a valid parameter")))
            }
            values.append((index, value))
        }
        if let array = request.jsonObject?["attached_media"] as? [Any] {
            values += array.enumerated().map { ($0.offset, $0.element) }
        }
        var ids: [String] = []
        for (index, value) in values.sorted(by: { $0.index < $1.index }) {
            let object: [String: Any]? =
                if let text = value as? String { (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] } else { value as? [String: Any] }
            guard let id = object?["media_fbid"] as? String ?? (object?["media_fbid"] as? NSNumber)?.stringValue else {
                return .failure(GraphAnswer(GraphAPIError.response(400, code: 100, message: "(#100) param attached_media[\(index)] must be a JSON object with media_fbid")))
            }
            ids.append(id)
        }
        return .success(ids)
    }

    /// A Graph error answer, as a `Result` failure.
    struct GraphAnswer: Error {
        var response: HTTPResponse
        init(_ response: HTTPResponse) { self.response = response }
    }

    static func error(_ status: Int, route: LoopbackRoute, reset: Date, context: EmulatorContext) -> HTTPResponse {
        GraphAPIError.scripted(status, reset: reset, now: context.now)
    }
}

extension LoopbackRoute {
    /// Facebook Page: `POST /{version}/{page}/feed`.
    public static let facebookFeed = LoopbackRoute("facebookFeed", network: .facebook)
    /// Facebook Page: `POST /{version}/{page}/photos`.
    public static let facebookPhotos = LoopbackRoute("facebookPhotos", network: .facebook)
    /// Facebook Page: `DELETE` or `POST /{version}/{page}_{post}`, a Page post deleted or edited.
    public static let facebookPost = LoopbackRoute("facebookPost", network: .facebook)
}
