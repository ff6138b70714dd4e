import Crypto
import Foundation
import Syndicate

/// X's `POST /2/tweets`: a bearer (OAuth 2.0) or OAuth 1.0a user token, `{"text"}` in, `201
/// {"data":{"id","text"}}` out, and identical text from the same token refused with 403
/// "duplicate content". Errors are X's RFC 7807-style problem documents; rate-limit headers
/// `x-rate-limit-limit/-remaining/-reset` (Unix seconds) come with every answer.
///
/// An OAuth 1.0a header is verified as X does: `HMAC-SHA1`, every protocol parameter present,
/// a timestamp within five minutes of the server's clock, an accepted `oauth_token`, and an
/// `oauth_signature` that the server recomputes (``OAuth1Signer``, from the method, the
/// `Host` header, path, query and any form fields) with the configured consumer and token
/// secrets. Any failure is X's 401 problem document.
///
/// Images: `POST /2/media/upload` (multipart `media` + `media_category`, signed like any other
/// request: multipart fields are not part of an OAuth 1.0a signature) answers `{"data": {"id",
/// "media_key", "size", "expires_after_secs", "image"}}`; the type is sniffed from the bytes and
/// a file that is not a JPEG, PNG, GIF or WebP, or is over 5 MB, is X's 400 invalid-request
/// problem. `POST /2/media/metadata` sets the alt text (at most 1,000 characters) of a media id
/// the same token uploaded. A post's `media.media_ids` (1–4 digit strings) must name media of
/// the same token, not yet attached; ``LoopbackPost/media`` records them.
///
/// Deleting: `DELETE /2/tweets/:id` (signed like any other request) answers `200 {"data":
/// {"deleted": true}}` and frees the post's text for a new post; a post already deleted or
/// never posted is X's 404 "Not Found Error" problem (`resource-not-found`), another token's
/// post a 403 problem. X's API cannot edit a post: any other method on a post is 405.
struct XEmulator: NetworkEmulator {
    static let routes: [LoopbackRoute] = [.xTweets, .xTweet, .xMediaUpload, .xMediaMetadata]

    static func match(_ segments: [String]) -> RouteMatch? {
        switch segments {
        case ["2", "tweets"]: RouteMatch(route: .xTweets)
        case let path where path.count == 3 && path.starts(with: ["2", "tweets"]):
            RouteMatch(route: .xTweet, captures: ["id": path[2]])
        case ["2", "media", "upload"]: RouteMatch(route: .xMediaUpload)
        case ["2", "media", "metadata"]: RouteMatch(route: .xMediaMetadata)
        default: nil
        }
    }

    /// The largest image X takes: 5 MB.
    static let maximumImageBytes = 5 * 1024 * 1024
    /// The formats X takes for `tweet_image`.
    static let imageFormats: Set<ImageFormat> = [.jpeg, .png, .gif, .webp]

    /// An uploaded image and the token that uploaded it.
    private struct Upload {
        var owner: String
        var media: LoopbackMedia
        var attached = false
    }

    private var uploads: [String: Upload] = [:]
    private var nextMediaID = 1_910_000_000_000_000_001

    /// How far an `oauth_timestamp` may be from the server's clock.
    static let timestampTolerance: TimeInterval = 300

    private var nextID = 1_900_000_000_000_000_001
    /// Texts posted, by token, for duplicate detection.
    private var texts: [String: Set<String>] = [:]
    private var ids: Set<String> = []
    /// Each post still there: the token that posted it and its text, by id.
    private var tweets: [String: (owner: String, text: String)] = [:]

    mutating func handle(_ request: LoopbackRequest, match: RouteMatch, context: EmulatorContext) -> EmulatorResult {
        let reset = context.now.addingTimeInterval(900)
        guard request.method == (match.route == .xTweet ? "DELETE" : "POST") else {
            return EmulatorResult(Self.problem(405, "Method Not Allowed", "Method Not Allowed", reset: reset))
        }
        guard let token = Self.token(of: request), context.accepts(token),
            request.bearerToken != nil || Self.verifiesOAuth1(request, context: context)
        else {
            return EmulatorResult(Self.error(401, route: match.route, reset: reset, context: context))
        }
        switch match.route {
        case .xMediaUpload: return EmulatorResult(upload(request, token: token, context: context))
        case .xMediaMetadata: return EmulatorResult(describe(request, token: token))
        case .xTweet: return delete(match.captures["id"] ?? "", token: token, reset: reset)
        default: break
        }
        guard let body = request.jsonObject, let text = body["text"] as? String else {
            return EmulatorResult(
                LoopbackBody.json(400, [
                    "errors": [["message": "Requests with bodies must have content-type of application/json."]],
                    "title": "Invalid Request", "detail": "One or more parameters to your request was invalid.",
                    "type": "https://api.twitter.com/2/problems/invalid-request",
                ]))
        }
        if texts[token, default: []].contains(text) {
            return EmulatorResult(Self.error(403, route: match.route, reset: reset, context: context))
        }
        let replyTo = (body["reply"] as? [String: Any])?["in_reply_to_tweet_id"] as? String
        if let replyTo, !ids.contains(replyTo) {
            return EmulatorResult(
                Self.problem(403, "Forbidden", "You attempted to reply to a Tweet that is deleted or not visible to you.", reset: reset))
        }
        var mediaIDs: [String] = []
        if let media = body["media"] {
            guard let ids = (media as? [String: Any])?["media_ids"] as? [String], (1...4).contains(ids.count),
                ids.allSatisfy({ uploads[$0]?.owner == token && uploads[$0]?.attached == false }), Set(ids).count == ids.count
            else {
                return EmulatorResult(Self.invalidRequest("Your media IDs are invalid."))
            }
            mediaIDs = ids
        }
        let id = String(nextID)
        nextID += 1
        ids.insert(id)
        texts[token, default: []].insert(text)
        tweets[id] = (token, text)
        var post = LoopbackPost(network: .x, id: id, text: text, author: token, replyTo: replyTo)
        for mediaID in mediaIDs {
            uploads[mediaID]?.attached = true
            if let media = uploads[mediaID]?.media { post.media.append(media) }
        }
        let response = LoopbackBody.json(201, ["data": ["id": id, "text": text]], headers: Self.rateHeaders(remaining: 99, reset: reset))
        return EmulatorResult(response, post: post)
    }

