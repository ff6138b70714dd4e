import Crypto
import Foundation
import Syndicate

/// A Bluesky PDS's XRPC endpoints: createSession (identifier and app password in, JWTs out),
/// refreshSession (the refreshJwt as bearer), uploadBlob and createRecord (an accessJwt this
/// server issued as bearer), and resolveHandle (a GET: the handles of this server's sessions
/// and any `*.bsky.social` handle resolve, to a DID stable per handle; others are 400
/// `InvalidRequest` "Unable to resolve handle").
///
/// createRecord refuses a `repo` other than the session's DID and an `rkey` already used in
/// that collection (400 `InvalidRequest`), so a retried create with a deterministic rkey
/// collides instead of duplicating. It validates the record as the PDS does against the
/// `app.bsky.feed.post` lexicon (``validate(record:)``): `$type`, `text` (≤ 300 graphemes and
/// 3000 bytes), `createdAt`, and every facet — `byteStart < byteEnd ≤` the text's UTF-8
/// length, both on character boundaries, a `#link` `uri` that is an http(s) URL, a `#tag`
/// without a leading `#` of 1–64 graphemes, a `#mention` `did` that is a DID — and an
/// `app.bsky.embed.external` card's `uri`, `title` and `description`, an
/// `app.bsky.embed.images` of at most 4 images each with an `alt`; a violation is 400
/// `InvalidRequest`.
///
/// Blobs are kept per DID as the PDS keeps them (atproto `packages/pds/src/actor-store/blob/
/// transactor.ts`): uploadBlob stores the type sniffed from the bytes (the declared
/// `Content-Type` when the bytes are no image it knows) and answers the blob with a CIDv1 raw
/// sha-256 reference. A record's blob (an image, a card's thumb) must be one this DID uploaded
/// (else 400 `BlobNotFound`), of at most 1,000,000 bytes (`BlobTooLarge`, "This file is too
/// large. It is 1.14MB but the maximum size is 976.56KB."), referenced with the stored type
/// (`InvalidMimeType`, "Referenced Mimetype does not match stored blob") and size
/// (`InvalidSize`), and an `image/*` (`InvalidMimeType`, "Wrong type of file"). Each post's
/// images are recorded as ``LoopbackPost/media``.
///
/// deleteRecord (`repo`, `collection`, `rkey`) answers `200 {"commit": {"cid", "rev"}}` and
/// frees the record key; a record that is not there is a `200 {}` no-op, as on the PDS
/// (`packages/pds/src/api/com/atproto/repo/deleteRecord.ts`). Another account's repo is
/// `401 AuthenticationRequired`, an unknown one `400 InvalidRequest` "Could not find repo".
///
/// Errors are `{"error","message"}`; a 429 carries `RateLimit-Limit/-Remaining/-Reset` (Unix
/// seconds) and `RateLimit-Policy`.
struct BlueskyEmulator: NetworkEmulator {
    static let routes: [LoopbackRoute] = [
        .blueskyCreateSession, .blueskyRefreshSession, .blueskyCreateRecord, .blueskyDeleteRecord, .blueskyUploadBlob,
        .blueskyResolveHandle,
    ]

    static func match(_ segments: [String]) -> RouteMatch? {
        guard segments.count == 2, segments[0] == "xrpc" else { return nil }
        let routes: [String: LoopbackRoute] = [
            "com.atproto.server.createSession": .blueskyCreateSession,
            "com.atproto.server.refreshSession": .blueskyRefreshSession,
            "com.atproto.repo.createRecord": .blueskyCreateRecord,
            "com.atproto.repo.deleteRecord": .blueskyDeleteRecord,
            "com.atproto.repo.uploadBlob": .blueskyUploadBlob,
            "com.atproto.identity.resolveHandle": .blueskyResolveHandle,
        ]
        return routes[segments[1]].map { RouteMatch(route: $0) }
    }

    private struct Session: Sendable {
        var did: String
        var handle: String
    }

