import Foundation
import Logging

/// Posts to a Bluesky account (`com.atproto.repo.createRecord` of an `app.bsky.feed.post`), a
/// thread as replies, with the link card and its thumbnail.
///
/// Settings (`SYNDICATE_BLUESKY_…`): `HANDLE` (such as `school.bsky.social`; an email or DID
/// works too), `APP_PASSWORD` (an app password, never the account's own password) and optional
/// `SERVICE` (the PDS; default `https://bsky.social`).
///
/// The client signs in once and shares the session between all its deliveries
/// (`BlueskySession`): an expired access token is refreshed, never a sign-in per post. Every
/// record gets a key derived from the post, account and part (`BlueskyRecordKey`), so that a
/// retry collides with what an earlier attempt wrote instead of posting twice: the client then
/// looks the record up and, when every part already exists, reports a `.duplicate`; a thread
/// broken off half-way is completed.
///
/// The first part carries the payload's images as `app.bsky.embed.images` (each uploaded once
/// with `com.atproto.repo.uploadBlob`, with its alt text and aspect ratio); images win over the
/// link card, whose link then stays a facet in the text (a post has one embed). Without images,
/// the first part carries the payload's `app.bsky.embed.external` card. Its thumbnail is fetched
/// from the payload's image URL (an `image/*` of at most 1,000,000 bytes, within 10 seconds) and
/// uploaded with `com.atproto.repo.uploadBlob`; when any of that fails the card goes without a
/// thumbnail, and the post is made all the same. Each `@handle` mention is resolved to its DID
/// (`com.atproto.identity.resolveHandle`, once per handle) and becomes a mention facet; a handle
/// that does not resolve is posted as plain text.
package struct BlueskyClient: NetworkClient {
    /// The largest thumbnail Bluesky takes, in bytes.
    package static let maximumThumbnailSize = 1_000_000

    package let network = SocialNetwork.bluesky
    package let account: String
    package let duplicateProtection = DuplicateProtection.idempotencyKey
    /// The app password, and the current session's tokens once signed in.
    package var secrets: [String] { [appPassword] + session.secretsBox.secrets }

    /// The service's base URL.
    package var service: URL { api.service }
    private let appPassword: String
    let api: BlueskyAPI
    private let session: BlueskySession

    /// Creates a client from an account's settings; nothing is sent until the first delivery.
    ///
    /// - Throws: ``DeliveryError`` `.missingCredential` naming the missing variable, or
    ///   `.invalidConfiguration` for an unusable `SERVICE`.
    package init(settings: AccountSettings, environment: DeliveryEnvironment) throws(DeliveryError) {
        account = settings.account
        let service = try settings.url("SERVICE", default: "https://bsky.social")
        let handle = try settings.require("HANDLE")
        appPassword = try settings.require("APP_PASSWORD")
        let exchange = NetworkExchange(network: .bluesky, account: account, environment: environment, secrets: settings.secrets)
        api = BlueskyAPI(
            service: service, exchange: exchange, handleLocation: settings.location(of: "HANDLE"),
            passwordLocation: settings.location(of: "APP_PASSWORD"))
        session = BlueskySession(api: api, identifier: handle.hasPrefix("@") ? String(handle.dropFirst()) : handle, password: appPassword)
    }

    package func deliver(_ payload: SharePayload, of post: Post) async throws(DeliveryError) -> Delivery {
        var parts = payload.parts.map { $0.map { (text: $0.text, facets: $0.facets) } } ?? [(text: payload.text, facets: payload.facets)]
        guard !parts.isEmpty else {
            throw DeliveryError(.invalidPayload, network: network, account: account, message: "the payload has no text")
        }
        let tokens = try await session.tokens()
        let dids = await resolve(handles: parts.flatMap { ($0.facets ?? []).flatMap(\.unresolvedHandles) })
        if !dids.isEmpty {
            for index in parts.indices { parts[index].facets = parts[index].facets?.map { $0.resolvingMentions(dids) } }
        }
        let createdAt = BlueskyPostRecord.timestamp(api.exchange.environment.now())
        let langs = post.language.flatMap { LanguageTag($0) }.map { [$0.primary] }
        // Images win over the link card: a post has one embed, and the link stays a facet.
        let (images, mediaIDs, imageWarnings) = try await imagesEmbed(for: payload, of: post)
        var card: BlueskyPostRecord.ExternalEmbed?
        if images == nil, let external = payload.embed?.external {
            var thumb: BlueskyPostRecord.Blob?
            if let thumbURL = external.thumbURL { thumb = await thumbnail(from: thumbURL) }
            card = .init(external: .init(uri: external.uri.absoluteString, title: external.title, description: external.description, thumb: thumb))
        }
        var refs: [BlueskyPostRecord.StrongRef] = []
        var rkeys: [String] = []
        var existing = 0
        for (index, part) in parts.enumerated() {
            let rkey = BlueskyRecordKey.make(postID: post.id, account: account, part: index + 1, published: post.published)
            let embed: BlueskyPostRecord.Embed? = images.map { .images($0) } ?? card.map { .external($0) }
            let record = BlueskyPostRecord(
                text: part.text, createdAt: createdAt, langs: langs, facets: BlueskyPostRecord.postable(part.facets),
                embed: index == 0 ? embed : nil,
                reply: refs.first.map { .init(root: $0, parent: refs[refs.count - 1]) })
            let ref: BlueskyPostRecord.StrongRef
            let existed: Bool
            do {
                (ref, existed) = try await create(record, rkey: rkey)
            } catch {
                // Blobs no record references yet are reported, so a retry can reuse them (a
                // duplicate's record already has them).
                throw index == 0 && error.category != .duplicate ? error.afterUploading(mediaIDs) : error
            }
            refs.append(ref)
            rkeys.append(ref.uri.split(separator: "/").last.map(String.init) ?? rkey)
            if existed { existing += 1 }
        }
        var delivery = try api.exchange.delivery(
            remoteID: refs[0].uri,
            url: URL(string: "https://bsky.app/profile/\(tokens.handle)/post/\(rkeys[0])"),
            partIDs: refs.count > 1 ? refs.map(\.uri) : [])
        delivery.mediaIDs = mediaIDs
        delivery.warnings = imageWarnings
        if existing == refs.count {
            var duplicate = DeliveryError(
                .duplicate, network: network, account: account,
                message: "the post already exists as \(refs[0].uri)", mayHaveReachedNetwork: true)
            duplicate.existing = delivery
            throw duplicate
        }
        return delivery
    }

    /// Writes `record` under `rkey`; returns its reference and whether it already existed.
    private func create(_ record: BlueskyPostRecord, rkey: String) async throws(DeliveryError) -> (BlueskyPostRecord.StrongRef, Bool) {
        let (response, tokens) = try await sendAuthorized { tokens throws(DeliveryError) in
            let body = BlueskyPostRecord.CreateRecordBody(repo: tokens.did, rkey: rkey, record: record)
            do {
                return try HTTPRequest.json(
                    url: api.endpoint("com.atproto.repo.createRecord"),
                    headers: ["Authorization": "Bearer \(tokens.accessJwt)"], body: body)
            } catch {
                throw DeliveryError(.invalidPayload, network: network, account: account, message: "the post could not be encoded")
            }
        }
        if response.isSuccess {
            return (try api.exchange.decode(BlueskyPostRecord.StrongRef.self, from: response), false)
        }
        // A record already under this key (from an earlier attempt) makes the PDS answer 500 or,
        // in newer versions, a 4xx naming the conflict: look it up before reporting an error.
        let said = BlueskyAPI.networkMessage(of: response)?.lowercased() ?? ""
        let saysExists = said.contains("already exist") || said.contains("already a value") || said.contains("recordexists")
        if response.status >= 500 || response.status == 409 || saysExists {
            if let ref = await existingRecord(rkey: rkey, repo: tokens.did) { return (ref, true) }
        }
        if saysExists {
            var duplicate = DeliveryError(
                .duplicate, network: network, account: account, message: "a record with this post's key already exists",
                status: response.status, networkMessage: BlueskyAPI.networkMessage(of: response).map(api.exchange.redactor.redact))
            // The key is this post's own, so the record's address is known even when the lookup failed.
            duplicate.existing = try? api.exchange.delivery(
                remoteID: "at://\(tokens.did)/app.bsky.feed.post/\(rkey)",
                url: URL(string: "https://bsky.app/profile/\(tokens.handle)/post/\(rkey)"))
            throw duplicate
        }
        throw api.error(for: response)
    }

    /// The DIDs of `handles` (`com.atproto.identity.resolveHandle`), each asked once; a handle
    /// that does not resolve is left out (its mention stays plain text, and a log line says so),
    /// since a mention is not worth failing the post for.
    func resolve(handles: [String]) async -> [String: String] {
        var byLowercased: [String: String] = [:]
        var asked = Set<String>()
        let metadata: [String: Logger.MetadataValue] = ["network": "bluesky", "account": "\(account)"]
        for handle in handles where asked.insert(handle.lowercased()).inserted {
            guard let url = api.endpoint("com.atproto.identity.resolveHandle", query: [("handle", handle)]) else { continue }
            let request = HTTPRequest(method: .get, url: url, headers: ["Accept": "application/json"])
            struct Resolved: Decodable { var did: String }
            guard let response = try? await api.exchange.send(request), response.isSuccess,
                let resolved = try? JSONDecoder().decode(Resolved.self, from: response.body), resolved.did.hasPrefix("did:")
            else {
                api.exchange.environment.logger.notice("@\(handle) is not a Bluesky handle that resolves; posted as plain text", metadata: metadata)
                continue
            }
            byLowercased[handle.lowercased()] = resolved.did
        }
        // Handles are case-insensitive: every spelling in the text gets the DID.
        var dids: [String: String] = [:]
        for handle in handles { dids[handle] = byLowercased[handle.lowercased()] }
        return dids
    }

    /// The post at `rkey` in `repo` (`com.atproto.repo.getRecord`), or nil when there is none or
    /// the lookup fails.
    private func existingRecord(rkey: String, repo: String) async -> BlueskyPostRecord.StrongRef? {
        guard
            let url = api.endpoint(
                "com.atproto.repo.getRecord", query: [("repo", repo), ("collection", "app.bsky.feed.post"), ("rkey", rkey)])
        else { return nil }
        let request = HTTPRequest(method: .get, url: url, headers: ["Accept": "application/json"])
        guard let response = try? await api.exchange.send(request), response.isSuccess else { return nil }
        return try? JSONDecoder().decode(BlueskyPostRecord.StrongRef.self, from: response.body)
    }

    /// Sends the request `build` makes with the session's tokens; when the access token has
    /// expired, renews the session once and sends it again.
    func sendAuthorized(
        _ build: (BlueskySession.Tokens) throws(DeliveryError) -> HTTPRequest
    ) async throws(DeliveryError) -> (HTTPResponse, BlueskySession.Tokens) {
        var tokens = try await session.tokens()
        var response = try await api.exchange.send(try build(tokens))
        if BlueskyAPI.isExpiredToken(response) {
            tokens = try await session.renew(replacing: tokens)
            response = try await api.exchange.send(try build(tokens))
        }
        return (response, tokens)
    }

    /// Fetches the card's image and uploads it as a blob; nil (and a log line) when the image is
    /// unreachable, not an image, too large, or the upload fails.
    func thumbnail(from url: URL) async -> BlueskyPostRecord.Blob? {
        let logger = api.exchange.environment.logger
        let metadata: [String: Logger.MetadataValue] = ["network": "bluesky", "account": "\(account)"]
        func skip(_ reason: String) -> BlueskyPostRecord.Blob? {
            logger.notice("link card posted without thumbnail: \(reason)", metadata: metadata)
            return nil
        }
        guard let scheme = url.scheme?.lowercased(), scheme == "https" || scheme == "http" else {
            return skip("the image address is not http(s)")
        }
        let fetch = HTTPRequest(method: .get, url: url, headers: ["Accept": "image/*"], timeout: .seconds(10))
        let image: HTTPResponse
        do {
            image = try await api.exchange.send(fetch)
        } catch {
            return skip("the image could not be fetched (\(error.message))")
        }
        guard image.isSuccess else { return skip("the image answered HTTP \(image.status)") }
        let type = (image.headers["Content-Type"] ?? "").split(separator: ";").first
            .map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        guard type.hasPrefix("image/") else { return skip("the image's content type is '\(type)', not image/*") }
        guard !image.body.isEmpty, image.body.count <= Self.maximumThumbnailSize else {
            return skip("the image has \(image.body.count) bytes; Bluesky takes 1 to \(Self.maximumThumbnailSize)")
        }
        do {
            return try await uploadBlob(image.body, type: type)
        } catch {
            return skip("uploading it failed (\(error.description))")
        }
    }
}
