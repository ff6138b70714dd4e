import Foundation
import Syndicate

/// An API endpoint the loopback server plays, matched by path as the real API is.
///
/// Each emulator declares its routes as static members (``xTweets``, ``mastodonStatuses`` …)
/// beside its code. Faults are scripted per route (``LoopbackServer/script(_:for:)``), and
/// recorded requests carry the route they matched.
public struct LoopbackRoute: RawRepresentable, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// The route's name, such as `xTweets`.
    public let rawValue: String
    /// The network whose API the route belongs to.
    public let network: SocialNetwork

    /// Creates a route of `network` named `rawValue`.
    public init(_ rawValue: String, network: SocialNetwork) {
        self.rawValue = rawValue
        self.network = network
    }

    /// The route named `rawValue` among every built-in emulator's routes.
    public init?(rawValue: String) {
        guard let route = Self.allCases.first(where: { $0.rawValue == rawValue }) else { return nil }
        self = route
    }

    /// Every route of every built-in emulator, in ``LoopbackEmulators/builtIn``'s order.
    public static var allCases: [LoopbackRoute] { LoopbackEmulators.builtIn.flatMap { $0.routes } }

    public static func == (lhs: LoopbackRoute, rhs: LoopbackRoute) -> Bool { lhs.rawValue == rhs.rawValue }

    public func hash(into hasher: inout Hasher) { hasher.combine(rawValue) }

    public var description: String { rawValue }
}

/// A request's route and the path segments the route captures (`{user}`, `{token}`, …).
struct RouteMatch: Sendable, Equatable {
    var route: LoopbackRoute
    /// Captured segments by name: `user`, `version`, `page`, `token`, `id`.
    var captures: [String: String] = [:]
}

/// Matches request paths to ``LoopbackRoute``s: the first built-in emulator that claims the path.
enum LoopbackRouter {
    /// The route of `path` (without its query), or nil when no emulated API has it. The method is
    /// not part of matching: an emulator answers a wrong method the way its API does.
    static func match(path: String) -> RouteMatch? {
        let segments = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        for emulator in LoopbackEmulators.builtIn {
            if let match = emulator.match(segments) { return match }
        }
        return nil
    }
}