    private var number = 0
    private var accessTokens: [String: Session] = [:]
    private var refreshTokens: [String: Session] = [:]
    private var dids: [String: String] = [:]
    /// Record keys used, as `did/collection/rkey`.
    private var records: Set<String> = []
    /// The blobs each DID uploaded, by CID.
    private var blobs: [String: [String: StoredBlob]] = [:]

    /// A blob as the PDS stored it: the sniffed type, the size and the digest of the bytes.
    struct StoredBlob: Sendable {
        var mimeType: String
        var size: Int
        var sha256: String
    }

    /// The largest image blob `app.bsky.embed.images` and a card's `thumb` take (`maxSize`).
    static let maximumImageBlobSize = 1_000_000

    mutating func handle(_ request: LoopbackRequest, match: RouteMatch, context: EmulatorContext) -> EmulatorResult {
        if match.route == .blueskyResolveHandle { return EmulatorResult(resolveHandle(request)) }
        guard request.method == "POST" else {
            return EmulatorResult(LoopbackBody.json(405, ["error": "InvalidRequest", "message": "Method Not Allowed"]))
        }
        switch match.route {
        case .blueskyCreateSession: return EmulatorResult(createSession(request, context: context))
        case .blueskyRefreshSession: return EmulatorResult(refreshSession(request, context: context))
        case .blueskyUploadBlob: return EmulatorResult(uploadBlob(request))
        case .blueskyDeleteRecord: return deleteRecord(request)
        default: return createRecord(request, context: context)
        }
    }

    private mutating func issue(_ session: Session) -> HTTPResponse {
        number += 1
        let access = "loopback-access-jwt-\(number)"
        let refresh = "loopback-refresh-jwt-\(number)"
        accessTokens[access] = session
        refreshTokens[refresh] = session
        return LoopbackBody.json(
            200, ["accessJwt": access, "refreshJwt": refresh, "handle": session.handle, "did": session.did, "active": true])
    }

    private mutating func createSession(_ request: LoopbackRequest, context: EmulatorContext) -> HTTPResponse {
        guard let body = request.jsonObject, let identifier = body["identifier"] as? String, let password = body["password"] as? String
        else {
            return LoopbackBody.json(400, ["error": "InvalidRequest", "message": "Input must have the property \"identifier\""])
        }
        guard password == context.blueskyPassword else {
            return LoopbackBody.json(401, ["error": "AuthenticationRequired", "message": "Invalid identifier or password"])
        }
        let handle = identifier.hasPrefix("did:") ? "loopback.bsky.social" : identifier
        let did = dids[identifier] ?? (identifier.hasPrefix("did:") ? identifier : "did:plc:loopback\(dids.count + 1)")
        dids[identifier] = did
        return issue(Session(did: did, handle: handle))
    }

    private func resolveHandle(_ request: LoopbackRequest) -> HTTPResponse {
        guard request.method == "GET" else {
            return LoopbackBody.json(405, ["error": "InvalidRequest", "message": "Method Not Allowed"])
        }
        guard let handle = request.parameter("handle")?.lowercased(), handle.contains("."), !handle.hasPrefix("@") else {
            return LoopbackBody.json(400, ["error": "InvalidRequest", "message": "Error: handle must be a valid handle"])
        }
        if let did = dids.first(where: { $0.key.lowercased() == handle })?.value {
            return LoopbackBody.json(200, ["did": did])
        }
        guard handle.hasSuffix(".bsky.social") else {
            return LoopbackBody.json(400, ["error": "InvalidRequest", "message": "Unable to resolve handle"])
        }
        let digest = handle.utf8.reduce(UInt64(14_695_981_039_346_656_037)) { ($0 ^ UInt64($1)) &* 1_099_511_628_211 }
        return LoopbackBody.json(200, ["did": "did:plc:loopback\(String(digest, radix: 32))"])
    }

    private mutating func refreshSession(_ request: LoopbackRequest, context: EmulatorContext) -> HTTPResponse {
        guard let token = request.bearerToken, let session = refreshTokens.removeValue(forKey: token) else {
            return Self.invalidToken
        }
        return issue(session)
    }

