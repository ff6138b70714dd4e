import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import Syndicate

/// An HTTP server on `127.0.0.1` that plays every network Syndicate posts to, with its errors,
/// for testing code that delivers posts without touching a real network.
///
/// One server answers all networks on one port, routed by path as the real APIs are
/// (``LoopbackRoute``): point a client's base URL (a Mastodon instance, a Bluesky PDS, a
/// webhook URL) at ``baseURL``. The server records every request byte for byte
/// (``requests``) and every post its networks created (``posts(on:)``), keeps the state that
/// matters for retries (Mastodon idempotency keys, X duplicate texts, Bluesky sessions and
/// record keys) and answers each network's bad credentials in that network's own error shape.
/// Tests queue failures per route with ``script(_:for:)``: error statuses, rate limits with
/// each network's reset header, slow answers and dropped connections.
///
/// ```swift
/// let server = LoopbackServer()
/// try await server.start()
/// defer { Task { await server.shutdown() } }   // or use LoopbackServer.withRunning { … }
/// server.script(.status(500), for: .mastodonStatuses)
/// let settings = AccountSettings(network: .mastodon, values: [
///     "INSTANCE": server.baseURL.absoluteString, "ACCESS_TOKEN": LoopbackServer.token,
/// ])
/// // … deliver through MastodonClient, then:
/// #expect(server.posts(on: .mastodon).count == 1)
/// ```
///
/// The server binds `127.0.0.1` only, on a port the system chooses, and stops by itself when
/// no request has arrived for ``Configuration/idleTimeout`` (two minutes by default), so a
/// test that forgets ``shutdown()`` leaves nothing behind for long.
public final class LoopbackServer: Sendable {
    /// The token every emulated network accepts by default: `loopback-token`.
    public static let token = "loopback-token"
    /// The app password Bluesky's createSession accepts by default: `loopback-app-password`.
    public static let blueskyPassword = "loopback-app-password"
    /// The OAuth 1.0a consumer (API key) secret X signatures are checked with by default.
    public static let xConsumerSecret = "loopback-consumer-secret"
    /// The OAuth 1.0a access token secret X signatures are checked with by default.
    public static let xAccessTokenSecret = "loopback-token-secret"

    /// Which credentials the emulated networks accept (bearer tokens, Graph `access_token`s,
    /// the secrets in Telegram, Discord and Slack URLs).
    public enum TokenPolicy: Sendable, Equatable {
        /// Any non-empty token.
        case any
        /// Only these tokens; any other is answered as the network answers a bad token.
        case only(Set<String>)
    }

    /// How the server behaves.
    public struct Configuration: Sendable {
        /// The tokens accepted; by default only ``LoopbackServer/token``.
        public var tokens: TokenPolicy
        /// The app password Bluesky accepts.
        public var blueskyPassword: String
        /// The secrets X's OAuth 1.0a signatures are recomputed with: a request signed with
        /// other secrets is answered 401. (The `oauth_token` must also be one of ``tokens``.)
        public var xSecrets: XSecrets
        /// How long the server waits for a request before it stops by itself.
        public var idleTimeout: Duration
        /// The server's clock: `created_at` times and rate-limit reset times are read from it.
        public var now: @Sendable () -> Date

        /// Creates a configuration.
        public init(
            tokens: TokenPolicy = .only([LoopbackServer.token]), blueskyPassword: String = LoopbackServer.blueskyPassword,
            xSecrets: XSecrets = XSecrets(), idleTimeout: Duration = .seconds(120),
            now: @escaping @Sendable () -> Date = { Date() }
        ) {
            self.tokens = tokens
            self.blueskyPassword = blueskyPassword
            self.xSecrets = xSecrets
            self.idleTimeout = idleTimeout
            self.now = now
        }
    }

    /// The OAuth 1.0a shared secrets X's emulator verifies signatures with.
    public struct XSecrets: Sendable, Equatable {
        /// The consumer (API key) secret.
        public var consumerSecret: String
        /// The access token secret.
        public var accessTokenSecret: String

        /// Creates the secrets; the defaults are ``LoopbackServer/xConsumerSecret`` and
        /// ``LoopbackServer/xAccessTokenSecret``.
        public init(
            consumerSecret: String = LoopbackServer.xConsumerSecret, accessTokenSecret: String = LoopbackServer.xAccessTokenSecret
        ) {
            self.consumerSecret = consumerSecret
            self.accessTokenSecret = accessTokenSecret
        }
    }

    /// Why the server could not start.
    public struct StartError: Error, Sendable, CustomStringConvertible {
        /// What happened.
        public var description: String
    }

    /// The configuration.
    public let configuration: Configuration
    private let state: Locked<LoopbackState>
    private let runtime = Locked(Runtime())

    /// The listening channel, the open connections and the idle watch.
    private struct Runtime: Sendable {
        var channel: (any Channel)?
        var connections: [ObjectIdentifier: any Channel] = [:]
        var port = 0
        var lastActivity = NIODeadline.now()
        var stopped = false
    }