    /// `DELETE /2/tweets/:id`: `{"data": {"deleted": true}}`; 404 once gone, 403 for another
    /// token's post.
    private mutating func delete(_ id: String, token: String, reset: Date) -> EmulatorResult {
        guard let tweet = tweets[id] else {
            return EmulatorResult(
                LoopbackBody.json(
                    404,
                    [
                        "title": "Not Found Error", "detail": "Could not find tweet with id: [\(id)].",
                        "type": "https://api.twitter.com/2/problems/resource-not-found", "status": 404,
                    ], headers: Self.rateHeaders(remaining: 49, reset: reset)))
        }
        guard tweet.owner == token else {
            return EmulatorResult(Self.problem(403, "Forbidden", "You are not allowed to delete this Tweet.", reset: reset))
        }
        tweets[id] = nil
        ids.remove(id)
        texts[token]?.remove(tweet.text)
        let response = LoopbackBody.json(200, ["data": ["deleted": true]], headers: Self.rateHeaders(remaining: 49, reset: reset))
        return EmulatorResult(response, changes: [.deleted(.x, id: id)])
    }

    /// `POST /2/media/upload`: the bytes of `media`, checked by their own header.
    private mutating func upload(_ request: LoopbackRequest, token: String, context: EmulatorContext) -> HTTPResponse {
        let parts = request.multipartParts
        guard let file = parts.first(where: { $0.name == "media" && $0.fileName != nil }) ?? parts.first(where: { $0.name == "media" }),
            parts.contains(where: { $0.name == "media_category" })
        else {
            return Self.invalidRequest("The `media` and `media_category` fields are required.")
        }
        guard let header = ImageHeader(file.data), Self.imageFormats.contains(header.format) else {
            return Self.invalidRequest("media type unrecognized.")
        }
        guard file.data.count <= Self.maximumImageBytes else {
            return Self.invalidRequest("File size exceeds \(Self.maximumImageBytes) bytes.")
        }
        let id = String(nextMediaID)
        nextMediaID += 1
        let media = LoopbackMedia(
            id: id, contentType: header.format.mimeType, byteCount: file.data.count, sha256: Self.sha256(file.data))
        uploads[id] = Upload(owner: token, media: media)
        var image: [String: Any] = ["image_type": header.format.mimeType]
        if let width = header.width { image["w"] = width }
        if let height = header.height { image["h"] = height }
        return LoopbackBody.json(
            200, ["data": ["id": id, "media_key": "3_\(id)", "size": file.data.count, "expires_after_secs": 86_400, "image": image]],
            headers: Self.rateHeaders(remaining: 99, reset: context.now.addingTimeInterval(900)))
    }

    /// `POST /2/media/metadata`: the alt text of a media id this token uploaded.
    private mutating func describe(_ request: LoopbackRequest, token: String) -> HTTPResponse {
        guard let body = request.jsonObject, let id = body["id"] as? String,
            let text = ((body["metadata"] as? [String: Any])?["alt_text"] as? [String: Any])?["text"] as? String
        else {
            return Self.invalidRequest("Request body is not valid JSON.")
        }
        guard uploads[id]?.owner == token else { return Self.invalidRequest("BadRequest: Not found") }
        guard text.unicodeScalars.count <= 1_000 else {
            return Self.invalidRequest("The `metadata.alt_text.text` field must be at most 1000 characters.")
        }
        uploads[id]?.media.alt = text
        return LoopbackBody.json(200, ["data": ["id": id, "associated_metadata": ["alt_text": ["text": text]]]])
    }

    /// X's 400 invalid-request problem with `message` in `errors`.
    static func invalidRequest(_ message: String) -> HTTPResponse {
        LoopbackBody.json(400, [
            "errors": [["message": message]], "title": "Invalid Request",
            "detail": "One or more parameters to your request was invalid.",
            "type": "https://api.twitter.com/2/problems/invalid-request",
        ])
    }