    private mutating func uploadBlob(_ request: LoopbackRequest) -> HTTPResponse {
        guard let token = request.bearerToken, let session = accessTokens[token] else { return Self.invalidToken }
        let declared = request.headers["Content-Type"].flatMap { $0.split(separator: ";").first }
            .map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        let type = ImageHeader(request.body)?.format.mimeType ?? declared ?? "application/octet-stream"
        let digest = Array(SHA256.hash(data: request.body))
        let cid = Self.cid(sha256: digest)
        blobs[session.did, default: [:]][cid] = StoredBlob(
            mimeType: type, size: request.body.count, sha256: digest.map { String(format: "%02x", $0) }.joined())
        return LoopbackBody.json(
            200, ["blob": ["$type": "blob", "ref": ["$link": cid], "mimeType": type, "size": request.body.count] as [String: Any]])
    }

    /// The CIDv1 (raw codec, sha-256) of bytes with `digest`, in base32 with its `b` prefix.
    static func cid(sha256 digest: [UInt8]) -> String {
        let bytes: [UInt8] = [0x01, 0x55, 0x12, 0x20] + digest
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz234567")
        var text = "b"
        var buffer = 0
        var bits = 0
        for byte in bytes {
            buffer = (buffer << 8) | Int(byte)
            bits += 8
            while bits >= 5 {
                text.append(alphabet[(buffer >> (bits - 5)) & 31])
                bits -= 5
            }
        }
        if bits > 0 { text.append(alphabet[(buffer << (5 - bits)) & 31]) }
        return text
    }

