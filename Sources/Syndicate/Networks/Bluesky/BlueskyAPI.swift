import Foundation

/// The XRPC endpoints of one Bluesky service (PDS) and how to read its errors: shared by
/// ``BlueskyClient`` and its ``BlueskySession``.
struct BlueskyAPI: Sendable {
    /// XRPC's error body: `{"error": "ExpiredToken", "message": "Token has expired"}`.
    struct ErrorBody: Decodable {
        var error: String?
        var message: String?
    }

    /// The service's base URL, such as `https://bsky.social`.
    let service: URL
    /// Sends, logs and classifies.
    let exchange: NetworkExchange
    /// Where the handle is set, for fixes (`SYNDICATE_BLUESKY_HANDLE`).
    let handleLocation: String
    /// Where the app password is set, for fixes (`SYNDICATE_BLUESKY_APP_PASSWORD`).
    let passwordLocation: String

    /// The URL of the XRPC method `nsid` (`com.atproto.repo.createRecord`).
    func endpoint(_ nsid: String) -> URL {
        service.appendingPathComponent("xrpc/\(nsid)")
    }

    /// The URL of the XRPC query `nsid` with `parameters`, or nil when they cannot form a URL.
    func endpoint(_ nsid: String, query parameters: [(String, String)]) -> URL? {
        var components = URLComponents(url: endpoint(nsid), resolvingAgainstBaseURL: false)
        components?.queryItems = parameters.map { URLQueryItem(name: $0.0, value: $0.1) }
        return components?.url
    }

    /// The error name and message of an XRPC error body, when the body is one.
    static func errorBody(of response: HTTPResponse) -> ErrorBody? {
        try? JSONDecoder().decode(ErrorBody.self, from: response.body)
    }

    /// Whether `response` says the access token has expired (400 or 401 `ExpiredToken`), which a
    /// refreshed session cures.
    static func isExpiredToken(_ response: HTTPResponse) -> Bool {
        (response.status == 400 || response.status == 401) && errorBody(of: response)?.error == "ExpiredToken"
    }

    /// `"ExpiredToken: Token has expired"`: the network's own words for an error.
    static func networkMessage(of response: HTTPResponse) -> String? {
        guard let body = errorBody(of: response) else {
            let text = response.text.trimmingCharacters(in: .whitespacesAndNewlines)
            return text.isEmpty ? nil : String(text.prefix(200))
        }
        switch (body.error, body.message) {
        case (let name?, let message?): return "\(name): \(message)"
        case (let name?, nil): return name
        case (nil, let message?): return message
        case (nil, nil): return nil
        }
    }

    /// The ``DeliveryError`` for an unsuccessful XRPC `response`.
    ///
    /// Refused credentials (401, `AuthenticationRequired`, `AccountTakedown`,
    /// `AuthFactorTokenRequired`, `InvalidToken`, `ExpiredToken`) are `.unauthorized` with a fix
    /// about the app password; the rest is classified by status (429 with `RateLimit-Reset`).
    func error(for response: HTTPResponse) -> DeliveryError {
        let name = Self.errorBody(of: response)?.error
        var error = exchange.error(for: response, networkMessage: Self.networkMessage(of: response))
        let credentialErrors: Set<String> = [
            "AuthenticationRequired", "AccountTakedown", "AuthFactorTokenRequired", "InvalidToken", "ExpiredToken",
        ]
        guard response.status == 401 || name.map(credentialErrors.contains) == true else { return error }
        error.category = .unauthorized
        error.mayHaveReachedNetwork = false
        let appPassword =
            "create an app password in Bluesky (Settings → Privacy and security → App passwords) and set it as "
            + "\(passwordLocation), with \(handleLocation) set to the account's handle"
        switch name {
        case "AccountTakedown":
            error.message = "the account has been taken down"
            error.fix = "sign in on bsky.app to see why and appeal; once the account is restored, \(appPassword)."
        case "AuthFactorTokenRequired":
            error.message = "the account asks for an emailed sign-in code, which Syndicate cannot give"
            error.fix = "\(appPassword) (app passwords need no sign-in code)."
        default:
            error.message = "the handle or app password was refused"
            error.fix = "\(appPassword), then run again."
        }
        return error
    }
}
