import Foundation
import Syndicate

/// A Bluesky PDS's XRPC endpoints: createSession (identifier and app password in, JWTs out),
/// refreshSession (the refreshJwt as bearer), uploadBlob and createRecord (an accessJwt this
/// server issued as bearer).
///
/// createRecord refuses a `repo` other than the session's DID and an `rkey` already used in
/// that collection (400 `InvalidRequest`), so a retried create with a deterministic rkey
/// collides instead of duplicating. Errors are `{"error","message"}`; a 429 carries
/// `RateLimit-Limit/-Remaining/-Reset` (Unix seconds) and `RateLimit-Policy`.
struct BlueskyEmulator: NetworkEmulator {
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
