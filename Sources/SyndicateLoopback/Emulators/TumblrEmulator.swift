import Foundation
import Syndicate

/// Tumblr's NPF `POST /v2/blog/{blog}/posts`: an OAuth 1.0a signed JSON body
/// `{"content":[blocks],"state","tags","source_url"}` in, `201
/// {"meta":{"status":201,"msg":"Created"},"response":{"id":"…"}}` out (api.md, "Create/Reblog a
/// Post (Neue Post Format)"). Every post is accepted: Tumblr documents no duplicate refusal.
///
/// The `Authorization` header is verified as ``XEmulator`` verifies X's (the server's configured
/// OAuth 1.0a secrets, an accepted `oauth_token`), the JSON body not part of the signature; a
/// failure is Tumblr's 401 (code 1016, "Unable to authorize"). The body must be JSON, `content`
/// a non-empty array of NPF blocks of known types (an `image` block's media each with an
/// http(s) `url`; the post records the images' URLs and `alt_text`), a text block's `text` at most 4,096 code
/// points, a link block's `url` an http(s) URL, `tags` a string and `state` one of Tumblr's;
/// otherwise 400 code 8001. Errors have Tumblr's shape
/// `{"meta":{"status","msg"},"response":[],"errors":[{"title","code","detail"?}]}`; a scripted
/// 403 is the daily posting limit (code 8023), a 404 an unknown blog.
///
/// Revisions (api.md "Editing a Post (Neue Post Format)", "Delete a Post"), signed the same way:
/// `POST /v2/blog/{blog}/post/delete` with the form field `id` (signed with the body) removes
/// the post and answers 200 `{"response": {"id"}}`; `PUT /v2/blog/{blog}/posts/{id}` with a
/// whole NPF body (checked as a new post's) replaces its content and answers 200
/// `{"response": {"id"}}`. A post that is not on that blog (never was, or deleted) is 404 "Not
/// Found"; another account's post is 403 (code 0).
struct TumblrEmulator: NetworkEmulator {
    static let routes: [LoopbackRoute] = [.tumblrPosts, .tumblrPost, .tumblrPostDelete]

    static func match(_ segments: [String]) -> RouteMatch? {
        guard segments.count >= 4, segments[0] == "v2", segments[1] == "blog" else { return nil }
        switch (segments.count, segments[3]) {
        case (4, "posts"): return RouteMatch(route: .tumblrPosts, captures: ["blog": segments[2]])
        case (5, "posts"): return RouteMatch(route: .tumblrPost, captures: ["blog": segments[2], "id": segments[4]])
        case (5, "post") where segments[4] == "delete": return RouteMatch(route: .tumblrPostDelete, captures: ["blog": segments[2]])
        default: return nil
        }
    }

    /// The NPF content block types (npf-spec.md).
    static let blockTypes: Set<String> = ["text", "image", "link", "audio", "video", "paywall", "poll"]
    /// The post states (api.md "Note about Post States").
    static let states: Set<String> = ["published", "queue", "draft", "private", "unapproved"]
    /// The most code points of a text block.
    static let textBlockLimit = 4096

    private var nextID = 7_190_000_000_000_000_001
    /// Each post still there: its blog and the token that posted it, by id.
    private var posts: [String: (blog: String, token: String)] = [:]

    mutating func handle(_ request: LoopbackRequest, match: RouteMatch, context: EmulatorContext) -> EmulatorResult {
        guard request.method == (match.route == .tumblrPost ? "PUT" : "POST") else {
            return EmulatorResult(Self.answer(405, msg: "Method Not Allowed", errors: [["title": "Method Not Allowed", "code": 0]]))
        }
        guard let token = XEmulator.oauthParameters(of: request)?.first(where: { $0.name == "oauth_token" })?.value,
            context.accepts(token), XEmulator.verifiesOAuth1(request, context: context)
        else {
            return EmulatorResult(Self.error(401, route: match.route, reset: context.now, context: context))
        }
        let blog = match.captures["blog"] ?? ""
        if match.route != .tumblrPosts {
            let id = match.route == .tumblrPost ? match.captures["id"] ?? "" : request.parameter("id") ?? ""
            guard let post = posts[id], post.blog == blog else {
                return EmulatorResult(Self.answer(404, msg: "Not Found", errors: [["title": "Not Found", "code": 0]]))
            }
            guard post.token == token else {
                return EmulatorResult(Self.answer(403, msg: "Forbidden", errors: [["title": "Forbidden", "code": 0]]))
            }
            if match.route == .tumblrPostDelete {
                posts[id] = nil
                return EmulatorResult(Self.answer(200, msg: "OK", response: ["id": id]), changes: [.deleted(.tumblr, id: id)])
            }
        }
        if let problem = Self.validate(request) {
            return EmulatorResult(Self.answer(400, msg: "Bad Request", errors: [["title": problem, "code": 8001]]))
        }
        let content = request.jsonObject?["content"] as? [[String: Any]] ?? []
        let text = content.filter { $0["type"] as? String == "text" }.compactMap { $0["text"] as? String }.joined(separator: "\n\n")
        let media = content.filter { $0["type"] as? String == "image" }.compactMap { block -> LoopbackMedia? in
            guard let url = (block["media"] as? [[String: Any]])?.first?["url"] as? String else { return nil }
            return LoopbackMedia.byURL(url, alt: block["alt_text"] as? String)
        }
        if match.route == .tumblrPost {
            let id = match.captures["id"] ?? ""
            return EmulatorResult(Self.answer(200, msg: "OK", response: ["id": id]), changes: [.edited(.tumblr, id: id, text: text)])
        }
        let id = String(nextID)
        nextID += 1
        posts[id] = (blog, token)
        var post = LoopbackPost(network: .tumblr, id: id, text: text, author: blog)
        post.media = media
        return EmulatorResult(Self.answer(201, msg: "Created", response: ["id": id]), post: post)
    }

