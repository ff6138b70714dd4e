import Foundation

/// Slack's incoming webhooks only post: the webhook answers `ok` without the message's
/// timestamp (`ts`), and Slack deletes and edits messages only through `chat.delete` and
/// `chat.update`, which take a token with the `chat:write` scope and the message's channel and
/// `ts` (docs.slack.dev/messaging/modifying-messages; api.slack.com/methods/chat.delete: "When
/// used with a bot token, this method may delete only messages posted by that bot"). So this
/// client can neither retract nor update, and says what a person does instead. Sources checked:
/// docs.slack.dev/messaging/sending-messages-using-incoming-webhooks, docs.slack.dev/messaging/
/// modifying-messages, api.slack.com/methods/chat.delete and chat.update.
extension SlackClient {
    /// Why nothing can be deleted or edited, and what to do instead.
    static let revisionReason =
        "Slack's incoming webhooks cannot delete or edit a message: the webhook only posts, and Slack answers without the message's id. "
        + "Delete the message by hand in Slack (hover over it, open More actions ⋮ and choose Delete message; "
        + "a message an app posted may need a workspace owner or admin to delete it), then post the corrected text in the channel if it is still wanted"

    package var revisionSupport: RevisionSupport { .none(Self.revisionReason) }
}
