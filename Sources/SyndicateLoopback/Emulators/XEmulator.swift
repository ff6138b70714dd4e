import Foundation
import Syndicate

/// X's `POST /2/tweets`: a bearer (OAuth 2.0) or OAuth 1.0a user token, `{"text"}` in, `201
/// {"data":{"id","text"}}` out, and identical text from the same token refused with 403
/// "duplicate content". Errors are X's RFC 7807-style problem documents; rate-limit headers
/// `x-rate-limit-limit/-remaining/-reset` (Unix seconds) come with every answer.
///
/// OAuth 1.0a signatures are not verified: the `oauth_token` in the header must be accepted.
struct XEmulator: NetworkEmulator {
    private var nextID = 1_900_000_000_000_000_001
    /// Texts posted, by token, for duplicate detection.
    private var texts: [String: Set<String>] = [:]
    private var ids: Set<String> = []

    mutating func handle(_ request: LoopbackRequest, match: RouteMatch, context: EmulatorContext) -> EmulatorResult {
        let reset = context.now.addingTimeInterval(900)
        guard request.method == "POST" else {
            return EmulatorResult(Self.problem(405, "Method Not Allowed", "Method Not Allowed", reset: reset))
        }
        guard let token = Self.token(of: request), context.accepts(token) else {
            return EmulatorResult(Self.error(401, route: match.route, reset: reset, context: context))
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
        let id = String(nextID)
        nextID += 1
        ids.insert(id)
        texts[token, default: []].insert(text)
        let response = LoopbackBody.json(201, ["data": ["id": id, "text": text]], headers: Self.rateHeaders(remaining: 99, reset: reset))
        return EmulatorResult(response, post: LoopbackPost(network: .x, id: id, text: text, author: token, replyTo: replyTo))
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
        guard let header = request.headers["Authorization"], header.hasPrefix("OAuth ") else { return nil }
        for part in header.dropFirst("OAuth ".count).split(separator: ",") {
            let pair = part.trimmingCharacters(in: .whitespaces).split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0] == "oauth_token" else { continue }
            let value = pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            return value.removingPercentEncoding ?? value
        }
        return nil
    }
}
