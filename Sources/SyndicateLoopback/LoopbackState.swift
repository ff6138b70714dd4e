import Foundation
import Syndicate

/// Everything the server knows, guarded together: the emulators' state, the fault script and
/// the recorder. ``answer(_:now:)`` is the whole request-to-answer decision, free of I/O.
struct LoopbackState: Sendable {
    var script = FaultScript()
    var recorder = LoopbackRecorder()
    var tokens: LoopbackServer.TokenPolicy
    var blueskyPassword: String
    var xSecrets: LoopbackServer.XSecrets

    private var x = XEmulator()
    private var mastodon = MastodonEmulator()
    private var bluesky = BlueskyEmulator()
    private var linkedIn = LinkedInEmulator()
    private var threads = ThreadsEmulator()
    private var facebook = FacebookEmulator()
    private var telegram = TelegramEmulator()
    private var discord = DiscordEmulator()
    private var slack = SlackEmulator()
    private var webhook = WebhookEmulator()

    init(tokens: LoopbackServer.TokenPolicy, blueskyPassword: String, xSecrets: LoopbackServer.XSecrets = .init()) {
        self.tokens = tokens
        self.blueskyPassword = blueskyPassword
        self.xSecrets = xSecrets
    }

    /// What the server does with a request.
    enum Action: Sendable, Equatable {
        /// Sends `response`, after `delay` when there is one.
        case respond(HTTPResponse, delay: Duration?)
        /// Closes the connection without answering.
        case drop
    }

    /// Records `request`, takes the next scripted fault for its route and decides the answer.
    mutating func answer(_ request: LoopbackRequest, now: Date) -> Action {
        var request = request
        let match = LoopbackRouter.match(path: request.path)
        request.route = match?.route
        recorder.record(request)
        guard let match else {
            return .respond(LoopbackBody.json(404, ["error": "Not Found", "path": request.path]), delay: nil)
        }
        let context = EmulatorContext(now: now, tokens: tokens, blueskyPassword: blueskyPassword, xSecrets: xSecrets)
        return apply(script.next(for: match.route), to: request, match: match, context: context)
    }

    private mutating func apply(_ fault: LoopbackFault?, to request: LoopbackRequest, match: RouteMatch, context: EmulatorContext) -> Action {
        switch fault {
        case nil:
            return .respond(handle(request, match: match, context: context), delay: nil)
        case .status(let status):
            return .respond(error(status, match.route, reset: context.now.addingTimeInterval(60), context: context), delay: nil)
        case .rateLimited(let resetAfter):
            let seconds = Double(resetAfter.components.seconds) + Double(resetAfter.components.attoseconds) / 1e18
            return .respond(error(429, match.route, reset: context.now.addingTimeInterval(seconds), context: context), delay: nil)
        case .response(let response):
            return .respond(response, delay: nil)
        case .slow(let delay):
            return .respond(handle(request, match: match, context: context), delay: delay)
        case .dropConnection:
            return .drop
        case .afterHandling(let then):
            _ = handle(request, match: match, context: context)
            return apply(then, to: request, match: match, context: context)
        }
    }

    /// The emulator's answer, recording any post it created.
    private mutating func handle(_ request: LoopbackRequest, match: RouteMatch, context: EmulatorContext) -> HTTPResponse {
        let result: EmulatorResult
        switch match.route.network {
        case .x: result = x.handle(request, match: match, context: context)
        case .mastodon: result = mastodon.handle(request, match: match, context: context)
        case .bluesky: result = bluesky.handle(request, match: match, context: context)
        case .linkedin: result = linkedIn.handle(request, match: match, context: context)
        case .threads: result = threads.handle(request, match: match, context: context)
        case .facebook: result = facebook.handle(request, match: match, context: context)
        case .telegram: result = telegram.handle(request, match: match, context: context)
        case .discord: result = discord.handle(request, match: match, context: context)
        case .slack: result = slack.handle(request, match: match, context: context)
        case .webhook: result = webhook.handle(request, match: match, context: context)
        }
        if let post = result.post { recorder.record(post) }
        return result.response
    }

    /// The network's own error answer for `status`.
    private func error(_ status: Int, _ route: LoopbackRoute, reset: Date, context: EmulatorContext) -> HTTPResponse {
        let emulator: any NetworkEmulator.Type =
            switch route.network {
            case .x: XEmulator.self
            case .mastodon: MastodonEmulator.self
            case .bluesky: BlueskyEmulator.self
            case .linkedin: LinkedInEmulator.self
            case .threads: ThreadsEmulator.self
            case .facebook: FacebookEmulator.self
            case .telegram: TelegramEmulator.self
            case .discord: DiscordEmulator.self
            case .slack: SlackEmulator.self
            case .webhook: WebhookEmulator.self
            }
        return emulator.error(status, route: route, reset: reset, context: context)
    }
}
