import Foundation
import Syndicate

/// Threads' two-step publish: `POST /v1.0/{user}/threads` (`media_type`, `text`,
/// `access_token`) creates a container `{"id"}`; `GET /v1.0/{container}?fields=status` answers
/// `FINISHED` (or `PUBLISHED`); `POST /v1.0/{user}/threads_publish` (`creation_id`) publishes it
/// as a post `{"id"}`, whose `GET /v1.0/{post}?fields=permalink` is its address. A container is
/// published once; publishing an unknown or already published container is a Graph error.
/// Errors are the Graph API's.
///
/// Images: an `IMAGE` container needs an absolute http(s) `image_url` (`alt_text` at most
/// 1,000 characters); one with `is_carousel_item=true` is a carousel item, which cannot be
/// published itself. A `CAROUSEL` container's `children` lists 2 to 20 item ids of the same
/// user, each used once. `link_attachment` is refused on anything but a `TEXT` container. The
/// published post records its images (``LoopbackMedia`` with the URL and alt text, no bytes:
/// Threads fetches them itself).
///
/// Deleting: `DELETE /v1.0/{post}?access_token=…` answers `{"success": true, "deleted_id"}`;
/// a post already deleted or never published is the Graph error Meta answers for a missing
/// object (code 100, subcode 33, "does not exist"), another token's post a permission error
/// (code 200). Threads' API cannot edit a post.
struct ThreadsEmulator: NetworkEmulator {
    static let routes: [LoopbackRoute] = [.threadsCreate, .threadsPublish, .threadsObject]

    static func match(_ segments: [String]) -> RouteMatch? {
        guard segments.first == "v1.0" else { return nil }
        if segments.count == 2 { return RouteMatch(route: .threadsObject, captures: ["id": segments[1]]) }
        guard segments.count == 3 else { return nil }
        switch segments[2] {
        case "threads": return RouteMatch(route: .threadsCreate, captures: ["user": segments[1]])
        case "threads_publish": return RouteMatch(route: .threadsPublish, captures: ["user": segments[1]])
        default: return nil
        }
    }

    private struct Container: Sendable {
        var user: String
        var text: String
        var replyTo: String?
        var published: Bool
        /// The images: its own (`IMAGE`) or its children's (`CAROUSEL`).
        var media: [LoopbackMedia] = []
        var isCarouselItem = false
        /// Whether a carousel holds it already (an item goes in one carousel only).
        var inCarousel = false
    }

    /// The most items a carousel holds, and the fewest.
    static let carouselItems = 2...20

    private var nextContainer = 17_900_000_000_000_001
    private var nextPost = 18_000_000_000_000_001
    private var containers: [String: Container] = [:]
    /// Published posts' authors, by post id.
    private var posts: [String: String] = [:]
    /// The token that published each post still there, by post id.
    private var publishers: [String: String] = [:]