    /// Creates a server; ``start()`` binds it.
    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
        state = Locked(
            LoopbackState(tokens: configuration.tokens, blueskyPassword: configuration.blueskyPassword, xSecrets: configuration.xSecrets))
    }

    /// `http://127.0.0.1:<port>` once started (port 0 before ``start()``).
    public var baseURL: URL {
        let port = runtime.withLock { $0.port }
        return URL(string: "http://127.0.0.1:\(port)")!   // a literal with a number: always valid
    }

    /// Whether the server is listening.
    public var isRunning: Bool {
        runtime.withLock { $0.channel?.isActive ?? false }
    }

    /// Binds `127.0.0.1` on a port the system chooses and starts answering.
    ///
    /// - Throws: ``StartError`` when the server was started (or shut down) before, or the bind's error.
    public func start() async throws {
        let alreadyStarted = runtime.withLock { $0.channel != nil || $0.stopped }
        guard !alreadyStarted else { throw StartError(description: "the loopback server was already started; create a new one") }
        let bootstrap = ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.backlog, value: 64)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { [self] channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline(withErrorHandling: true)
                    try channel.pipeline.syncOperations.addHandler(LoopbackHTTPHandler { [self] request in answer(request) })
                    track(channel)
                }
            }
        let channel = try await bootstrap.bind(host: "127.0.0.1", port: 0).get()
        let port = channel.localAddress?.port ?? 0
        runtime.withLock { runtime in
            runtime.channel = channel
            runtime.port = port
            runtime.lastActivity = .now()
        }
        scheduleIdleCheck(after: configuration.idleTimeout, on: channel.eventLoop)
    }

    /// Stops listening and closes every open connection. Safe to call more than once.
    public func shutdown() async {
        let (channel, connections) = runtime.withLock { runtime in
            runtime.stopped = true
            defer { runtime.connections.removeAll() }
            return (runtime.channel, Array(runtime.connections.values))
        }
        for connection in connections { try? await connection.close() }
        try? await channel?.close()
    }

    /// Runs `body` with a started server and shuts it down afterwards, also when `body` throws.
    @discardableResult
    public static func withRunning<Result>(
        configuration: Configuration = Configuration(), _ body: (LoopbackServer) async throws -> Result
    ) async throws -> Result {
        let server = LoopbackServer(configuration: configuration)
        try await server.start()
        do {
            let result = try await body(server)
            await server.shutdown()
            return result
        } catch {
            await server.shutdown()
            throw error
        }
    }

    // MARK: Scripting and records

    /// Queues `faults` for the next requests to `route`, one per request, after any already
    /// queued; requests beyond them are answered normally.
    public func script(_ faults: LoopbackFault..., for route: LoopbackRoute) {
        state.withLock { $0.script.append(faults, for: route) }
    }

    /// The faults still queued for `route`.
    public func pendingFaults(for route: LoopbackRoute) -> [LoopbackFault] {
        state.withLock { $0.script.pending(for: route) }
    }

    /// Serves `data` at `GET /images/<name>` with `contentType`, as a publisher's site serves its
    /// images (for clients that download them, and networks that fetch them by URL); returns
    /// the image's URL.
    @discardableResult
    public func hostImage(_ data: Data, named name: String, contentType: String) -> URL {
        state.withLock { $0.hostedImages[name] = HTTPResponse(status: 200, headers: ["Content-Type": contentType], body: data) }
        return baseURL.appendingPathComponent("images").appendingPathComponent(name)
    }

    /// Every request received, in order.
    public var requests: [LoopbackRequest] {
        state.withLock { $0.recorder.requests }
    }

    /// The requests that matched `route`, in order.
    public func requests(to route: LoopbackRoute) -> [LoopbackRequest] {
        state.withLock { $0.recorder.requests.filter { $0.route == route } }
    }

    /// Every post created, in order.
    public var posts: [LoopbackPost] {
        state.withLock { $0.recorder.posts }
    }

    /// The posts created on `network`, in order.
    public func posts(on network: SocialNetwork) -> [LoopbackPost] {
        state.withLock { $0.recorder.posts(on: network) }
    }

    /// The posts on `network` that are still there (not deleted), in order.
    public func livePosts(on network: SocialNetwork) -> [LoopbackPost] {
        posts(on: network).filter { !$0.isDeleted }
    }

    /// Forgets recorded requests and posts and queued faults (the networks' state — sessions,
    /// idempotency keys, duplicate texts — stays).
    public func clearRecords() {
        state.withLock { state in
            state.recorder.removeAll()
            state.script.removeAll()
        }
    }

    // MARK: Connections

    private func answer(_ request: LoopbackRequest) -> LoopbackState.Action {
        runtime.withLock { $0.lastActivity = .now() }
        let now = configuration.now()
        return state.withLock { $0.answer(request, now: now) }
    }

    private func track(_ channel: any Channel) {
        let id = ObjectIdentifier(channel)
        let stopped = runtime.withLock { runtime in
            if !runtime.stopped { runtime.connections[id] = channel }
            runtime.lastActivity = .now()
            return runtime.stopped
        }
        if stopped {
            channel.close(promise: nil)
            return
        }
        channel.closeFuture.whenComplete { [self] _ in
            _ = runtime.withLock { $0.connections.removeValue(forKey: id) }
        }
    }

    /// Stops the server once no request has come for ``Configuration/idleTimeout``.
    private func scheduleIdleCheck(after delay: Duration, on loop: any EventLoop) {
        let nanoseconds = delay.components.seconds * 1_000_000_000 + delay.components.attoseconds / 1_000_000_000
        loop.scheduleTask(in: .nanoseconds(max(nanoseconds, 1_000_000))) { [self] in
            let idleTimeout = configuration.idleTimeout
            let (stopped, last) = runtime.withLock { ($0.stopped, $0.lastActivity) }
            guard !stopped else { return }
            let idleNanoseconds = idleTimeout.components.seconds * 1_000_000_000 + idleTimeout.components.attoseconds / 1_000_000_000
            let due = last + .nanoseconds(idleNanoseconds)
            if due <= .now() {
                Task { await shutdown() }
            } else {
                scheduleIdleCheck(after: .nanoseconds(Int64((due - .now()).nanoseconds)), on: loop)
            }
        }
    }
}
