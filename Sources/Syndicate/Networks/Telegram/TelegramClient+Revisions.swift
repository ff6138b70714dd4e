import Foundation

/// Deleting and editing what the bot posted, by the Bot API (core.telegram.org/bots/api):
///
/// - `deleteMessage` `{chat_id, message_id}` for a single message, `deleteMessages`
///   `{chat_id, message_ids}` (Bot API 7.0+, 1–100 ids; messages it cannot find are skipped)
///   for every message of a copy with several (an album's photos, and the text sent after
///   them when it did not fit a caption), the last first. Both answer `{"ok":true,"result":true}`.
///   `Bad Request: message to delete not found` counts as deleted. `Bad Request: message can't
///   be deleted` (a bot may delete only messages younger than 48 hours, and in a channel needs
///   the right to post or delete messages) is an error whose fix says to delete it by hand.
/// - `editMessageText` `{chat_id, message_id, text, parse_mode, link_preview_options}` for the
///   message holding the text (a text post, or the text that followed the photos), and
///   `editMessageCaption` `{chat_id, message_id, caption, parse_mode}` when the text is the
///   caption of the (first) photo: which one is read from the copy as ``deliver(_:of:)``
///   recorded it (``PostedCopy/mediaIDs`` holds one `file_id` per photo message, so a copy
///   with as many messages as photos carries the text as a caption). The photos are not
///   touched, so they stay. `Bad Request: message is not modified` (the same text again)
///   counts as edited; a text that has grown past a caption's 1,024 characters cannot be
///   edited into the caption (repost instead). When the message turns out to hold no text
///   (`there is no text in the message to edit`, a hand-made copy), the caption is edited.
///
/// Sources checked: core.telegram.org/bots/api (deleteMessage, deleteMessages, editMessageText,
/// editMessageCaption) as quoted by teloxide-core, tgbot and ferrisgram (docs.rs) and
/// telegram-bot-api (Hackage); the error texts in eternnoir/pyTelegramBotAPI #1544 and
/// TelegramBots/Telegram.Bot #471 (`message can't be deleted` after 48 hours), vldc-hq/vldc-bot
/// #49 (`Message to delete not found`), daniel-hauser/moneyman #133 and yi-jiayu/bus-eta-bot #6
/// (`message is not modified`).
extension TelegramClient {
    package var revisionSupport: RevisionSupport { .deleteAndEdit }

    /// `deleteMessage`'s JSON body.
    struct DeleteMessageBody: Encodable {
        var chat_id: ChatID
        var message_id: Int64
    }

    /// `deleteMessages`' JSON body.
    struct DeleteMessagesBody: Encodable {
        var chat_id: ChatID
        var message_ids: [Int64]
    }

    /// `editMessageText`'s JSON body.
    struct EditTextBody: Encodable {
        var chat_id: ChatID
        var message_id: Int64
        var text: String
        var parse_mode: String?
        var link_preview_options: SendMessageBody.LinkPreviewOptions?
    }

    /// `editMessageCaption`'s JSON body.
    struct EditCaptionBody: Encodable {
        var chat_id: ChatID
        var message_id: Int64
        var caption: String
        var parse_mode: String?
    }

    /// Where an edit's text goes.
    enum EditMethod: Equatable {
        /// `editMessageText` of the message.
        case text
        /// `editMessageCaption` of the photo.
        case caption
    }

    /// The message ids of `copy`, in order, as numbers.
    func messageIDs(of copy: PostedCopy) throws(DeliveryError) -> [Int64] {
        var ids: [Int64] = []
        for id in copy.allIDs {
            guard let number = Int64(id) else {
                throw DeliveryError(
                    .invalidPayload, network: network, account: account,
                    message: "'\(id)' is not a Telegram message id", mayHaveReachedNetwork: false,
                    fix: "give the message's number (the last part of its t.me link), or delete it by hand in Telegram.")
            }
            ids.append(number)
        }
        return ids
    }

    /// The request deleting `ids` (one: `deleteMessage`; more: `deleteMessages`, in this order).
    func deleteRequest(_ ids: [Int64]) throws(DeliveryError) -> HTTPRequest {
        do {
            if ids.count == 1 {
                return try HTTPRequest.json(url: try methodURL("deleteMessage"), body: DeleteMessageBody(chat_id: ChatID(chatID), message_id: ids[0]))
            }
            return try HTTPRequest.json(url: try methodURL("deleteMessages"), body: DeleteMessagesBody(chat_id: ChatID(chatID), message_ids: ids))
        } catch let error as DeliveryError {
            throw error
        } catch {
            throw DeliveryError(.invalidPayload, network: network, account: account, message: "the delete could not be encoded")
        }
    }

    /// What Telegram said in an error answer, lowercased ("" when nothing).
    static func description(of response: HTTPResponse) -> String {
        ((try? JSONDecoder().decode(Failure.self, from: response.body))?.description ?? "").lowercased()
    }

    /// Whether `response` is `{"ok": true, …}`.
    static func isOK(_ response: HTTPResponse) -> Bool {
        guard response.isSuccess else { return false }
        struct OK: Decodable { var ok: Bool }
        return (try? JSONDecoder().decode(OK.self, from: response.body))?.ok == true
    }