    /// `count` bytes as the PDS's messages write them (the `bytes` package: 1024-based, two
    /// decimals at most): `976.56KB`, `1.14MB`.
    static func formatted(bytes count: Int) -> String {
        let units = ["B", "KB", "MB", "GB"]
        var value = Double(count)
        var unit = 0
        while value >= 1024, unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        guard unit > 0 else { return "\(count)B" }
        var text = String(format: "%.2f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text + units[unit]
    }

    /// The blob references of `record`'s embed with their paths and alt texts: the images of an
    /// `app.bsky.embed.images` (alt included) or a card's `thumb`.
    static func blobReferences(in record: [String: Any]) -> [(path: String, blob: [String: Any], alt: String?)] {
        guard let embed = record["embed"] as? [String: Any] else { return [] }
        switch embed["$type"] as? String {
        case "app.bsky.embed.images":
            let images = embed["images"] as? [[String: Any]] ?? []
            return images.enumerated().compactMap { number, image in
                (image["image"] as? [String: Any]).map { ("Record/embed/images/\(number)/image", $0, image["alt"] as? String) }
            }
        case "app.bsky.embed.external":
            guard let thumb = (embed["external"] as? [String: Any])?["thumb"] as? [String: Any] else { return [] }
            return [("Record/embed/external/thumb", thumb, nil)]
        default:
            return []
        }
    }

    /// Why the PDS refuses `reference` (a record's blob) for `did`, as its `{"error","message"}`, or nil.
    private func problem(with reference: [String: Any], did: String) -> (error: String, message: String)? {
        guard reference["$type"] as? String == "blob", let cid = (reference["ref"] as? [String: Any])?["$link"] as? String,
            let mimeType = reference["mimeType"] as? String, let size = (reference["size"] as? NSNumber)?.intValue
        else { return ("InvalidRequest", "Invalid app.bsky.feed.post record: blob reference must have $type, ref, mimeType and size") }
        guard let stored = blobs[did]?[cid] else { return ("BlobNotFound", "Could not find blob: \(cid)") }
        if stored.size > Self.maximumImageBlobSize {
            return (
                "BlobTooLarge",
                "This file is too large. It is \(Self.formatted(bytes: stored.size)) but the maximum size is \(Self.formatted(bytes: Self.maximumImageBlobSize))."
            )
        }
        if mimeType != stored.mimeType {
            return ("InvalidMimeType", "Referenced Mimetype does not match stored blob. Expected: \(stored.mimeType), Got: \(mimeType)")
        }
        if size != stored.size {
            return ("InvalidSize", "Referenced Size does not match stored blob. Expected: \(stored.size), Got: \(size)")
        }
        if !stored.mimeType.hasPrefix("image/") {
            return ("InvalidMimeType", "Wrong type of file. It is \(stored.mimeType) but it must match image/*.")
        }
        return nil
    }

    private mutating func createRecord(_ request: LoopbackRequest, context: EmulatorContext) -> EmulatorResult {
        guard let token = request.bearerToken, let session = accessTokens[token] else { return EmulatorResult(Self.invalidToken) }
        guard let body = request.jsonObject, let repo = body["repo"] as? String, let collection = body["collection"] as? String,
            let record = body["record"] as? [String: Any]
        else {
            return EmulatorResult(LoopbackBody.json(400, ["error": "InvalidRequest", "message": "Input must have the properties \"repo\", \"collection\" and \"record\""]))
        }
        guard repo == session.did || repo == session.handle else {
            return EmulatorResult(LoopbackBody.json(401, ["error": "InvalidToken", "message": "Token does not match the repo"]))
        }
        if let problem = Self.validate(record: record, collection: collection) {
            return EmulatorResult(LoopbackBody.json(400, ["error": "InvalidRequest", "message": problem]))
        }
        let references = Self.blobReferences(in: record)
        for reference in references {
            if let refused = problem(with: reference.blob, did: session.did) {
                return EmulatorResult(LoopbackBody.json(400, ["error": refused.error, "message": refused.message]))
            }
        }
        number += 1
        let rkey = body["rkey"] as? String ?? "3loopback\(number)"
        guard records.insert("\(session.did)/\(collection)/\(rkey)").inserted else {
            return EmulatorResult(LoopbackBody.json(400, ["error": "InvalidRequest", "message": "Record already exists: at://\(session.did)/\(collection)/\(rkey)"]))
        }
        let uri = "at://\(session.did)/\(collection)/\(rkey)"
        let text = record["text"] as? String ?? ""
        let replyTo = ((record["reply"] as? [String: Any])?["parent"] as? [String: Any])?["uri"] as? String
        var post = LoopbackPost(network: .bluesky, id: uri, text: text, author: session.did, replyTo: replyTo)
        post.media = references.compactMap { reference in
            guard let cid = (reference.blob["ref"] as? [String: Any])?["$link"] as? String, let stored = blobs[session.did]?[cid],
                reference.path.hasPrefix("Record/embed/images/")
            else { return nil }
            return LoopbackMedia(id: cid, contentType: stored.mimeType, byteCount: stored.size, sha256: stored.sha256, alt: reference.alt)
        }
        return EmulatorResult(
            LoopbackBody.json(200, ["uri": uri, "cid": "bafyreiloopback\(number)", "validationStatus": "valid"]), post: post)
    }

    /// `com.atproto.repo.deleteRecord`: deletes the record and frees its key; a no-op `200 {}`
    /// when there is none.
    private mutating func deleteRecord(_ request: LoopbackRequest) -> EmulatorResult {
        guard let token = request.bearerToken, let session = accessTokens[token] else { return EmulatorResult(Self.invalidToken) }
        guard let body = request.jsonObject, let repo = body["repo"] as? String, let collection = body["collection"] as? String,
            let rkey = body["rkey"] as? String
        else {
            return EmulatorResult(LoopbackBody.json(400, ["error": "InvalidRequest", "message": "Input must have the properties \"repo\", \"collection\" and \"rkey\""]))
        }
        guard repo == session.did || repo == session.handle else {
            let known = dids.values.contains(repo) || dids.keys.contains(repo)
            return EmulatorResult(
                known
                    ? LoopbackBody.json(401, ["error": "AuthenticationRequired", "message": "Authentication Required"])
                    : LoopbackBody.json(400, ["error": "InvalidRequest", "message": "Could not find repo: \(repo)"]))
        }
        guard records.remove("\(session.did)/\(collection)/\(rkey)") != nil else {
            return EmulatorResult(LoopbackBody.json(200, [String: Any]()))
        }
        number += 1
        return EmulatorResult(
            LoopbackBody.json(200, ["commit": ["cid": "bafyreiloopback\(number)", "rev": "3loopbackrev\(number)"]]),
            changes: [.deleted(.bluesky, id: "at://\(session.did)/\(collection)/\(rkey)")])
    }

    /// Why `record` is not a valid `app.bsky.feed.post`, in the PDS's words, or nil when it is.
    static func validate(record: [String: Any], collection: String) -> String? {
        let prefix = "Invalid app.bsky.feed.post record: "
        guard collection == "app.bsky.feed.post" else { return nil }   // other collections are not checked
        guard record["$type"] as? String == "app.bsky.feed.post" else { return prefix + "Record/$type must be app.bsky.feed.post" }
        guard let text = record["text"] as? String else { return prefix + "Record must have the property \"text\"" }
        guard text.count <= 300 else { return prefix + "Record/text must not be longer than 300 graphemes" }
        guard text.utf8.count <= 3000 else { return prefix + "Record/text must not be longer than 3000 characters" }
        guard let createdAt = record["createdAt"] as? String, DateParsing.date(from: createdAt) != nil else {
            return prefix + "Record/createdAt must be an valid atproto datetime (both RFC-3339 and ISO-8601)"
        }
        if let facets = record["facets"] {
            guard let facets = facets as? [[String: Any]] else { return prefix + "Record/facets must be an array" }
            let boundaries = characterBoundaries(of: text)
            for (number, facet) in facets.enumerated() {
                if let problem = validate(facet: facet, text: text, boundaries: boundaries) {
                    return prefix + "Record/facets/\(number)/" + problem
                }
            }
        }
        if let embed = record["embed"] as? [String: Any], embed["$type"] as? String == "app.bsky.embed.external" {
            guard let external = embed["external"] as? [String: Any], let uri = external["uri"] as? String, isHTTPURL(uri),
                external["title"] is String, external["description"] is String
            else { return prefix + "Record/embed/external must have an http(s) \"uri\", a \"title\" and a \"description\"" }
        }
        if let embed = record["embed"] as? [String: Any], embed["$type"] as? String == "app.bsky.embed.images" {
            guard let images = embed["images"] as? [[String: Any]] else {
                return prefix + "Record/embed must have the property \"images\""
            }
            guard images.count <= 4 else { return prefix + "Record/embed/images must not have more than 4 elements" }
            for (number, image) in images.enumerated() {
                guard image["image"] is [String: Any] else {
                    return prefix + "Record/embed/images/\(number) must have the property \"image\""
                }
                guard image["alt"] is String else { return prefix + "Record/embed/images/\(number) must have the property \"alt\"" }
                if let ratio = image["aspectRatio"] {
                    guard let ratio = ratio as? [String: Any], let width = (ratio["width"] as? NSNumber)?.intValue,
                        let height = (ratio["height"] as? NSNumber)?.intValue, width >= 1, height >= 1
                    else { return prefix + "Record/embed/images/\(number)/aspectRatio must have an integer width and height of at least 1" }
                }
            }
        }
        return nil
    }

    /// Why `facet` is not a valid `app.bsky.richtext.facet` of `text`, or nil.
    private static func validate(facet: [String: Any], text: String, boundaries: Set<Int>) -> String? {
        guard let index = facet["index"] as? [String: Any], let start = (index["byteStart"] as? NSNumber)?.intValue,
            let end = (index["byteEnd"] as? NSNumber)?.intValue
        else { return "index must have the integer properties \"byteStart\" and \"byteEnd\"" }
        guard start >= 0, start < end else { return "index/byteStart must be less than byteEnd" }
        guard end <= text.utf8.count else { return "index/byteEnd must not be past the end of the text (\(text.utf8.count) bytes)" }
        guard boundaries.contains(start), boundaries.contains(end) else {
            return "index must start and end on character boundaries of the text"
        }
        guard let features = facet["features"] as? [[String: Any]], !features.isEmpty else {
            return "features must be a non-empty array"
        }
        for (number, feature) in features.enumerated() {
            let path = "features/\(number)"
            switch feature["$type"] as? String {
            case "app.bsky.richtext.facet#link":
                guard let uri = feature["uri"] as? String, isHTTPURL(uri) else { return path + "/uri must be an http(s) URL" }
            case "app.bsky.richtext.facet#tag":
                guard let tag = feature["tag"] as? String, !tag.isEmpty else { return path + "/tag must not be empty" }
                guard !tag.hasPrefix("#"), !tag.hasPrefix("＃") else { return path + "/tag must not start with #" }
                guard tag.count <= 64, tag.utf8.count <= 640 else { return path + "/tag must not be longer than 64 graphemes" }
            case "app.bsky.richtext.facet#mention":
                guard let did = feature["did"] as? String, did.hasPrefix("did:"), feature["unresolved"] == nil else {
                    return path + "/did must be a DID"
                }
            default:
                return path + " must be an app.bsky.richtext.facet#link, #tag or #mention"
            }
        }
        return nil
    }

    /// The UTF-8 offsets of `text` at which a character (grapheme cluster) starts, and its end.
    static func characterBoundaries(of text: String) -> Set<Int> {
        var offsets: Set<Int> = [text.utf8.count]
        for index in text.indices { offsets.insert(text.utf8.distance(from: text.startIndex, to: index)) }
        return offsets
    }

    /// Whether `text` is an absolute http or https URL with a host.
    static func isHTTPURL(_ text: String) -> Bool {
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
            scheme == "http" || scheme == "https", let host = components.host, !host.isEmpty
        else { return false }
        return true
    }

    private static let invalidToken = LoopbackBody.json(
        401, ["error": "InvalidToken", "message": "Token could not be verified"],
        headers: ["WWW-Authenticate": #"Bearer error="InvalidToken""#])

    static func error(_ status: Int, route: LoopbackRoute, reset: Date, context: EmulatorContext) -> HTTPResponse {
        switch status {
        case 400: LoopbackBody.json(400, ["error": "ExpiredToken", "message": "Token has expired"])
        case 401: invalidToken
        case 403: LoopbackBody.json(403, ["error": "AccountTakedown", "message": "Account has been taken down"])
        case 429:
            LoopbackBody.json(
                429, ["error": "RateLimitExceeded", "message": "Rate Limit Exceeded"],
                headers: [
                    "RateLimit-Limit": "30", "RateLimit-Remaining": "0", "RateLimit-Reset": LoopbackBody.epoch(reset),
                    "RateLimit-Policy": "30;w=300",
                ])
        case 500: LoopbackBody.json(500, ["error": "InternalServerError", "message": "Internal Server Error"])
        case 502: LoopbackBody.json(502, ["error": "UpstreamFailure", "message": "Upstream Failure"])
        default: LoopbackBody.json(status, ["error": LoopbackBody.reason(status).replacingOccurrences(of: " ", with: ""), "message": LoopbackBody.reason(status)])
        }
    }
}

extension LoopbackRoute {
    /// Bluesky: `POST /xrpc/com.atproto.server.createSession`.
    public static let blueskyCreateSession = LoopbackRoute("blueskyCreateSession", network: .bluesky)
    /// Bluesky: `POST /xrpc/com.atproto.server.refreshSession`.
    public static let blueskyRefreshSession = LoopbackRoute("blueskyRefreshSession", network: .bluesky)
    /// Bluesky: `POST /xrpc/com.atproto.repo.createRecord`.
    public static let blueskyCreateRecord = LoopbackRoute("blueskyCreateRecord", network: .bluesky)
    /// Bluesky: `POST /xrpc/com.atproto.repo.deleteRecord`.
    public static let blueskyDeleteRecord = LoopbackRoute("blueskyDeleteRecord", network: .bluesky)
    /// Bluesky: `POST /xrpc/com.atproto.repo.uploadBlob`.
    public static let blueskyUploadBlob = LoopbackRoute("blueskyUploadBlob", network: .bluesky)
    /// Bluesky: `GET /xrpc/com.atproto.identity.resolveHandle`.
    public static let blueskyResolveHandle = LoopbackRoute("blueskyResolveHandle", network: .bluesky)
}
