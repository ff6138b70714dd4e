import Foundation

/// An `app.bsky.feed.post` record as `com.atproto.repo.createRecord` takes it, and the small
/// lexicon values around it (strong references, blobs, the link card).
struct BlueskyPostRecord: Encodable, Sendable {
    /// `com.atproto.repo.strongRef`: a record's `at://` URI and content hash.
    struct StrongRef: Codable, Sendable, Equatable {
        var uri: String
        var cid: String
    }

    /// `app.bsky.feed.post#replyRef`: the thread's first post and the post replied to.
    struct ReplyRef: Encodable, Sendable {
        var root: StrongRef
        var parent: StrongRef
    }

    /// A blob reference as `uploadBlob` returns it and records embed it.
    struct Blob: Codable, Sendable, Equatable {
        struct Link: Codable, Sendable, Equatable {
            var link: String
            private enum CodingKeys: String, CodingKey { case link = "$link" }
        }

        var ref: Link
        var mimeType: String
        var size: Int

        private enum CodingKeys: String, CodingKey {
            case type = "$type"
            case ref, mimeType, size
        }

        init(ref: Link, mimeType: String, size: Int) {
            self.ref = ref
            self.mimeType = mimeType
            self.size = size
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            ref = try container.decode(Link.self, forKey: .ref)
            mimeType = try container.decode(String.self, forKey: .mimeType)
            size = try container.decode(Int.self, forKey: .size)
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode("blob", forKey: .type)
            try container.encode(ref, forKey: .ref)
            try container.encode(mimeType, forKey: .mimeType)
            try container.encode(size, forKey: .size)
        }
    }

    /// `app.bsky.embed.external`: the link card, with the uploaded thumbnail when there is one.
    struct ExternalEmbed: Encodable, Sendable {
        struct External: Encodable, Sendable {
            var uri: String
            var title: String
            var description: String
            var thumb: Blob?
        }

        var external: External

        private enum CodingKeys: String, CodingKey {
            case type = "$type"
            case external
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode("app.bsky.embed.external", forKey: .type)
            try container.encode(external, forKey: .external)
        }
    }

    /// `com.atproto.repo.createRecord`'s input.
    struct CreateRecordBody: Encodable, Sendable {
        var repo: String
        var collection = "app.bsky.feed.post"
        var rkey: String
        var record: BlueskyPostRecord
    }

    /// The post text.
    var text: String
    /// When the post was made: ISO 8601 with milliseconds, UTC (`2026-01-01T00:00:00.000Z`).
    var createdAt: String
    /// The language (primary subtag), when known.
    var langs: [String]?
    /// Links, tags and mentions in ``text``; nil when there are none.
    var facets: [BlueskyFacet]?
    /// The images or the link card (first part of a thread only).
    var embed: Embed?
    /// The posts this one replies to (later parts of a thread).
    var reply: ReplyRef?

    private enum CodingKeys: String, CodingKey {
        case type = "$type"
        case text, createdAt, langs, facets, embed, reply
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode("app.bsky.feed.post", forKey: .type)
        try container.encode(text, forKey: .text)
        try container.encode(createdAt, forKey: .createdAt)
        try container.encodeIfPresent(langs, forKey: .langs)
        try container.encodeIfPresent(facets, forKey: .facets)
        try container.encodeIfPresent(embed, forKey: .embed)
        try container.encodeIfPresent(reply, forKey: .reply)
    }

    /// `date` as the lexicon's `createdAt` wants it: `2026-01-01T00:00:00.000Z`.
    static func timestamp(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: TimeZone(identifier: "UTC") ?? .current))
    }

    /// `facets` as they may be posted: mentions still holding a handle instead of a DID are left
    /// out (Bluesky rejects them; the handle stays plain text), and so are facets left empty.
    static func postable(_ facets: [BlueskyFacet]?) -> [BlueskyFacet]? {
        let kept = (facets ?? []).compactMap { facet -> BlueskyFacet? in
            var facet = facet
            facet.features.removeAll { if case .unresolvedMention = $0 { true } else { false } }
            return facet.features.isEmpty ? nil : facet
        }
        return kept.isEmpty ? nil : kept
    }
}
