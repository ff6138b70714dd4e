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
    /// The images served at `/images/<name>` (``LoopbackServer/hostImage(_:named:contentType:)``).
    var hostedImages: [String: HTTPResponse] = [:]

    /// Each network's emulator, by network name.
    private var emulators: [String: any NetworkEmulator] = Dictionary(
        uniqueKeysWithValues: LoopbackEmulators.builtIn.map { emulator in
            (emulator.routes.first?.network.rawValue ?? "", emulator.init() as any NetworkEmulator)
        })

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
        if request.method == "GET", request.path.hasPrefix("/images/") {
            let name = String(request.path.dropFirst("/images/".count))
            return .respond(hostedImages[name] ?? LoopbackBody.text(404, "Not Found"), delay: nil)
        }
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
        let network = match.route.network.rawValue
        // Taken out while it works, so that its state is never copied.
        guard var emulator = emulators.removeValue(forKey: network) else {
            return LoopbackBody.json(404, ["error": "Not Found", "path": request.path])
        }
        let result = emulator.handle(request, match: match, context: context)
        emulators[network] = emulator
        if let post = result.post { recorder.record(post) }
        for change in result.changes { recorder.apply(change) }
        return result.response
    }

    /// The network's own error answer for `status`.
    private func error(_ status: Int, _ route: LoopbackRoute, reset: Date, context: EmulatorContext) -> HTTPResponse {
        guard let emulator = LoopbackEmulators.builtIn.first(where: { $0.routes.contains(route) }) else {
            return LoopbackBody.json(status, ["error": LoopbackBody.reason(status)])
        }
        return emulator.error(status, route: route, reset: reset, context: context)
    }
}
