import Foundation

/// One signed-in Bluesky session, shared by every delivery of a ``BlueskyClient``.
///
/// Bluesky allows few sign-ins (`createSession`: 30 per 5 minutes, 300 a day), so the client
/// signs in once and keeps the tokens: concurrent deliveries that need a session while one is
/// being created or renewed wait for that one instead of signing in again. An expired access
/// token is renewed once with the refresh token (`refreshSession`); when that fails, the session
/// is created anew, once.
actor BlueskySession {
    /// The tokens and identity `createSession` and `refreshSession` return.
    struct Tokens: Sendable, Equatable, Decodable {
        /// Sent as `Authorization: Bearer` with every write.
        var accessJwt: String
        /// Sent as `Authorization: Bearer` to `refreshSession` only.
        var refreshJwt: String
        /// The account's DID: the repository posts are written to.
        var did: String
        /// The account's handle, for web addresses.
        var handle: String
    }

    /// The JWTs of the current session, readable without awaiting the actor, so that
    /// ``BlueskyClient/secrets`` can list them for redaction.
    final class SecretsBox: @unchecked Sendable {
        private let lock = NSLock()
        private var values: [String] = []

        /// The JWTs of the sessions seen so far (at most the last two).
        var secrets: [String] {
            lock.lock()
            defer { lock.unlock() }
            return values
        }

        /// Records `tokens`' JWTs, forgetting those of older sessions.
        func record(_ tokens: Tokens) {
            lock.lock()
            defer { lock.unlock() }
            values = [tokens.accessJwt, tokens.refreshJwt]
        }
    }

    private let api: BlueskyAPI
    private let identifier: String
    private let password: String
    private var current: Tokens?
    private var pending: Task<Result<Tokens, DeliveryError>, Never>?
    /// The current JWTs, for redaction.
    nonisolated let secretsBox = SecretsBox()

    /// Creates a session that signs in as `identifier` (a handle, email or DID) with `password`
    /// (an app password) when first needed.
    init(api: BlueskyAPI, identifier: String, password: String) {
        self.api = api
        self.identifier = identifier
        self.password = password
    }

    /// The current tokens, signing in when there are none yet (or waiting for the sign-in or
    /// renewal already under way).
    ///
    /// - Throws: ``DeliveryError`` when signing in fails.
    func tokens() async throws(DeliveryError) -> Tokens {
        if let pending { return try await pending.value.get() }
        if let current { return current }
        let api = api, identifier = identifier, password = password
        return try await run { await Self.createSession(api: api, identifier: identifier, password: password) }
    }

    /// New tokens after the network said `stale`'s access token expired: refreshed once with the
    /// refresh token, else a new sign-in, once. When another delivery has already renewed the
    /// session, its tokens are returned without asking the network again.
    ///
    /// - Throws: ``DeliveryError`` when neither refreshing nor signing in works.
    func renew(replacing stale: Tokens) async throws(DeliveryError) -> Tokens {
        if let pending { return try await pending.value.get() }
        if let current, current != stale { return current }
        let api = api, identifier = identifier, password = password
        return try await run {
            let refreshed = await Self.refreshSession(api: api, refreshJwt: stale.refreshJwt)
            if case .success = refreshed { return refreshed }
            api.exchange.environment.logger.notice(
                "refreshing the Bluesky session failed; signing in again",
                metadata: ["network": "bluesky", "account": "\(api.exchange.account)"])
            return await Self.createSession(api: api, identifier: identifier, password: password)
        }
    }

    /// Runs `work` as the one sign-in or renewal in flight and keeps its tokens.
    ///
    /// The task settles the session (keeps the tokens, clears ``pending``) before it returns, so
    /// whoever sees its result also sees the session updated: a caller never mistakes a finished
    /// sign-in for one still under way.
    private func run(_ work: @escaping @Sendable () async -> Result<Tokens, DeliveryError>) async throws(DeliveryError) -> Tokens {
        let task = Task {
            let result = await work()
            self.settle(result)
            return result
        }
        pending = task
        return try await task.value.get()
    }

    /// Keeps the tokens of a finished sign-in or renewal and marks none as under way.
    private func settle(_ result: Result<Tokens, DeliveryError>) {
        pending = nil
        if case .success(let tokens) = result {
            current = tokens
            secretsBox.record(tokens)
        }
    }

    /// `POST com.atproto.server.createSession {"identifier", "password"}`.
    private static func createSession(api: BlueskyAPI, identifier: String, password: String) async -> Result<Tokens, DeliveryError> {
        struct Body: Encodable {
            var identifier: String
            var password: String
        }
        do throws(DeliveryError) {
            let request: HTTPRequest
            do {
                request = try HTTPRequest.json(
                    url: api.endpoint("com.atproto.server.createSession"), body: Body(identifier: identifier, password: password))
            } catch {
                throw DeliveryError(.invalidConfiguration, network: .bluesky, account: api.exchange.account, message: "the sign-in could not be encoded")
            }
            return .success(try await tokens(from: api.exchange.send(request), api: api))
        } catch {
            return .failure(error)
        }
    }

    /// `POST com.atproto.server.refreshSession` with the refresh token as bearer.
    private static func refreshSession(api: BlueskyAPI, refreshJwt: String) async -> Result<Tokens, DeliveryError> {
        let request = HTTPRequest(
            method: .post, url: api.endpoint("com.atproto.server.refreshSession"),
            headers: ["Authorization": "Bearer \(refreshJwt)", "Accept": "application/json"])
        do throws(DeliveryError) {
            return .success(try await tokens(from: api.exchange.send(request), api: api))
        } catch {
            return .failure(error)
        }
    }

    /// The tokens of a session answer, or its error.
    private static func tokens(from response: HTTPResponse, api: BlueskyAPI) throws(DeliveryError) -> Tokens {
        guard response.isSuccess else { throw api.error(for: response) }
        return try api.exchange.decode(Tokens.self, from: response)
    }
}
