import Foundation

/// Why a post did not reach one account, with what to do about it.
///
/// Every error names the network and the account, says what happened (quoting the network's own
/// message where it gave one) and gives the fix. The ``category`` is stable and decides what
/// happens next: ``Category/duplicate`` counts as already posted, ``isRetryable`` errors may be
/// tried again later, the rest need a person. Messages never contain a secret: clients build
/// them from status codes, the network's own error text (redacted) and setting *names*.
///
/// ```swift
/// do { delivery = try await client.deliver(payload, of: post) }
/// catch { print(error) }   // Mastodon account 'school': rate limited until 13:25:00 UTC … Fix: …
/// ```
public struct DeliveryError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The stable kinds of failure.
    /// The kinds of failure: an open set, like ``HTTPRequest/Method``. The static members are
    /// the ones Syndicate's clients report; a client of your own may add more (an unknown
    /// category is not retried and needs a person).
    public struct Category: RawRepresentable, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
        /// The category's name, such as `rateLimited`.
        public let rawValue: String
        /// Creates a category from its name.
        public init(rawValue: String) { self.rawValue = rawValue }
        /// The credentials were refused or have expired (HTTP 401).
        public static let unauthorized = Category(rawValue: "unauthorized")
        /// The credentials are valid but lack a permission or scope (HTTP 403).
        public static let forbidden = Category(rawValue: "forbidden")
        /// The network already has this post (X 403 duplicate content, LinkedIn 422
        /// `DUPLICATE_POST`, Facebook #506): treat it as posted, never retry.
        public static let duplicate = Category(rawValue: "duplicate")
        /// Too many requests; ``DeliveryError/retryAfter`` says when to try again.
        public static let rateLimited = Category(rawValue: "rateLimited")
        /// The network rejected the payload itself (too long, a bad field); its message says why.
        public static let invalidPayload = Category(rawValue: "invalidPayload")
        /// The network failed (HTTP 5xx).
        public static let serverError = Category(rawValue: "serverError")
        /// No response: the connection failed or broke.
        public static let transport = Category(rawValue: "transport")
        /// No response within the timeout.
        public static let timeout = Category(rawValue: "timeout")
        /// A setting the client needs is missing (the message names the variable to set).
        public static let missingCredential = Category(rawValue: "missingCredential")
        /// A setting is present but unusable (not a URL, an unknown visibility…).
        public static let invalidConfiguration = Category(rawValue: "invalidConfiguration")
        /// The network answered with something the client cannot read.
        public static let unexpectedResponse = Category(rawValue: "unexpectedResponse")
        /// The network's API cannot do what was asked (Slack's incoming webhooks cannot delete a
        /// message, X cannot edit a post); the fix says what a person can do instead.
        public static let unsupported = Category(rawValue: "unsupported")
        /// The categories Syndicate's clients report.
        public static let allCases: [Category] = [.unauthorized, .forbidden, .duplicate, .rateLimited, .invalidPayload, .serverError, .transport, .timeout, .missingCredential, .invalidConfiguration, .unexpectedResponse, .unsupported]
        /// ``rawValue``.
        public var description: String { rawValue }
    }

    /// What kind of failure this is.
    public var category: Category
    /// The network.
    public var network: SocialNetwork
    /// The account's name (`default` for the one configured by environment variables).
    public var account: String
    /// What happened, in one sentence, without the network's name (``description`` adds it).
    public var message: String
    /// The HTTP status, when a response arrived.
    public var status: Int?
    /// The network's own error text, when it gave one.
    public var networkMessage: String?
    /// When to try again: from `Retry-After` or the network's reset header or body.
    public var retryAfter: Date?
    /// Whether the request may have reached the network (so the post may exist although no
    /// success arrived): true for timeouts, broken connections and 5xx answers.
    public var mayHaveReachedNetwork: Bool
    /// What to do about it; a default per category unless the client gave a better one.
    public var fix: String
    /// For a thread that broke off: the ids of the parts that were posted before the failure.
    /// ``RetryPolicy`` never retries such an error on a network without idempotency keys.
    public var postedPartIDs: [String] = []
    /// For a ``Category/duplicate``: the copy already on the network, when the network said
    /// which it is (Bluesky's record under the post's key). ``CrossPoster`` reports it as
    /// ``DeliveryResult/Outcome/alreadyPosted(_:)``, and the ledger records its id and URL.
    public var existing: Delivery?
    /// Images uploaded for this post that no post references because the delivery failed after
    /// uploading them (media ids, blob CIDs, image URNs). A retry within their lifetime attaches
    /// them instead of uploading again; otherwise the network discards them.
    public var unattachedMediaIDs: [String] = []

    /// Creates an error; `fix` defaults to the category's advice.
    public init(
        _ category: Category, network: SocialNetwork, account: String, message: String, status: Int? = nil,
        networkMessage: String? = nil, retryAfter: Date? = nil, mayHaveReachedNetwork: Bool? = nil, fix: String? = nil
    ) {
        self.category = category
        self.network = network
        self.account = account
        self.message = message
        self.status = status
        self.networkMessage = networkMessage
        self.retryAfter = retryAfter
        self.mayHaveReachedNetwork = mayHaveReachedNetwork ?? [.serverError, .timeout, .transport].contains(category)
        self.fix = fix ?? Self.defaultFix(category, network: network, account: account, retryAfter: retryAfter)
    }

    /// The error for an action (`delete`, `edit`) the network cannot do; `capability` gives the
    /// reason, which becomes the fix.
    public static func unsupported(
        _ capability: RevisionSupport.Capability, action: String, network: SocialNetwork, account: String
    ) -> DeliveryError {
        let reason: String
        switch capability {
        case .unsupported(let why): reason = why
        case .supported: reason = "this client does not \(action) posts although \(network.displayName) can; do it by hand"
        }
        return DeliveryError(
            .unsupported, network: network, account: account, message: "\(network.displayName) cannot \(action) a post through its API here",
            mayHaveReachedNetwork: false, fix: reason + ".")
    }

    /// This error, for a thread whose first `ids.count` parts of `total` were posted: the
    /// message and fix say which, and automatic retries stop.
    public func afterPostedParts(_ ids: [String], of total: Int) -> DeliveryError {
        var error = self
        error.postedPartIDs = ids
        error.message = "parts 1–\(ids.count) of \(total) of the thread were posted (ids \(ids.joined(separator: ", "))), then part \(ids.count + 1) failed: \(message)"
        error.fix = "post the remaining parts by hand as replies to \(ids.last ?? ""), or delete the posted parts and run again. (\(fix))"
        return error
    }

    /// This error, for a delivery that uploaded `ids` before failing: the message says so. When
    /// the failing request may have reached the network, the post may exist with the images, so
    /// they are named but not called unattached.
    public func afterUploading(_ ids: [String]) -> DeliveryError {
        guard !ids.isEmpty else { return self }
        var error = self
        let noun = ids.count == 1 ? "an image" : "\(ids.count) images"
        if mayHaveReachedNetwork {
            error.message += " (after uploading \(noun): \(ids.joined(separator: ", ")); the post may exist with them, so check the account before posting again)"
        } else {
            error.unattachedMediaIDs = ids
            error.message += " (after uploading \(noun) that no post uses yet: \(ids.joined(separator: ", ")); a retry reuses them while \(network.displayName) keeps them, else it discards them)"
        }
        return error
    }

    /// Whether trying again later may succeed: rate limits, server errors, timeouts and broken
    /// connections. (Whether an *immediate* retry is safe is ``RetryPolicy``'s decision.)
    public var isRetryable: Bool {
        switch category {
        case .rateLimited, .serverError, .transport, .timeout: true
        default: false
        }
    }

    /// `Mastodon account 'school': <message> (HTTP 429; the network said: "…"). Fix: <fix>`
    public var description: String {
        var text = "\(network.displayName) account '\(account)': \(message)"
        var details: [String] = []
        if let status { details.append("HTTP \(status)") }
        if let networkMessage, !networkMessage.isEmpty { details.append("the network said: \"\(networkMessage)\"") }
        if !details.isEmpty { text += " (" + details.joined(separator: "; ") + ")" }
        return text + ". Fix: " + fix
    }

    /// The advice for a category when the client has none better.
    static func defaultFix(_ category: Category, network: SocialNetwork, account: String, retryAfter: Date?) -> String {
        let prefix = "SYNDICATE_\(network.rawValue.uppercased())_"
        switch category {
        case .unauthorized:
            return "renew the \(network.displayName) token or password of account '\(account)' (\(prefix)… or the config file) and run again."
        case .forbidden:
            return "give the \(network.displayName) app the posting permission (scope) for account '\(account)', or check that the account may post there."
        case .duplicate:
            return "nothing to do: \(network.displayName) already has this post; it is recorded as already posted."
        case .rateLimited:
            if let retryAfter {
                return "wait until \(ISO8601DateFormatter().string(from: retryAfter)) and run again (Syndicate retries by itself when the wait fits its retry budget)."
            }
            return "wait a few minutes and run again, or post less often."
        case .invalidPayload:
            return "change the post or the template so that \(network.displayName) accepts it (see the network's message), then run again."
        case .serverError:
            return "\(network.displayName) failed; run again later. Check the account first: the post may have been created."
        case .transport:
            return "check the network connection and the base URL of \(network.displayName), then run again."
        case .timeout:
            return "run again later, or raise the timeout; check the account first: the post may have been created."
        case .missingCredential:
            return "set the missing \(prefix)… variable or add it to the account in the config file."
        case .invalidConfiguration:
            return "correct the setting of account '\(account)' in the environment or the config file."
        case .unsupported:
            return "do it on \(network.displayName) by hand."
        case .unexpectedResponse:
            return "check the base URL of \(network.displayName) (it answered, but not as its API does) and run again."
        default:
            return "see the message above; \(network.displayName) account '\(account)' needs a person before the post is sent again."
        }
    }
}
