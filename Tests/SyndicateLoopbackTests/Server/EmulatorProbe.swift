import Foundation
import Syndicate
import Testing

@testable import SyndicateLoopback

/// The server's state without I/O, for testing the emulators' checks request by request.
final class EmulatorProbe {
    static let now = Date(timeIntervalSince1970: 1_767_225_600)

    var state = LoopbackState(tokens: .only([LoopbackServer.token]), blueskyPassword: LoopbackServer.blueskyPassword)

    /// The answer to `request`, which must be neither dropped nor delayed.
    func answer(_ request: LoopbackRequest) throws -> HTTPResponse {
        guard case .respond(let response, delay: nil) = state.answer(request, now: Self.now) else {
            throw CocoaError(.featureUnsupported)
        }
        return response
    }

    /// The answer to a JSON `POST` of `json` to `target` (a path, and a query after `?`).
    func post(_ target: String, headers: HTTPHeaders = [:], json: Any) throws -> HTTPResponse {
        var headers = headers
        headers["Content-Type"] = "application/json"
        let body = try JSONSerialization.data(withJSONObject: json, options: [.sortedKeys])
        let parts = target.split(separator: "?", maxSplits: 1).map(String.init)
        return try answer(
            LoopbackRequest(method: "POST", path: parts[0], query: parts.count > 1 ? parts[1] : nil, headers: headers, body: body))
    }

    static func object(_ response: HTTPResponse) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: response.body)) as? [String: Any] ?? [:]
    }
}
