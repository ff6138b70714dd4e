import Foundation

/// A generic webhook has no way to take a post back: the body the client sends (see
/// ``WebhookClient``) has one fixed shape, a new post, with no field saying what happened to it
/// (no `event` or `action`), and there is no agreed delete or edit request a receiver would
/// understand. So this client can neither retract nor update; the reason says that whoever
/// runs the receiving service must be told by hand.
extension WebhookClient {
    /// Why nothing can be deleted or edited, and what to do instead.
    static let revisionReason =
        "a webhook has no way to delete or edit what it sent: Syndicate only posts new items to it, and the receiving service decides what happens to them. "
        + "Tell whoever runs the receiving service (or remove the item there yourself) which post to take down or correct, giving the post's id and URL"

    package var revisionSupport: RevisionSupport { .none(Self.revisionReason) }
}
