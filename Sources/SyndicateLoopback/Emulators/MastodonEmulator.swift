import Foundation
import Syndicate

/// Mastodon's `POST /api/v1/statuses`: a bearer token, `status` (JSON or form) in, a Status out.
///
/// An `Idempotency-Key` seen before from the same token answers with the status it first
/// created and creates nothing (Mastodon keeps keys for an hour; here for the server's life).
/// Empty or over-500-character statuses get 422, an unknown `in_reply_to_id` 404. Errors are
/// `{"error": "…"}`; a 429 carries `X-RateLimit-Reset` as an ISO 8601 time.
///
/// Images: `GET /api/v2/instance` states the limits (16 MB, 33,177,600 pixels, four per status,
/// the image types below). `POST /api/v2/media` takes multipart `file` (type sniffed from the
/// bytes; a type it does not take is `422 Validation failed: File content type is invalid`, a
/// file over the limit `422 Validation failed: File file size must be less than 16 MB`) and
/// `description`; an image of at least ``asynchronousBytes`` answers `202` with `url: null`,
/// and `GET /api/v1/media/:id` answers `206` once, then `200` with the URL. A status's
/// `media_ids` must be the same token's, processed and not yet attached (422 otherwise).
///
/// After posting: `GET /api/v1/statuses/:id` shows any status still there (to every token, as
/// a public status is); `DELETE` answers the deleted status with its source `text`, and `PUT`
/// (`status`, `media_ids` among the status's own) the edited one with `edited_at`; both answer
/// `404 Record not found` for a status that is gone or another token's.
struct MastodonEmulator: NetworkEmulator {
    static let routes: [LoopbackRoute] = [.mastodonStatuses, .mastodonStatus, .mastodonMedia, .mastodonMediaAttachment, .mastodonInstance]

    static func match(_ segments: [String]) -> RouteMatch? {
        switch segments {
        case ["api", "v1", "statuses"]: RouteMatch(route: .mastodonStatuses)
        case let path where path.count == 4 && path.starts(with: ["api", "v1", "statuses"]):
            RouteMatch(route: .mastodonStatus, captures: ["id": path[3]])
        case ["api", "v2", "media"]: RouteMatch(route: .mastodonMedia)
        case ["api", "v2", "instance"]: RouteMatch(route: .mastodonInstance)
        case let path where path.count == 4 && path.starts(with: ["api", "v1", "media"]):
            RouteMatch(route: .mastodonMediaAttachment, captures: ["id": path[3]])
        default: nil
        }
    }

    /// Mastodon's default image size limit: 16 MB.
    static let imageSizeLimit = 16 * 1024 * 1024
    /// Mastodon's default image matrix limit (7680 × 4320).
    static let imageMatrixLimit = 33_177_600
    /// The image types Mastodon takes.
    static let supportedImageTypes = ["image/jpeg", "image/png", "image/gif", "image/heic", "image/heif", "image/webp", "image/avif"]
    /// Images at least this large are processed in the background (202), as larger uploads are.
    static let asynchronousBytes = 16 * 1024

    /// An uploaded attachment.
    private struct Attachment {
        var owner: String
        var media: LoopbackMedia
        /// Polls left before the attachment is processed.
        var pollsUntilReady: Int
        var attached = false
    }

    private var attachments: [String: Attachment] = [:]
    private var nextMediaID = 113_000_000_000_000_001

    private var nextID = 110_000_000_000_000_001
    /// The status answered for each (token, key).
    private var statusesByKey: [String: HTTPResponse] = [:]
    private var ids: Set<String> = []
    /// Each status still there: who posted it, its text and its media, by id.
    private var statuses: [String: (owner: String, text: String, mediaIDs: [String])] = [:]