    /// Why the request's body is not a post Tumblr creates, or nil.
    static func validate(_ request: LoopbackRequest) -> String? {
        guard request.headers["Content-Type"]?.lowercased().hasPrefix("application/json") == true else {
            return "The request must have Content-Type: application/json"
        }
        guard let body = request.jsonObject else { return "The request body is not a JSON object" }
        guard let content = body["content"] as? [Any] else { return "'content' must be an array'" }
        guard !content.isEmpty else { return "'content' is required for new posts" }
        for (index, item) in content.enumerated() {
            guard let block = item as? [String: Any], let type = block["type"] as? String, blockTypes.contains(type) else {
                return "content block \(index) has no valid type"
            }
            switch type {
            case "text":
                guard let text = block["text"] as? String else { return "text block \(index) has no text" }
                guard text.unicodeScalars.count <= textBlockLimit else {
                    return "text block \(index) is longer than \(textBlockLimit) characters"
                }
                if let formatting = block["formatting"], !(formatting is [Any]) { return "text block \(index): 'formatting' must be an array" }
            case "link":
                guard let url = block["url"] as? String, BlueskyEmulator.isHTTPURL(url) else { return "link block \(index) has no valid url" }
            case "image":
                guard let media = block["media"] as? [[String: Any]], !media.isEmpty,
                    media.allSatisfy({ ($0["url"] as? String).map(BlueskyEmulator.isHTTPURL) == true })
                else { return "image block \(index) has no media with a valid url" }
                if let alt = block["alt_text"], !(alt is String) { return "image block \(index): 'alt_text' must be a string" }
            default:
                break
            }
        }
        if let tags = body["tags"], !(tags is String) { return "'tags' must be a comma-separated string" }
        if let state = body["state"] {
            guard let state = state as? String, states.contains(state) else { return "'state' is not a valid post state" }
        }
        if let source = body["source_url"], !(source is String) { return "'source_url' must be a string" }
        return nil
    }

    static func error(_ status: Int, route: LoopbackRoute, reset: Date, context: EmulatorContext) -> HTTPResponse {
        switch status {
        case 401:
            answer(401, msg: "Unauthorized", errors: [["title": "Unauthorized", "code": 1016, "detail": "Unable to authorize"]])
        case 403:
            answer(403, msg: "Forbidden", errors: [["title": "Forbidden", "code": 8023, "detail": "You have reached your daily post limit."]])
        case 404:
            answer(404, msg: "Not Found", errors: [["title": "Not Found", "code": 0, "detail": "Blog not found"]])
        case 429:
            // api.md "Rate Limits": "a `429 Limit Exceeded` response"; no reset is documented.
            answer(429, msg: "Limit Exceeded", errors: [["title": "Limit Exceeded", "code": 0]])
        default:
            answer(status, msg: LoopbackBody.reason(status), errors: [["title": LoopbackBody.reason(status), "code": 0]])
        }
    }

    /// Tumblr's envelope: `meta` with the status and its reason, `response` (an empty array on
    /// errors), and `errors` when there are some.
    static func answer(_ status: Int, msg: String, response: [String: Any]? = nil, errors: [[String: Any]]? = nil) -> HTTPResponse {
        var object: [String: Any] = ["meta": ["status": status, "msg": msg], "response": response ?? [Any]()]
        if let errors { object["errors"] = errors }
        return LoopbackBody.json(status, object)
    }
}

extension LoopbackRoute {
    /// Tumblr: `POST /v2/blog/{blog}/posts`.
    public static let tumblrPosts = LoopbackRoute("tumblrPosts", network: .tumblr)
    /// Tumblr: `PUT /v2/blog/{blog}/posts/{id}`, a post edited.
    public static let tumblrPost = LoopbackRoute("tumblrPost", network: .tumblr)
    /// Tumblr: `POST /v2/blog/{blog}/post/delete`, a post deleted.
    public static let tumblrPostDelete = LoopbackRoute("tumblrPostDelete", network: .tumblr)
}
