import Foundation
import Syndicate

/// A Facebook Page's `POST /{version}/{page}/feed`: `access_token`, `message`, `link` as form
/// fields, query items or JSON; `{"id": "{page}_{post}"}` out. The same message on the same
/// page again is `(#506) Duplicate status message`. Errors are the Graph API's
/// (``GraphAPIError``): a rejected token is 400 with code 190.
struct FacebookEmulator: NetworkEmulator {
    static let routes: [LoopbackRoute] = [.facebookFeed]

    static func match(_ segments: [String]) -> RouteMatch? {
        guard segments.count == 3, segments[2] == "feed", isGraphVersion(segments[0]) else { return nil }
        return RouteMatch(route: .facebookFeed, captures: ["version": segments[0], "page": segments[1]])
    }

    /// Whether `segment` is a Graph API version such as `v21.0`.
    private static func isGraphVersion(_ segment: String) -> Bool {
        guard segment.hasPrefix("v") else { return false }
        let number = segment.dropFirst()
        return !number.isEmpty && number.allSatisfy { $0.isNumber || $0 == "." }
    }

    private var nextID = 1
    private var messages: [String: Set<String>] = [:]

    mutating func handle(_ request: LoopbackRequest, match: RouteMatch, context: EmulatorContext) -> EmulatorResult {
        let page = match.captures["page"] ?? ""
        guard request.method == "POST" else {
            return EmulatorResult(GraphAPIError.response(400, code: 100, message: "Unsupported get request.", type: "GraphMethodException"))
        }
        guard context.accepts(request.parameter("access_token") ?? request.bearerToken) else {
            return EmulatorResult(GraphAPIError.invalidToken())
        }
        let message = request.parameter("message") ?? ""
        let link = request.parameter("link")
        guard !message.isEmpty || link != nil else {
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
        return EmulatorResult(LoopbackBody.json(200, ["id": id]), post: LoopbackPost(network: .facebook, id: id, text: message, author: page))
    }

    static func error(_ status: Int, route: LoopbackRoute, reset: Date, context: EmulatorContext) -> HTTPResponse {
        GraphAPIError.scripted(status, reset: reset, now: context.now)
    }
}

extension LoopbackRoute {
    /// Facebook Page: `POST /{version}/{page}/feed`.
    public static let facebookFeed = LoopbackRoute("facebookFeed", network: .facebook)
}
