import Foundation

/// The plausible success answers ``DryRunTransport`` gives: each network's own, from its
/// ``NetworkDefinition/dryRunResponse(to:number:)``, shaped as its API documents them; then
/// the answers every API shares.
enum DryRunResponses {
    /// The answer to `request`; `number` makes ids unique and stable within a run.
    static func response(to request: HTTPRequest, number: Int, networks: NetworkRegistry) -> HTTPResponse {
        if let response = networks.dryRunResponse(to: request, number: number) { return response }
        // Permalink lookups (Threads, Facebook) and anything else read with GET.
        if request.method == .get {
            let host = request.url.host ?? "example.invalid"
            let object = request.url.lastPathComponent
            return .json(["id": object, "permalink": "https://\(host)/dry-run/\(object)", "permalink_url": "https://\(host)/dry-run/\(object)"])
        }
        // A generic JSON webhook.
        return .json(["ok": true, "id": "dry-run-\(number)"])
    }
}

extension HTTPRequest {
    /// The body as a JSON object, nil when it is none.
    var jsonObject: [String: Any]? {
        body.flatMap { try? JSONSerialization.jsonObject(with: $0) } as? [String: Any]
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