    /// Refuses a copy whose address (`t.me/<username>/<id>`, `t.me/c/<id>/<id>`) names another
    /// chat than this client's: Telegram answers "message to delete not found" for a message of
    /// another chat, so the copy would read as deleted while it stays up. A copy without an
    /// address (a private group) cannot be checked.
    func checkChat(of copy: PostedCopy) throws(DeliveryError) {
        guard let url = copy.url, url.host?.lowercased() == "t.me" else { return }
        let segments = url.path.split(separator: "/").map(String.init)
        let recorded: String
        if segments.count == 3, segments[0] == "c" {
            recorded = "-100" + segments[1]
        } else if segments.count == 2 {
            recorded = "@" + segments[0]
        } else {
            return
        }
        let configured = chatID
        let same = recorded.hasPrefix("@")
            ? (configured.hasPrefix("@") ? configured.lowercased() == recorded.lowercased() : true)   // a numeric id cannot be compared with a name
            : (configured.hasPrefix("@") ? true : configured == recorded)
        guard !same else { return }
        throw DeliveryError(
            .invalidConfiguration, network: network, account: account,
            message: "the copy is in chat \(recorded) (\(url.absoluteString)), not in this account's \(configured)", mayHaveReachedNetwork: false,
            fix: "use the account (and \(chatLocation)) it was posted with, or delete it by hand in Telegram.")
    }

    package func retract(_ copy: PostedCopy) async throws(DeliveryError) {
        try checkChat(of: copy)
        let ids = Array(try messageIDs(of: copy).reversed())
        let response = try await exchange.send(try deleteRequest(ids))
        if Self.isOK(response) { return }
        let said = Self.description(of: response)
        // Deleted already (by hand, or by an attempt whose answer was lost).
        if said.contains("message to delete not found") { return }
        var failure = error(for: response)
        // deleteMessages' refusal is not documented: the MTProto name is read too.
        if said.contains("can't be deleted") || said.contains("cannot be deleted") || said.contains("message_delete_forbidden") {
            let which = ids.count == 1 ? "message \(ids[0])" : "messages \(ids.map(String.init).joined(separator: ", "))"
            failure.category = .forbidden
            failure.mayHaveReachedNetwork = false
            failure.message = "Telegram would not let the bot delete \(which) in \(chatID)"
            failure.fix = "delete it by hand in Telegram: a bot may delete only messages younger than 48 hours, "
                + "and in a channel only as an administrator allowed to post or delete messages."
        }
        throw failure
    }

    /// Where `copy`'s text is: the caption of its first photo when it has as many messages as
    /// photos, else the last message (the text itself, or the text that followed the photos).
    static func textMessage(of copy: PostedCopy, ids: [Int64]) -> (id: Int64, method: EditMethod) {
        if !copy.mediaIDs.isEmpty, ids.count <= copy.mediaIDs.count { return (ids[0], .caption) }
        return (ids[ids.count - 1], .text)
    }

    /// The request putting `payload`'s text into message `id` by `method`.
    func editRequest(_ id: Int64, _ method: EditMethod, payload: SharePayload) throws(DeliveryError) -> HTTPRequest {
        do {
            switch method {
            case .text:
                let body = EditTextBody(
                    chat_id: ChatID(chatID), message_id: id, text: payload.text, parse_mode: payload.parseMode,
                    link_preview_options: payload.link.map { .init(url: $0.absoluteString) })
                return try HTTPRequest.json(url: try methodURL("editMessageText"), body: body)
            case .caption:
                let body = EditCaptionBody(chat_id: ChatID(chatID), message_id: id, caption: payload.text, parse_mode: payload.parseMode)
                return try HTTPRequest.json(url: try methodURL("editMessageCaption"), body: body)
            }
        } catch let error as DeliveryError {
            throw error
        } catch {
            throw DeliveryError(.invalidPayload, network: network, account: account, message: "the edit could not be encoded")
        }
    }

    package func edit(_ copy: PostedCopy, to payload: SharePayload, of post: Post) async throws(DeliveryError) -> Delivery {
        try checkChat(of: copy)
        let ids = try messageIDs(of: copy)
        var (id, method) = Self.textMessage(of: copy, ids: ids)
        if method == .caption {
            let length = TelegramParts.parsedLength(payload.text)
            guard length <= TelegramParts.captionLimit else {
                throw DeliveryError(
                    .unsupported, network: network, account: account,
                    message: "the new text is \(length) characters, longer than the photo caption (\(TelegramParts.captionLimit)) it would replace, so it cannot be edited in place",
                    mayHaveReachedNetwork: false, fix: RevisionSupport.repostAdvice + ".")
            }
        }
        var switched = false
        while true {
            let response = try await exchange.send(try editRequest(id, method, payload: payload))
            if Self.isOK(response) { break }
            let said = Self.description(of: response)
            // The same text again: nothing to change.
            if said.contains("message is not modified") { break }
            // A copy whose text is not where it was thought to be (a hand-made copy): try the other once.
            if !switched, said.contains("there is no text in the message") || said.contains("there is no caption in the message") {
                switched = true
                if method == .text {
                    method = .caption
                    id = ids[0]
                } else {
                    method = .text
                    id = ids[ids.count - 1]
                }
                continue
            }
            var failure = error(for: response)
            if said.contains("message to edit not found") {
                failure = failure.copyGone("message \(id) is no longer in \(chatID)")
            } else if said.contains("can't be edited") || said.contains("cannot be edited") {
                failure.category = .forbidden
                failure.mayHaveReachedNetwork = false
                failure.message = "Telegram would not let the bot edit message \(id) in \(chatID)"
                failure.fix = "edit it by hand in Telegram, or " + RevisionSupport.repostAdvice + "."
            }
            throw failure
        }
        return try exchange.delivery(of: copy)
    }
}
