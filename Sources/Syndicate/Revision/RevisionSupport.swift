/// What a network's API lets a client do to a post after posting it.
///
/// ``NetworkClient/revisionSupport`` gives it for each client; ``LedgeredPoster`` reads it
/// before asking for a delete or an edit, and reports the reason of a ``Capability/unsupported(_:)``
/// instead of sending anything.
///
/// | Network | Retract | Edit |
/// |---|---|---|
/// | X, Bluesky, Threads | yes | no: repost |
/// | Mastodon, Facebook, LinkedIn, Telegram, Discord, Tumblr | yes | yes |
/// | Slack incoming webhooks, generic webhooks | no | no |
public struct RevisionSupport: Sendable, Equatable {
    /// Whether one action is possible, and why not when it is not.
    public enum Capability: Sendable, Equatable {
        /// The API does it.
        case supported
        /// The API cannot; the reason says what a person can do instead.
        case unsupported(String)

        /// Whether the action is possible.
        public var isSupported: Bool { self == .supported }
    }

    /// Deleting a posted copy (every part of a thread).
    public var retract: Capability
    /// Changing a posted copy's text in place.
    public var edit: Capability

    /// Creates the support of a client.
    public init(retract: Capability, edit: Capability) {
        self.retract = retract
        self.edit = edit
    }

    /// A network that can delete and edit its posts.
    public static let deleteAndEdit = RevisionSupport(retract: .supported, edit: .supported)

    /// A network that can delete its posts but not edit them; `network` names it in the reason.
    public static func deleteOnly(_ network: SocialNetwork) -> RevisionSupport {
        RevisionSupport(
            retract: .supported,
            edit: .unsupported("\(network.displayName)'s API cannot edit a post; " + repostAdvice))
    }

    /// How to replace a copy that cannot be edited, in the library's terms (the command-line
    /// tool names its own option instead).
    public static let repostAdvice = "repost it instead: update with repost (LedgeredPoster.update(_:through:repost: true)) deletes the copy and posts the new version"

    /// A network whose API can neither delete nor edit; `reason` says why and what to do.
    public static func none(_ reason: String) -> RevisionSupport {
        RevisionSupport(retract: .unsupported(reason), edit: .unsupported(reason))
    }
}
