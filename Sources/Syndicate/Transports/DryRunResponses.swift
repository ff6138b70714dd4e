import Foundation

/// The plausible success answers ``DryRunTransport`` gives, by endpoint, shaped as each
/// network's API documents them (see `API-FACTS.md`).
enum DryRunResponses {
    /// The answer to `request`; `number` makes ids unique and stable within a run.
    static func response(to request: HTTPRequest, number: Int) -> HTTPResponse {
        let path = request.url.path
        let host = request.url.host ?? "example.invalid"
        let id = "dry-run-\(number)"
        let body = request.body.flatMap { try? JSONSerialization.jsonObject(with: $0) } as? [String: Any]

        // X
        if path.hasSuffix("/2/tweets") {
            let text = body?["text"] as? String ?? ""
            return .json(status: 201, ["data": ["id": String(1_000_000_000_000_000_000 + number), "text": text]])
        }
        // Mastodon
        if path.hasSuffix("/api/v1/statuses") {
            let statusID = String(100_000_000_000_000_000 + number)
            return .json([
                "id": statusID, "url": "https://\(host)/@dry-run/\(statusID)",
                "uri": "https://\(host)/users/dry-run/statuses/\(statusID)", "created_at": "2026-01-01T00:00:00.000Z",
            ])
        }
        // Bluesky
        if path.hasSuffix("com.atproto.server.createSession") || path.hasSuffix("com.atproto.server.refreshSession") {
            let handle = body?["identifier"] as? String ?? "dry-run.bsky.social"
            return .json([
                "accessJwt": "dry-run-access-jwt", "refreshJwt": "dry-run-refresh-jwt", "handle": handle,
                "did": "did:plc:dryrun",
            ])
        }
        if path.hasSuffix("com.atproto.identity.resolveHandle") {
            let handle = URLComponents(url: request.url, resolvingAgainstBaseURL: false)?.queryItems?.first { $0.name == "handle" }?.value ?? ""
            return .json(["did": "did:plc:dryrun" + String(StableID.digest(handle.lowercased()).prefix(8))])
        }
        if path.hasSuffix("com.atproto.repo.uploadBlob") {
            let type = request.headers["Content-Type"] ?? "image/jpeg"
            return .json([
                "blob": [
                    "$type": "blob", "ref": ["$link": "bafkreidryrun\(number)"], "mimeType": type,
                    "size": request.body?.count ?? 0,
                ] as [String: any Sendable]
            ] as [String: any Sendable])
        }
        if path.hasSuffix("com.atproto.repo.createRecord") {
            let repo = body?["repo"] as? String ?? "did:plc:dryrun"
            let rkey = body?["rkey"] as? String ?? id
            return .json(["uri": "at://\(repo)/app.bsky.feed.post/\(rkey)", "cid": "bafyreidryrun\(number)"])
        }
        // LinkedIn
        if path.hasSuffix("/rest/posts") {
            return HTTPResponse(status: 201, headers: ["x-restli-id": "urn:li:share:\(7_000_000_000_000_000_000 + number)"])
        }
        // Threads
        if path.hasSuffix("/threads_publish") {
            return .json(["id": String(18_000_000_000_000_000 + number)])
        }
        if path.hasSuffix("/threads") {
            return .json(["id": String(17_000_000_000_000_000 + number)])
        }
        // Facebook Page
        if path.hasSuffix("/feed") {
            let page = request.url.deletingLastPathComponent().lastPathComponent
            return .json(["id": "\(page)_\(number)"])
        }
        // Telegram
        if path.hasSuffix("/sendMessage") {
            let chat = body?["chat_id"].map { "\($0)" } ?? "@dry_run"
            return .json([
                "ok": true,
                "result": [
                    "message_id": number, "date": 1_767_225_600,
                    "chat": ["id": -1_001_000_000_000, "type": "channel", "username": chat.hasPrefix("@") ? String(chat.dropFirst()) : "dry_run"] as [String: any Sendable],
                ] as [String: any Sendable],
            ] as [String: any Sendable])
        }
        // Discord webhook
        if path.contains("/api/webhooks/") {
            return .json(["id": String(1_300_000_000_000_000_000 + number), "channel_id": "1", "content": body?["content"] as? String ?? ""])
        }
        // Slack incoming webhook
        if host.hasSuffix("slack.com") || path.hasPrefix("/services/") {
            return HTTPResponse(status: 200, headers: ["Content-Type": "text/plain"], body: Data("ok".utf8))
        }
        // Container status (Threads: ready at once), permalink lookups (Threads, Facebook) and
        // anything else read with GET.
        if request.method == .get {
            let object = request.url.lastPathComponent
            if request.url.query?.contains("fields=status") == true { return .json(["id": object, "status": "FINISHED"]) }
            return .json(["id": object, "permalink": "https://\(host)/dry-run/\(object)", "permalink_url": "https://\(host)/dry-run/\(object)"])
        }
        // A generic JSON webhook.
        return .json(["ok": true, "id": id])
    }
}

extension HTTPResponse {
    /// A JSON response of a Foundation JSON object (sorted keys).
    static func json(status: Int = 200, headers: HTTPHeaders = [:], _ object: [String: Any]) -> HTTPResponse {
        var headers = headers
        headers["Content-Type"] = "application/json"
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return HTTPResponse(status: status, headers: headers, body: data)
    }
}
