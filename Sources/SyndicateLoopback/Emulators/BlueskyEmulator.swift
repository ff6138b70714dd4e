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
/// `app.bsky.embed.external` card's `uri`, `title` and `description`; a violation is 400
/// `InvalidRequest`. Errors are `{"error","message"}`; a 429 carries
/// `RateLimit-Limit/-Remaining/-Reset` (Unix seconds) and `RateLimit-Policy`.
struct BlueskyEmulator: NetworkEmulator {
    static let routes: [LoopbackRoute] = [
        .blueskyCreateSession, .blueskyRefreshSession, .blueskyCreateRecord, .blueskyUploadBlob, .blueskyResolveHandle,
    ]

    static func match(_ segments: [String]) -> RouteMatch? {
        guard segments.count == 2, segments[0] == "xrpc" else { return nil }
        let routes: [String: LoopbackRoute] = [
            "com.atproto.server.createSession": .blueskyCreateSession,
            "com.atproto.server.refreshSession": .blueskyRefreshSession,
            "com.atproto.repo.createRecord": .blueskyCreateRecord,
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

    mutating func handle(_ request: LoopbackRequest, match: RouteMatch, context: EmulatorContext) -> EmulatorResult {
        if match.route == .blueskyResolveHandle { return EmulatorResult(resolveHandle(request)) }
        guard request.method == "POST" else {
            return EmulatorResult(LoopbackBody.json(405, ["error": "InvalidRequest", "message": "Method Not Allowed"]))
        }
        switch match.route {
        case .blueskyCreateSession: return EmulatorResult(createSession(request, context: context))
        case .blueskyRefreshSession: return EmulatorResult(refreshSession(request, context: context))
        case .blueskyUploadBlob: return EmulatorResult(uploadBlob(request))
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

    private func uploadBlob(_ request: LoopbackRequest) -> HTTPResponse {
        guard let token = request.bearerToken, accessTokens[token] != nil else { return Self.invalidToken }
        let type = request.headers["Content-Type"] ?? "application/octet-stream"
        let digest = request.body.reduce(UInt64(14_695_981_039_346_656_037)) { ($0 ^ UInt64($1)) &* 1_099_511_628_211 }
        let cid = "bafkreiloopback\(String(digest, radix: 32))"
        return LoopbackBody.json(
            200, ["blob": ["$type": "blob", "ref": ["$link": cid], "mimeType": type, "size": request.body.count] as [String: Any]])
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
        number += 1
        let rkey = body["rkey"] as? String ?? "3loopback\(number)"
        guard records.insert("\(session.did)/\(collection)/\(rkey)").inserted else {
            return EmulatorResult(LoopbackBody.json(400, ["error": "InvalidRequest", "message": "Record already exists: at://\(session.did)/\(collection)/\(rkey)"]))
        }
        let uri = "at://\(session.did)/\(collection)/\(rkey)"
        let text = record["text"] as? String ?? ""
        let replyTo = ((record["reply"] as? [String: Any])?["parent"] as? [String: Any])?["uri"] as? String
        return EmulatorResult(
            LoopbackBody.json(200, ["uri": uri, "cid": "bafyreiloopback\(number)", "validationStatus": "valid"]),
            post: LoopbackPost(network: .bluesky, id: uri, text: text, author: session.did, replyTo: replyTo))
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
    /// Bluesky: `POST /xrpc/com.atproto.repo.uploadBlob`.
    public static let blueskyUploadBlob = LoopbackRoute("blueskyUploadBlob", network: .bluesky)
    /// Bluesky: `GET /xrpc/com.atproto.identity.resolveHandle`.
    public static let blueskyResolveHandle = LoopbackRoute("blueskyResolveHandle", network: .bluesky)
}