    mutating func handle(_ request: LoopbackRequest, match: RouteMatch, context: EmulatorContext) -> EmulatorResult {
        if match.route == .mastodonInstance { return EmulatorResult(Self.instance(request)) }
        let methods: Set<String> =
            switch match.route {
            case .mastodonMediaAttachment: ["GET"]
            case .mastodonStatus: ["GET", "DELETE", "PUT"]
            default: ["POST"]
            }
        guard methods.contains(request.method) else { return EmulatorResult(LoopbackBody.json(404, ["error": "Record not found"])) }
        guard let token = request.bearerToken, context.accepts(token) else {
            return EmulatorResult(Self.error(401, route: match.route, reset: context.now, context: context))
        }
        switch match.route {
        case .mastodonStatus:
            let id = match.captures["id"] ?? ""
            switch request.method {
            case "GET":
                // A public status is visible to every account; a deleted one is not found.
                guard let status = statuses[id] else { return EmulatorResult(LoopbackBody.json(404, ["error": "Record not found"])) }
                return EmulatorResult(LoopbackBody.json(200, Self.statusJSON(id, text: status.text, request: request, context: context, extra: [:])))
            case "DELETE": return delete(id, token: token, request: request, context: context)
            default: return edit(id, token: token, request: request, context: context)
            }
        case .mastodonMedia: return EmulatorResult(upload(request, token: token))
        case .mastodonMediaAttachment: return EmulatorResult(attachment(match.captures["id"] ?? "", token: token, request: request))
        default: break
        }
        let key = request.headers["Idempotency-Key"]
        if let key, let original = statusesByKey[token + "\n" + key] {
            return EmulatorResult(original)
        }
        let parameters = request.parameters(["status", "in_reply_to_id", "visibility", "language"])
        let text = parameters["status"] ?? ""
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            return EmulatorResult(LoopbackBody.json(422, ["error": "Validation failed: Text can't be blank"]))
        }
        guard MastodonLength.count(text) <= MastodonLength.defaultLimit else {
            return EmulatorResult(LoopbackBody.json(422, ["error": "Validation failed: Text character limit of 500 exceeded"]))
        }
        let replyTo = parameters["in_reply_to_id"]
        if let replyTo, !ids.contains(replyTo) {
            return EmulatorResult(LoopbackBody.json(404, ["error": "Record not found"]))
        }
        let mediaIDs = Self.mediaIDs(of: request)
        if mediaIDs.count > 4 {
            return EmulatorResult(LoopbackBody.json(422, ["error": "Validation failed: Media attachments can't exceed 4"]))
        }
        for mediaID in mediaIDs {
            guard let attachment = attachments[mediaID], attachment.owner == token, !attachment.attached else {
                return EmulatorResult(LoopbackBody.json(404, ["error": "Record not found"]))
            }
            guard attachment.pollsUntilReady == 0 else {
                return EmulatorResult(LoopbackBody.json(422, ["error": "Cannot attach files that have not finished processing. Try again in a moment!"]))
            }
        }
        let id = String(nextID)
        nextID += 1
        ids.insert(id)
        let host = request.headers["Host"] ?? "127.0.0.1"
        let status: [String: Any] = [
            "id": id, "url": "http://\(host)/@loopback/\(id)", "uri": "http://\(host)/users/loopback/statuses/\(id)",
            "created_at": LoopbackBody.iso8601(context.now), "content": "<p>\(Self.escape(text))</p>",
            "visibility": parameters["visibility"] ?? "public", "in_reply_to_id": replyTo ?? NSNull(),
            "language": parameters["language"] ?? NSNull(),
        ]
        let response = LoopbackBody.json(200, status, headers: Self.rateHeaders(remaining: 299, reset: context.now.addingTimeInterval(300)))
        if let key { statusesByKey[token + "\n" + key] = response }
        statuses[id] = (token, text, mediaIDs)
        var post = LoopbackPost(network: .mastodon, id: id, text: text, author: token, replyTo: replyTo, idempotencyKey: key)
        for mediaID in mediaIDs {
            attachments[mediaID]?.attached = true
            if let media = attachments[mediaID]?.media { post.media.append(media) }
        }
        return EmulatorResult(response, post: post)
    }

    /// `DELETE /api/v1/statuses/:id`: the deleted status with its source `text`; 404 once gone
    /// or when another account's.
    private mutating func delete(_ id: String, token: String, request: LoopbackRequest, context: EmulatorContext) -> EmulatorResult {
        guard let status = statuses[id], status.owner == token else {
            return EmulatorResult(LoopbackBody.json(404, ["error": "Record not found"]))
        }
        statuses[id] = nil
        let body = Self.statusJSON(id, text: status.text, request: request, context: context, extra: ["text": status.text])
        return EmulatorResult(LoopbackBody.json(200, body), changes: [.deleted(.mastodon, id: id)])
    }

    /// `PUT /api/v1/statuses/:id`: the edited status. `media_ids` replaces the attachments (the
    /// ones kept must be this status's); 404 once gone, 422 for an empty or too long text.
    private mutating func edit(_ id: String, token: String, request: LoopbackRequest, context: EmulatorContext) -> EmulatorResult {
        guard let status = statuses[id], status.owner == token else {
            return EmulatorResult(LoopbackBody.json(404, ["error": "Record not found"]))
        }
        let text = request.parameters(["status"])["status"] ?? ""
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            return EmulatorResult(LoopbackBody.json(422, ["error": "Validation failed: Text can't be blank"]))
        }
        guard MastodonLength.count(text) <= MastodonLength.defaultLimit else {
            return EmulatorResult(LoopbackBody.json(422, ["error": "Validation failed: Text character limit of 500 exceeded"]))
        }
        let mediaIDs = Self.mediaIDs(of: request)
        guard Set(mediaIDs).isSubset(of: Set(status.mediaIDs)) else {
            return EmulatorResult(LoopbackBody.json(422, ["error": "Validation failed: Media attachments are invalid"]))
        }
        statuses[id] = (token, text, mediaIDs)
        let body = Self.statusJSON(id, text: text, request: request, context: context, extra: ["edited_at": LoopbackBody.iso8601(context.now)])
        return EmulatorResult(LoopbackBody.json(200, body), changes: [.edited(.mastodon, id: id, text: text)])
    }

    /// A Status for `id` showing `text`.
    static func statusJSON(_ id: String, text: String, request: LoopbackRequest, context: EmulatorContext, extra: [String: Any]) -> [String: Any] {
        let host = request.headers["Host"] ?? "127.0.0.1"
        var status: [String: Any] = [
            "id": id, "url": "http://\(host)/@loopback/\(id)", "uri": "http://\(host)/users/loopback/statuses/\(id)",
            "created_at": LoopbackBody.iso8601(context.now), "content": "<p>\(escape(text))</p>",
        ]
        for (key, value) in extra { status[key] = value }
        return status
    }

    /// A status's `media_ids`: a JSON array, or `media_ids[]` form or query fields.
    static func mediaIDs(of request: LoopbackRequest) -> [String] {
        if let ids = request.jsonObject?["media_ids"] as? [Any] {
            return ids.map { ($0 as? String) ?? "\($0)" }
        }
        return (request.queryItems + request.formFields + request.multipartFields).filter { $0.name == "media_ids[]" }.map(\.value)
    }

    /// `GET /api/v2/instance`, the parts clients read for posting.
    static func instance(_ request: LoopbackRequest) -> HTTPResponse {
        LoopbackBody.json(200, [
            "domain": request.headers["Host"] ?? "127.0.0.1", "title": "Loopback", "version": "4.3.0",
            "configuration": [
                "statuses": ["max_characters": MastodonLength.defaultLimit, "max_media_attachments": 4, "characters_reserved_per_url": 23],
                "media_attachments": [
                    "supported_mime_types": supportedImageTypes, "image_size_limit": imageSizeLimit,
                    "image_matrix_limit": imageMatrixLimit, "description_limit": 1_500,
                ],
            ],
        ])
    }

    /// `POST /api/v2/media`.
    private mutating func upload(_ request: LoopbackRequest, token: String) -> HTTPResponse {
        guard let file = request.multipartParts.first(where: { $0.name == "file" }) else {
            return LoopbackBody.json(422, ["error": "Validation failed: File can't be blank"])
        }
        guard let header = ImageHeader(file.data), Self.supportedImageTypes.contains(header.format.mimeType) else {
            return LoopbackBody.json(422, ["error": "Validation failed: File content type is invalid"])
        }
        guard file.data.count <= Self.imageSizeLimit else {
            return LoopbackBody.json(422, ["error": "Validation failed: File file size must be less than 16 MB"])
        }
        let description = request.multipartFields.first { $0.name == "description" }?.value
        if let description, description.count > 1_500 {
            return LoopbackBody.json(422, ["error": "Validation failed: Description is too long (maximum is 1500 characters)"])
        }
        let id = String(nextMediaID)
        nextMediaID += 1
        let media = LoopbackMedia(
            id: id, contentType: header.format.mimeType, byteCount: file.data.count, sha256: XEmulator.sha256(file.data),
            alt: description)
        let processing = file.data.count >= Self.asynchronousBytes
        attachments[id] = Attachment(owner: token, media: media, pollsUntilReady: processing ? 2 : 0)
        return LoopbackBody.json(processing ? 202 : 200, Self.attachmentJSON(id, media: media, ready: !processing, request: request))
    }

    /// `GET /api/v1/media/:id`: 206 while processing, then 200.
    private mutating func attachment(_ id: String, token: String, request: LoopbackRequest) -> HTTPResponse {
        guard var attachment = attachments[id], attachment.owner == token else {
            return LoopbackBody.json(404, ["error": "Record not found"])
        }
        if attachment.pollsUntilReady > 0 { attachment.pollsUntilReady -= 1 }
        attachments[id] = attachment
        let ready = attachment.pollsUntilReady == 0
        return LoopbackBody.json(ready ? 200 : 206, Self.attachmentJSON(id, media: attachment.media, ready: ready, request: request))
    }

    /// A MediaAttachment; `url` is null until processed.
    static func attachmentJSON(_ id: String, media: LoopbackMedia, ready: Bool, request: LoopbackRequest) -> [String: Any] {
        let base = "http://\(request.headers["Host"] ?? "127.0.0.1")/system/media_attachments/files/\(id)"
        return [
            "id": id, "type": "image", "url": ready ? "\(base)/original" : NSNull(), "preview_url": "\(base)/small",
            "remote_url": NSNull(), "description": media.alt ?? NSNull(), "blurhash": NSNull(),
        ]
    }

    static func error(_ status: Int, route: LoopbackRoute, reset: Date, context: EmulatorContext) -> HTTPResponse {
        switch status {
        case 413 where route == .mastodonMedia:
            // nginx's answer when the body is over client_max_body_size, before Mastodon sees it.
            LoopbackBody.text(413, "<html>\r\n<head><title>413 Request Entity Too Large</title></head>\r\n<body>\r\n<center><h1>413 Request Entity Too Large</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n")
        case 422 where route == .mastodonMedia: LoopbackBody.json(422, ["error": "Validation failed: File content type is invalid"])
        case 401: LoopbackBody.json(401, ["error": "The access token is invalid"], headers: ["WWW-Authenticate": #"Bearer realm="Doorkeeper", error="invalid_token", error_description="The access token is invalid""#])
        case 403: LoopbackBody.json(403, ["error": "This action is not allowed"])
        case 429: LoopbackBody.json(429, ["error": "Too many requests"], headers: rateHeaders(remaining: 0, reset: reset))
        case 500: LoopbackBody.json(500, ["error": "We're sorry, but something went wrong on our end."])
        default: LoopbackBody.json(status, ["error": LoopbackBody.reason(status)])
        }
    }

    /// `text` with `&`, `<`, `>` and `"` escaped, as Mastodon renders `content`.
    static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 }) else { return text }
        return text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    static func rateHeaders(remaining: Int, reset: Date) -> HTTPHeaders {
        ["X-RateLimit-Limit": "300", "X-RateLimit-Remaining": String(remaining), "X-RateLimit-Reset": LoopbackBody.iso8601(reset)]
    }
}

extension LoopbackRoute {
    /// Mastodon: `POST /api/v1/statuses`.
    public static let mastodonStatuses = LoopbackRoute("mastodonStatuses", network: .mastodon)
    /// Mastodon: `GET`, `DELETE` and `PUT /api/v1/statuses/:id`.
    public static let mastodonStatus = LoopbackRoute("mastodonStatus", network: .mastodon)
    /// Mastodon: `POST /api/v2/media`.
    public static let mastodonMedia = LoopbackRoute("mastodonMedia", network: .mastodon)
    /// Mastodon: `GET /api/v1/media/:id`.
    public static let mastodonMediaAttachment = LoopbackRoute("mastodonMediaAttachment", network: .mastodon)
    /// Mastodon: `GET /api/v2/instance`.
    public static let mastodonInstance = LoopbackRoute("mastodonInstance", network: .mastodon)
}
