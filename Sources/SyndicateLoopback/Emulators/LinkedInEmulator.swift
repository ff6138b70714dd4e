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
struct LinkedInEmulator: NetworkEmulator {
    static let routes: [LoopbackRoute] = [.linkedInPosts]

    static func match(_ segments: [String]) -> RouteMatch? {
        segments == ["rest", "posts"] ? RouteMatch(route: .linkedInPosts) : nil
    }

    private var nextID = 7_400_000_000_000_000_001
    /// The URN of each (author, commentary) posted.
    private var urns: [String: String] = [:]

    mutating func handle(_ request: LoopbackRequest, match: RouteMatch, context: EmulatorContext) -> EmulatorResult {
        guard request.method == "POST" else {
            return EmulatorResult(Self.body(405, "METHOD_NOT_ALLOWED", "Method not allowed"))
        }
        guard let token = request.bearerToken, context.accepts(token) else {
            return EmulatorResult(Self.error(401, route: match.route, reset: context.now, context: context))
        }
        guard let version = request.headers["LinkedIn-Version"], !version.isEmpty else {
            return EmulatorResult(
                Self.body(400, "VERSION_MISSING", "A version must be present. Please specify a version by adding the LinkedIn-Version header."))
        }
        guard version.count == 6, version.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            return EmulatorResult(Self.body(426, "NONEXISTENT_VERSION", "Requested version \(version) is not active"))
        }
        guard request.headers["X-Restli-Protocol-Version"] == "2.0.0" else {
            return EmulatorResult(
                Self.body(400, "ILLEGAL_ARGUMENT", "The X-Restli-Protocol-Version header must be 2.0.0 for the Posts API"))
        }
        guard let body = request.jsonObject, let author = body["author"] as? String, let commentary = body["commentary"] as? String
        else {
            return EmulatorResult(Self.body(422, "UNPROCESSABLE_ENTITY", "/author and /commentary are required"))
        }
        if let problem = Self.validate(body, author: author) {
            return EmulatorResult(Self.body(422, "UNPROCESSABLE_ENTITY", problem))
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
        return EmulatorResult(
            HTTPResponse(status: 201, headers: ["x-restli-id": urn, "x-linkedin-id": urn]),
            post: LoopbackPost(network: .linkedin, id: urn, text: commentary, author: author))
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
}