    mutating func handle(_ request: LoopbackRequest, match: RouteMatch, context: EmulatorContext) -> EmulatorResult {
        let user = match.captures["user"] ?? ""
        if match.route == .threadsObject {
            if request.method == "DELETE" { return delete(match.captures["id"] ?? "", request: request, context: context) }
            return EmulatorResult(object(match.captures["id"] ?? "", request: request, context: context))
        }
        guard request.method == "POST" else {
            return EmulatorResult(GraphAPIError.response(400, code: 100, message: "Unsupported get request.", type: "THApiException"))
        }
        guard context.accepts(request.parameter("access_token") ?? request.bearerToken) else {
            return EmulatorResult(GraphAPIError.invalidToken())
        }
        if match.route == .threadsCreate {
            let type = request.parameter("media_type") ?? ""
            let text = request.parameter("text") ?? ""
            guard ["TEXT", "IMAGE", "VIDEO", "CAROUSEL"].contains(type) else {
                return EmulatorResult(GraphAPIError.response(400, code: 100, message: "The parameter media_type is required.", type: "THApiException"))
            }
            guard type != "TEXT" || !text.isEmpty else {
                return EmulatorResult(GraphAPIError.response(400, code: 100, message: "The parameter text is required.", type: "THApiException"))
            }
            if let problem = Self.validate(request) {
                return EmulatorResult(GraphAPIError.response(400, code: 100, message: problem, type: "THApiException"))
            }
            var container = Container(user: user, text: text, replyTo: request.parameter("reply_to_id"), published: false)
            switch type {
            case "IMAGE":
                guard let url = request.parameter("image_url"), BlueskyEmulator.isHTTPURL(url) else {
                    return EmulatorResult(GraphAPIError.response(400, code: 100, message: "(#100) The parameter image_url is required and must be a public http(s) URL.", type: "THApiException"))
                }
                let alt = request.parameter("alt_text")
                if let alt, alt.unicodeScalars.count > 1_000 {
                    return EmulatorResult(GraphAPIError.response(400, code: 100, message: "(#100) The parameter alt_text must be at most 1000 characters.", type: "THApiException"))
                }
                container.media = [LoopbackMedia.byURL(url, alt: alt)]
                container.isCarouselItem = request.parameter("is_carousel_item") == "true"
            case "CAROUSEL":
                let children = (request.parameter("children") ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                guard Self.carouselItems.contains(children.count) else {
                    return EmulatorResult(GraphAPIError.response(400, code: 100, message: "(#100) A carousel must have between 2 and 20 children; it has \(children.count).", type: "THApiException"))
                }
                for child in children {
                    guard let item = containers[child], item.user == user, item.isCarouselItem, !item.inCarousel, !item.published else {
                        return EmulatorResult(GraphAPIError.response(400, code: 100, message: "(#100) The child \(child) is not a carousel item container of this user.", type: "THApiException", subcode: 4_279_009))
                    }
                }
                for child in children { containers[child]?.inCarousel = true }
                container.media = children.flatMap { containers[$0]?.media ?? [] }
            default:
                break
            }
            let id = String(nextContainer)
            nextContainer += 1
            containers[id] = container
            return EmulatorResult(LoopbackBody.json(200, ["id": id]))
        }
        guard let creation = request.parameter("creation_id"), var container = containers[creation], container.user == user else {
            return EmulatorResult(
                GraphAPIError.response(400, code: 24, message: "The requested resource does not exist", type: "THApiException", subcode: 4_279_009))
        }
        guard !container.published else {
            return EmulatorResult(
                GraphAPIError.response(400, code: 10, message: "The media has already been published", type: "THApiException", subcode: 4_279_002))
        }
        guard !container.isCarouselItem else {
            return EmulatorResult(
                GraphAPIError.response(400, code: 100, message: "(#100) A carousel item cannot be published on its own; publish its carousel.", type: "THApiException"))
        }
        container.published = true
        containers[creation] = container
        let id = String(nextPost)
        nextPost += 1
        posts[id] = user
        publishers[id] = request.parameter("access_token") ?? request.bearerToken ?? ""
        var post = LoopbackPost(network: .threads, id: id, text: container.text, author: user, replyTo: container.replyTo)
        post.media = container.media
        return EmulatorResult(LoopbackBody.json(200, ["id": id]), post: post)
    }

    /// `DELETE /v1.0/{id}`: a published post of this token, once.
    private mutating func delete(_ id: String, request: LoopbackRequest, context: EmulatorContext) -> EmulatorResult {
        let token = request.parameter("access_token") ?? request.bearerToken
        guard context.accepts(token) else { return EmulatorResult(GraphAPIError.invalidToken()) }
        guard let publisher = publishers[id] else {
            return EmulatorResult(
                GraphAPIError.response(
                    400, code: 100,
                    message: "Unsupported delete request. Object with ID '\(id)' does not exist, cannot be loaded due to missing permissions, or does not support this operation",
                    type: "THApiException", subcode: 33))
        }
        guard publisher == token else {
            return EmulatorResult(
                GraphAPIError.response(403, code: 200, message: "(#200) You do not have permission to delete this post", type: "THApiException"))
        }
        publishers[id] = nil
        posts[id] = nil
        return EmulatorResult(LoopbackBody.json(200, ["success": true, "deleted_id": id]), changes: [.deleted(.threads, id: id)])
    }

    /// `GET /v1.0/{id}`: a container's status or a post's permalink, as `fields` asks.
    private func object(_ id: String, request: LoopbackRequest, context: EmulatorContext) -> HTTPResponse {
        guard request.method == "GET" else {
            return GraphAPIError.response(400, code: 100, message: "Unsupported post request.", type: "THApiException")
        }
        guard context.accepts(request.parameter("access_token") ?? request.bearerToken) else { return GraphAPIError.invalidToken() }
        let fields = Set((request.parameter("fields") ?? "").split(separator: ",").map(String.init))
        if let container = containers[id] {
            var answer: [String: Any] = ["id": id]
            if fields.contains("status") { answer["status"] = container.published ? "PUBLISHED" : "FINISHED" }
            return LoopbackBody.json(200, answer)
        }
        if let author = posts[id] {
            var answer: [String: Any] = ["id": id]
            if fields.contains("permalink") { answer["permalink"] = "https://www.threads.net/@\(author)/post/\(id)" }
            return LoopbackBody.json(200, answer)
        }
        return GraphAPIError.response(400, code: 100, message: "Object with ID '\(id)' does not exist", type: "THApiException", subcode: 33)
    }

    /// Why a container request's optional fields are invalid, or nil: `link_attachment` must be
    /// an http(s) URL on a `TEXT` container, `topic_tag` 1–50 characters without `.` or `&`.
    static func validate(_ request: LoopbackRequest) -> String? {
        if let link = request.parameter("link_attachment"), !BlueskyEmulator.isHTTPURL(link) {
            return "(#100) The parameter link_attachment must be a valid URL."
        }
        if request.parameter("link_attachment") != nil, request.parameter("media_type") != "TEXT" {
            return "(#100) The parameter link_attachment is only supported for text posts."
        }
        if let tag = request.parameter("topic_tag") {
            guard (1...50).contains(tag.count), !tag.contains("."), !tag.contains("&"), !tag.contains("\n") else {
                return "(#100) The parameter topic_tag must be 1 to 50 characters without periods or ampersands."
            }
        }
        return nil
    }

    static func error(_ status: Int, route: LoopbackRoute, reset: Date, context: EmulatorContext) -> HTTPResponse {
        GraphAPIError.scripted(status, reset: reset, now: context.now)
    }
}

extension LoopbackRoute {
    /// Threads: `POST /v1.0/{user}/threads` (creates a container).
    public static let threadsCreate = LoopbackRoute("threadsCreate", network: .threads)
    /// Threads: `POST /v1.0/{user}/threads_publish` (publishes a container).
    public static let threadsPublish = LoopbackRoute("threadsPublish", network: .threads)
    /// Threads: `GET /v1.0/{id}` (a container's `status`, a post's `permalink`) and
    /// `DELETE /v1.0/{id}` (deletes a post).
    public static let threadsObject = LoopbackRoute("threadsObject", network: .threads)
}

extension LoopbackMedia {
    /// An image a network fetches from `url` itself: no bytes seen, so no size or digest, and
    /// the media type the address's extension names (empty when it names none).
    static func byURL(_ url: String, alt: String?) -> LoopbackMedia {
        let types = ["jpg": "image/jpeg", "jpeg": "image/jpeg", "png": "image/png", "gif": "image/gif", "webp": "image/webp"]
        let type = URL(string: url).flatMap { types[$0.pathExtension.lowercased()] } ?? ""
        return LoopbackMedia(id: url, contentType: type, byteCount: 0, sha256: "", alt: alt, url: url)
    }
}
