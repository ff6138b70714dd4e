import Foundation

/// Posts messages to a Telegram chat or channel through a bot (`sendMessage`).
///
/// Settings (`SYNDICATE_TELEGRAM_…`): `BOT_TOKEN` (from @BotFather, such as
/// `123456:ABC-…`), `CHAT_ID` (`@channelname` or a numeric id such as `-1001234567890`) and
/// optional `API_BASE` (default `https://api.telegram.org`, for a local Bot API server).
///
/// The bot must be an administrator of a channel, allowed to post. The text is sent in the
/// payload's `parse_mode` (HTML) with the link as the preview. Telegram has no duplicate
/// detection, so a failure that may have reached it is never retried
/// (``DuplicateProtection/none``). The bot token is part of the request path; redaction hides
/// it (`/botREDACTED/sendMessage`).
///
/// Images are uploaded with the message, as multipart files (core.telegram.org/bots/api):
/// one photo by `sendPhoto` (`photo`), two to ten as an album by `sendMediaGroup` (`media`, a
/// JSON array of `InputMediaPhoto` whose `media` is `attach://photo0`…, and one file part per
/// photo). Remote images are uploaded too rather than passed as their URL: the image pipeline
/// has already fetched and fitted them, Telegram fetches URLs only up to 5 MB and from hosts
/// it can reach, and the same request shape serves local and remote images. Telegram photos
/// have no alt text. The text goes as the caption (of the first photo of an album) when it
/// fits ``TelegramParts/captionLimit`` after entity parsing; else the photos go without a
/// caption and the whole text follows as a `sendMessage` (link preview as for a text post),
/// which ``Delivery/warnings`` reports. The ``Delivery/remoteID`` is the first message; with
/// more than one message ``Delivery/partIDs`` lists them all in order (photos, then the
/// text), and ``Delivery/mediaIDs`` holds each photo's `file_id`. Nothing is retried blindly:
/// when the text message fails after the photos were sent, the error lists them
/// (``DeliveryError/postedPartIDs``).
package struct TelegramClient: NetworkClient {
    package let network = SocialNetwork.telegram
    package let account: String
    package let duplicateProtection = DuplicateProtection.none
    package var secrets: [String] { [botToken] }

    /// The Bot API's base URL.
    package let apiBase: URL
    /// The chat posted to, as configured.
    package let chatID: String
    private let botToken: String
    let chatLocation: String
    let tokenLocation: String
    let exchange: NetworkExchange

    /// Creates a client from an account's settings.
    ///
    /// - Throws: ``DeliveryError`` `.missingCredential` naming the missing variable, or
    ///   `.invalidConfiguration` for an unusable `API_BASE` or bot token.
    package init(settings: AccountSettings, environment: DeliveryEnvironment) throws(DeliveryError) {
        account = settings.account
        apiBase = try settings.url("API_BASE", default: "https://api.telegram.org")
        botToken = try settings.require("BOT_TOKEN").trimmingCharacters(in: .whitespacesAndNewlines)
        chatID = try settings.require("CHAT_ID").trimmingCharacters(in: .whitespacesAndNewlines)
        chatLocation = settings.location(of: "CHAT_ID")
        tokenLocation = settings.location(of: "BOT_TOKEN")
        exchange = NetworkExchange(network: .telegram, account: account, environment: environment, secrets: settings.secrets)
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: ":_-"))
        guard botToken.unicodeScalars.allSatisfy(allowed.contains) else {
            throw DeliveryError(
                .invalidConfiguration, network: .telegram, account: account,
                message: "\(tokenLocation) is not a bot token (letters, digits, ':', '_' and '-')",
                fix: "set \(tokenLocation) to the token @BotFather gave, such as 123456:ABC-DEF….")
        }
        guard Self.isChatID(chatID) else {
            throw DeliveryError(
                .invalidConfiguration, network: .telegram, account: account,
                message: "\(chatLocation) '\(chatID)' is neither a chat's numeric id nor an @username",
                fix: "set \(chatLocation) to the channel's @username (such as @schoolnews) or its numeric id (such as -1001234567890).")
        }
    }

    /// Whether `text` is what the Bot API takes as `chat_id`: an integer (negative for groups
    /// and channels) or `@` and a public username (letters, digits and underscores, at most 32).
    static func isChatID(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        if bytes.first == UInt8(ascii: "@") {
            let name = bytes.dropFirst()
            return (1...32).contains(name.count)
                && name.allSatisfy { $0 == UInt8(ascii: "_") || (0x30...0x39).contains($0) || (0x41...0x5A).contains($0 & 0xDF) }
        }
        let digits = bytes.first == UInt8(ascii: "-") ? bytes.dropFirst() : bytes[...]
        return (1...20).contains(digits.count) && digits.allSatisfy { (0x30...0x39).contains($0) }
    }

    /// `sendMessage`'s JSON body.
    struct SendMessageBody: Encodable {
        /// `link_preview_options`: which link the preview shows.
        struct LinkPreviewOptions: Encodable {
            var url: String
        }

        var chat_id: ChatID
        var text: String
        var parse_mode: String?
        var link_preview_options: LinkPreviewOptions?
    }

    /// A chat id as Telegram takes it: a number, or `@username` as a string.
    enum ChatID: Encodable, Equatable {
        case number(Int64)
        case name(String)

        init(_ text: String) {
            self = Int64(text).map(ChatID.number) ?? .name(text)
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .number(let number): try container.encode(number)
            case .name(let name): try container.encode(name)
            }
        }
    }

    /// The part of a `sendMessage` answer this client reads.
    struct Answer: Decodable {
        struct Message: Decodable {
            struct Chat: Decodable {
                var id: Int64
                var username: String?
            }

            /// A photo's sizes, the largest last.
            struct PhotoSize: Decodable {
                var file_id: String
            }

            var message_id: Int64
            var chat: Chat
            var photo: [PhotoSize]?
        }

        var ok: Bool
        var result: Message?
    }

    /// A `sendMediaGroup` answer: the messages sent, one per photo.
    struct GroupAnswer: Decodable {
        var ok: Bool
        var result: [Answer.Message]?
    }

    /// `InputMediaPhoto` of `sendMediaGroup`: a photo attached as the file part named in `media`.
    struct InputMediaPhoto: Encodable {
        var type = "photo"
        var media: String
        var caption: String?
        var parse_mode: String?
    }

    /// Telegram's error body: `{"ok": false, "error_code", "description", "parameters"}`.
    struct Failure: Decodable {
        struct Parameters: Decodable {
            var retry_after: Double?
            var migrate_to_chat_id: Int64?
        }

        var error_code: Int?
        var description: String?
        var parameters: Parameters?
    }

    /// The URL of the Bot API method `name`.
    func methodURL(_ name: String) throws(DeliveryError) -> URL {
        guard let url = URL(string: "\(apiBase.absoluteString)/bot\(botToken)/\(name)") else {
            throw DeliveryError(
                .invalidConfiguration, network: network, account: account,
                message: "\(tokenLocation) and API_BASE do not form a URL")
        }
        return url
    }

    /// The `sendPhoto` request: `image` uploaded as the `photo` file, with `caption` in `parseMode`.
    func photoRequest(_ image: PreparedImage, caption: String?, parseMode: String?) throws(DeliveryError) -> HTTPRequest {
        var form = MultipartForm()
        form.add("chat_id", chatID)
        form.add("photo", fileName: image.fileName, contentType: image.format.mimeType, data: image.data)
        if let caption {
            form.add("caption", caption)
            if let parseMode { form.add("parse_mode", parseMode) }
        }
        return form.request(url: try methodURL("sendPhoto"))
    }

    /// The `sendMediaGroup` request: `images` (2–10) as an album, `caption` on the first.
    func mediaGroupRequest(_ images: [PreparedImage], caption: String?, parseMode: String?) throws(DeliveryError) -> HTTPRequest {
        let media = images.indices.map { index in
            InputMediaPhoto(
                media: "attach://photo\(index)", caption: index == 0 ? caption : nil, parse_mode: index == 0 && caption != nil ? parseMode : nil)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let json = try? encoder.encode(media) else {
            throw DeliveryError(.invalidPayload, network: network, account: account, message: "the album could not be encoded")
        }
        var form = MultipartForm()
        form.add("chat_id", chatID)
        form.add("media", String(decoding: json, as: UTF8.self))
        for (index, image) in images.enumerated() {
            form.add("photo\(index)", fileName: image.fileName, contentType: image.format.mimeType, data: image.data)
        }
        return form.request(url: try methodURL("sendMediaGroup"))
    }

    /// The request sending `payload`.
    func request(for payload: SharePayload) throws(DeliveryError) -> HTTPRequest {
        let url = try methodURL("sendMessage")
        let body = SendMessageBody(
            chat_id: ChatID(chatID), text: payload.text, parse_mode: payload.parseMode,
            link_preview_options: payload.link.map { .init(url: $0.absoluteString) })
        do {
            return try HTTPRequest.json(url: url, body: body)
        } catch {
            throw DeliveryError(.invalidPayload, network: network, account: account, message: "the message could not be encoded")
        }
    }

    package func deliver(_ payload: SharePayload, of post: Post) async throws(DeliveryError) -> Delivery {
        let (images, warnings) = try await exchange.prepareImages(payload.images, limits: TelegramNetwork.images)
        var messages: [Answer.Message] = []
        var notes = warnings
        if images.isEmpty {
            messages.append(try await sendText(payload))
        } else {
            let length = TelegramParts.parsedLength(payload.text)
            let fits = length <= TelegramParts.captionLimit
            messages = try await sendPhotos(images, caption: fits ? payload.text : nil, parseMode: payload.parseMode)
            if !fits {
                do {
                    messages.append(try await sendText(payload))
                } catch {
                    throw Self.afterPhotos(error, messages.map { String($0.message_id) })
                }
                notes.append(
                    "The text is \(length) characters, longer than a photo caption (\(TelegramParts.captionLimit)), so the photos went without a caption and the text followed as its own message.")
            }
        }
        guard let first = messages.first else { throw exchange.unexpected(HTTPResponse(status: 200), "an answer without the sent message") }
        let ids = messages.map { String($0.message_id) }
        var delivery = try exchange.delivery(
            remoteID: ids[0], url: Self.messageURL(chat: first.chat, messageID: first.message_id), partIDs: ids.count > 1 ? ids : [])
        delivery.mediaIDs = messages.compactMap { $0.photo?.last?.file_id }
        delivery.warnings = notes
        return delivery
    }

    /// Sends the text as a message (`sendMessage`) and returns it.
    private func sendText(_ payload: SharePayload) async throws(DeliveryError) -> Answer.Message {
        let response = try await exchange.send(try request(for: payload))
        guard response.isSuccess else { throw error(for: response) }
        let answer = try exchange.decode(Answer.self, from: response)
        guard answer.ok, let message = answer.result else { throw error(for: response) }
        return message
    }

    /// Sends `images` (one photo, or an album), `caption` on the first, and returns the messages.
    private func sendPhotos(_ images: [PreparedImage], caption: String?, parseMode: String?) async throws(DeliveryError) -> [Answer.Message] {
        let single = images.count == 1
        let request = single
            ? try photoRequest(images[0], caption: caption, parseMode: parseMode)
            : try mediaGroupRequest(images, caption: caption, parseMode: parseMode)
        let response = try await exchange.send(request)
        guard response.isSuccess else { throw photoError(for: response, images: images) }
        if single {
            let answer = try exchange.decode(Answer.self, from: response)
            guard answer.ok, let message = answer.result else { throw error(for: response) }
            return [message]
        }
        let answer = try exchange.decode(GroupAnswer.self, from: response)
        guard answer.ok, let messages = answer.result, !messages.isEmpty else { throw error(for: response) }
        return messages
    }

    /// Telegram's refusal of a photo request: a 413, or a 400 about the photo (`PHOTO_…`,
    /// `IMAGE_PROCESS_FAILED`, `file is too big`), names the images and the fix.
    private func photoError(for response: HTTPResponse, images: [PreparedImage]) -> DeliveryError {
        var error = error(for: response)
        let said = (error.networkMessage ?? "").lowercased()
        let aboutPhoto = ["photo", "image", "file", "media"].contains { said.contains($0) }
        guard response.status == 413 || (response.status == 400 && error.category == .invalidPayload && aboutPhoto) else { return error }
        let names = images.map { $0.source.isFileURL ? $0.source.lastPathComponent : ImageError.name(of: $0.source) }.joined(separator: ", ")
        error.category = .invalidPayload
        error.mayHaveReachedNetwork = false
        error.message = "Telegram refused the photo\(images.count == 1 ? "" : "s") \(names)"
        error.fix = "make each image a JPEG, PNG or WebP of at most 10 MB whose width and height add up to at most 10,000 pixels, then post again."
        return error
    }

    /// `error` of the text message sent after the photos `photoIDs`: they are posted, so the
    /// message says so and nothing retries.
    static func afterPhotos(_ error: DeliveryError, _ photoIDs: [String]) -> DeliveryError {
        var error = error
        error.postedPartIDs = photoIDs
        error.mayHaveReachedNetwork = true
        error.message = "the photos were posted (messages \(photoIDs.joined(separator: ", "))), then the text message failed: \(error.message)"
        error.fix = "post the text by hand in the chat, or delete the photo messages and run again. (\(error.fix))"
        return error
    }

    /// `https://t.me/{username}/{id}` for a public chat, `https://t.me/c/{id without -100}/{id}`
    /// for a private channel or supergroup, nil for other chats (which have no message links).
    static func messageURL(chat: Answer.Message.Chat, messageID: Int64) -> URL? {
        if let username = chat.username, !username.isEmpty {
            return URL(string: "https://t.me/\(username)/\(messageID)")
        }
        let id = String(chat.id)
        guard id.hasPrefix("-100"), id.count > 4 else { return nil }
        return URL(string: "https://t.me/c/\(id.dropFirst(4))/\(messageID)")
    }

    /// Telegram's error body read into a ``DeliveryError``.
    ///
    /// 401 and 404 mean the bot token was refused (`.unauthorized`); 403 that the bot may not
    /// post in the chat (`.forbidden`); `chat not found` and a group upgraded to a supergroup
    /// are wrong `CHAT_ID`s (`.invalidConfiguration`); 429 waits `parameters.retry_after`.
    func error(for response: HTTPResponse) -> DeliveryError {
        let failure = try? JSONDecoder().decode(Failure.self, from: response.body)
        let said = failure?.description ?? (response.isSuccess ? nil : String(response.text.prefix(200)))
        var status = response
        if response.isSuccess, let code = failure?.error_code { status.status = code }   // {"ok": false} with HTTP 200
        guard !status.isSuccess else { return exchange.unexpected(response, "an answer without the sent message") }
        var error = exchange.error(for: status, networkMessage: said)
        let lowered = said?.lowercased() ?? ""
        switch status.status {
        case 401, 404:
            error.category = .unauthorized
            error.message = "the bot token was refused"
            error.fix = "ask @BotFather for the bot's token (/token) and set it as \(tokenLocation), then run again."
        case 403:
            error.category = .forbidden
            error.message = "the bot may not post in \(chatID)"
            error.fix = "add the bot to \(chatID) as an administrator allowed to post messages (or unblock it), then run again."
        case 400 where lowered.contains("chat not found"):
            error.category = .invalidConfiguration
            error.message = "the chat \(chatID) was not found"
            error.fix = "set \(chatLocation) to @channelname or the chat's numeric id (-100…), and add the bot to that chat."
        case 400 where failure?.parameters?.migrate_to_chat_id != nil:
            let newID = failure?.parameters?.migrate_to_chat_id.map(String.init) ?? ""
            error.category = .invalidConfiguration
            error.message = "the group \(chatID) became the supergroup \(newID)"
            error.fix = "set \(chatLocation) to \(newID) and run again."
        default:
            break
        }
        if error.category == .unauthorized || error.category == .forbidden || error.category == .invalidConfiguration {
            error.mayHaveReachedNetwork = false
        }
        return error
    }
}
