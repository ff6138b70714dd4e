import Foundation

/// A Graph API error body (`{"error": {"message", "type", "code", "error_subcode"}}`), as
/// Facebook and Threads answer, and how it maps onto ``DeliveryError``.
///
/// The Graph API often answers 400 whatever went wrong, so the `code` decides:
/// - 506 (duplicate status), 368 ("You've already posted this") or a message saying
///   "duplicate": ``DeliveryError/Category/duplicate``;
/// - 190 (invalid or expired token): ``DeliveryError/Category/unauthorized``;
/// - 4, 17, 32, 613 (call limits): ``DeliveryError/Category/rateLimited``;
/// - 10 and 200–299 (missing permission): ``DeliveryError/Category/forbidden``;
/// - anything else: by HTTP status (``NetworkExchange/error(for:networkMessage:)``).
struct GraphAPIError: Equatable {
    /// The error's `message`.
    var message: String?
    /// The error's `type`, such as `OAuthException`.
    var type: String?
    /// The error's `code`.
    var code: Int?
    /// The error's `error_subcode`.
    var subcode: Int?

    /// The codes that mean "already posted".
    static let duplicateCodes: Set<Int> = [506, 368]
    /// The codes of the Graph API's call limits.
    static let rateLimitCodes: Set<Int> = [4, 17, 32, 613]

    /// The error in `response`'s body, or nil when the body is not a Graph error.
    init?(_ response: HTTPResponse) {
        guard let error = NetworkExchange.jsonObject(response)?["error"] as? [String: Any] else { return nil }
        message = error["message"] as? String
        type = error["type"] as? String
        code = Self.integer(error["code"])
        subcode = Self.integer(error["error_subcode"])
    }

    /// Creates an error from its fields.
    init(message: String?, type: String? = nil, code: Int?, subcode: Int? = nil) {
        self.message = message
        self.type = type
        self.code = code
        self.subcode = subcode
    }

    /// The ``DeliveryError`` for `response` on `exchange`'s account.
    static func deliveryError(for response: HTTPResponse, exchange: NetworkExchange) -> DeliveryError {
        let graph = GraphAPIError(response)
        var said = graph?.message
        if let message = said, let code = graph?.code, !message.hasPrefix("(#") {
            said = "(#\(code)) \(message)"
        }
        let shown = said.map(exchange.redactor.redact)
        let network = exchange.network, account = exchange.account, status = response.status
        let name = network.displayName
        if let graph {
            if graph.code.map(duplicateCodes.contains) == true
                || graph.message?.range(of: "duplicate", options: .caseInsensitive) != nil
            {
                return DeliveryError(
                    .duplicate, network: network, account: account, message: "\(name) already has this post",
                    status: status, networkMessage: shown)
            }
            switch graph.code {
            case 190?:
                return DeliveryError(
                    .unauthorized, network: network, account: account,
                    message: "the access token was refused (invalid or expired)", status: status, networkMessage: shown)
            case let code? where rateLimitCodes.contains(code):
                return DeliveryError(
                    .rateLimited, network: network, account: account, message: "rate limited (call limit reached)",
                    status: status, networkMessage: shown,
                    retryAfter: RateLimitReset.date(from: response, now: exchange.environment.now()),
                    mayHaveReachedNetwork: false)
            case let code? where code == 10 || (200..<300).contains(code):
                return DeliveryError(
                    .forbidden, network: network, account: account, message: "the token lacks a permission this post needs",
                    status: status, networkMessage: shown)
            default:
                break
            }
        }
        return exchange.error(for: response, networkMessage: said)
    }

    private static func integer(_ value: Any?) -> Int? {
        if let number = value as? NSNumber { return number.intValue }
        if let text = value as? String { return Int(text) }
        return nil
    }
}