    /// The hex SHA-256 of `data`.
    static func sha256(_ data: Data) -> String {
        SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }

    static func error(_ status: Int, route: LoopbackRoute, reset: Date, context: EmulatorContext) -> HTTPResponse {
        switch status {
        case 401: problem(401, "Unauthorized", "Unauthorized", reset: reset)
        case 403: problem(403, "Forbidden", "You are not allowed to create a Tweet with duplicate content.", reset: reset)
        case 429: problem(429, "Too Many Requests", "Too Many Requests", reset: reset, remaining: 0)
        case 503: problem(503, "Service Unavailable", "Service Unavailable", reset: reset)
        default: problem(status, LoopbackBody.reason(status), LoopbackBody.reason(status), reset: reset)
        }
    }

    /// X's problem document with its rate-limit headers.
    static func problem(_ status: Int, _ title: String, _ detail: String, reset: Date, remaining: Int = 99) -> HTTPResponse {
        LoopbackBody.json(
            status, ["title": title, "detail": detail, "type": "about:blank", "status": status],
            headers: rateHeaders(remaining: remaining, reset: reset))
    }

    static func rateHeaders(remaining: Int, reset: Date) -> HTTPHeaders {
        ["x-rate-limit-limit": "100", "x-rate-limit-remaining": String(remaining), "x-rate-limit-reset": LoopbackBody.epoch(reset)]
    }

    /// The user token: the bearer token, or OAuth 1.0a's `oauth_token`.
    static func token(of request: LoopbackRequest) -> String? {
        if let bearer = request.bearerToken { return bearer }
        return oauthParameters(of: request)?.first { $0.name == "oauth_token" }?.value
    }

    /// The parameters of an `Authorization: OAuth …` header, decoded, in order; nil for another
    /// scheme or a malformed header.
    static func oauthParameters(of request: LoopbackRequest) -> [(name: String, value: String)]? {
        guard let header = request.headers["Authorization"], header.hasPrefix("OAuth ") else { return nil }
        var parameters: [(name: String, value: String)] = []
        for part in header.dropFirst("OAuth ".count).split(separator: ",") {
            let pair = part.trimmingCharacters(in: .whitespaces).split(separator: "=", maxSplits: 1)
            guard pair.count == 2 else { return nil }
            let quoted = String(pair[1])
            guard quoted.count >= 2, quoted.hasPrefix("\""), quoted.hasSuffix("\"") else { return nil }
            let value = String(quoted.dropFirst().dropLast())
            guard let name = String(pair[0]).removingPercentEncoding, let decoded = value.removingPercentEncoding else { return nil }
            parameters.append((name, decoded))
        }
        return parameters
    }

    /// Whether `request`'s OAuth 1.0a header is complete, timely and correctly signed with the
    /// configured secrets (RFC 5849 §3.4, as ``OAuth1Signer`` signs).
    static func verifiesOAuth1(_ request: LoopbackRequest, context: EmulatorContext) -> Bool {
        guard let parameters = oauthParameters(of: request) else { return false }
        func value(_ name: String) -> String? {
            let values = parameters.filter { $0.name == name }
            return values.count == 1 ? values[0].value : nil
        }
        guard let consumerKey = value("oauth_consumer_key"), !consumerKey.isEmpty, let token = value("oauth_token"),
            let signature = value("oauth_signature"), value("oauth_signature_method") == "HMAC-SHA1",
            let nonce = value("oauth_nonce"), !nonce.isEmpty, let timestamp = value("oauth_timestamp").flatMap(Double.init),
            value("oauth_version") ?? "1.0" == "1.0",
            abs(timestamp - context.now.timeIntervalSince1970) <= timestampTolerance,
            let host = request.headers["Host"], !host.isEmpty
        else { return false }
        let target = request.path + (request.query.map { "?" + $0 } ?? "")
        guard let url = URL(string: "http://\(host)\(target)") else { return false }
        let signed = parameters.filter { $0.name != "oauth_signature" && $0.name != "realm" } + request.formFields
        let signer = OAuth1Signer(
            credentials: .init(
                consumerKey: consumerKey, consumerSecret: context.xSecrets.consumerSecret, token: token,
                tokenSecret: context.xSecrets.accessTokenSecret))
        let expected = signer.signature(of: OAuth1Signer.baseString(method: request.method, url: url, parameters: signed))
        return expected == signature
    }
}

extension LoopbackRoute {
    /// X: `POST /2/tweets`.
    public static let xTweets = LoopbackRoute("xTweets", network: .x)
    /// X: `DELETE /2/tweets/:id`.
    public static let xTweet = LoopbackRoute("xTweet", network: .x)
    /// X: `POST /2/media/upload`.
    public static let xMediaUpload = LoopbackRoute("xMediaUpload", network: .x)
    /// X: `POST /2/media/metadata`.
    public static let xMediaMetadata = LoopbackRoute("xMediaMetadata", network: .x)
}
