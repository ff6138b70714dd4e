import Foundation

/// An `app.bsky.richtext.facet`: a byte range of a post's text and what it means.
///
/// Encodes exactly as the lexicon has it, in this key order with a plain `JSONEncoder`:
///
/// ```json
/// {"index":{"byteStart":6,"byteEnd":24},"features":[{"$type":"app.bsky.richtext.facet#link","uri":"https://example.com"}]}
/// ```
///
/// A detected mention is not yet a valid facet: the lexicon wants a DID, and text holds a
/// handle. Until it is resolved it encodes the handle where the DID goes, as the reference
/// SDK's `detectFacetsWithoutResolution` does, plus `"unresolved": true`, so that no tool can
/// mistake it for a DID and Bluesky rejects a post that still carries one rather than linking
/// a wrong account: `{"$type":"app.bsky.richtext.facet#mention","did":"alice.example.com","unresolved":true}`.
public struct BlueskyFacet: Sendable, Hashable, Codable {
    /// The facet's range: UTF-8 byte offsets into the text, end exclusive (`#byteSlice`).
    public struct ByteSlice: Sendable, Hashable, Codable {
        /// The offset of the first byte.
        public var byteStart: Int
        /// The offset just past the last byte.
        public var byteEnd: Int

        /// Creates a byte range.
        public init(byteStart: Int, byteEnd: Int) {
            self.byteStart = byteStart
            self.byteEnd = byteEnd
        }

        private enum CodingKeys: String, CodingKey { case byteStart, byteEnd }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(byteStart, forKey: .byteStart)
            try container.encode(byteEnd, forKey: .byteEnd)
        }
    }

    /// What a facet's range means.
    public enum Feature: Sendable, Hashable, Codable {
        /// `app.bsky.richtext.facet#link`: a link to `uri`.
        case link(uri: String)
        /// `app.bsky.richtext.facet#tag`: a hashtag (without `#`) or a cashtag (with `$`, upper case).
        case tag(String)
        /// `app.bsky.richtext.facet#mention` of the account `did`.
        case mention(did: String)
        /// A mention of `handle` (without `@`) that still has to be resolved to a DID.
        case unresolvedMention(handle: String)

        /// The lexicon type of the feature.
        public var type: String {
            switch self {
            case .link: "app.bsky.richtext.facet#link"
            case .tag: "app.bsky.richtext.facet#tag"
            case .mention, .unresolvedMention: "app.bsky.richtext.facet#mention"
            }
        }

        private enum CodingKeys: String, CodingKey {
            case type = "$type"
            case uri, tag, did, unresolved
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            let type = try container.decode(String.self, forKey: .type)
            switch type {
            case "app.bsky.richtext.facet#link":
                self = .link(uri: try container.decode(String.self, forKey: .uri))
            case "app.bsky.richtext.facet#tag":
                self = .tag(try container.decode(String.self, forKey: .tag))
            case "app.bsky.richtext.facet#mention":
                let did = try container.decode(String.self, forKey: .did)
                let unresolved = try container.decodeIfPresent(Bool.self, forKey: .unresolved) ?? false
                self = unresolved ? .unresolvedMention(handle: did) : .mention(did: did)
            default:
                throw DecodingError.dataCorruptedError(
                    forKey: .type, in: container,
                    debugDescription: "Unknown facet feature type '\(type)'; expected app.bsky.richtext.facet#link, #tag or #mention.")
            }
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(type, forKey: .type)
            switch self {
            case .link(let uri):
                try container.encode(uri, forKey: .uri)
            case .tag(let tag):
                try container.encode(tag, forKey: .tag)
            case .mention(let did):
                try container.encode(did, forKey: .did)
            case .unresolvedMention(let handle):
                try container.encode(handle, forKey: .did)
                try container.encode(true, forKey: .unresolved)
            }
        }
    }

    /// The range of the text the facet covers.
    public var index: ByteSlice
    /// What the range means; detected facets have exactly one feature.
    public var features: [Feature]

    /// Creates a facet.
    public init(index: ByteSlice, features: [Feature]) {
        self.index = index
        self.features = features
    }

    private enum CodingKeys: String, CodingKey { case index, features }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(index, forKey: .index)
        try container.encode(features, forKey: .features)
    }

    /// The handles of this facet's mentions that are not resolved yet.
    public var unresolvedHandles: [String] {
        features.compactMap { feature in
            if case .unresolvedMention(let handle) = feature { handle } else { nil }
        }
    }

    /// This facet with each unresolved mention whose handle `dids` knows turned into a mention
    /// of that DID; the others stay unresolved.
    ///
    /// Resolve the handles (``unresolvedHandles``) with `com.atproto.identity.resolveHandle`
    /// first, then pass what was found.
    ///
    /// - Parameter dids: DIDs by handle, such as `["alice.example.com": "did:plc:…"]`.
    /// - Returns: The facet with its mentions resolved where possible.
    public func resolvingMentions(_ dids: [String: String]) -> BlueskyFacet {
        var resolved = self
        resolved.features = features.map { feature in
            if case .unresolvedMention(let handle) = feature, let did = dids[handle] {
                return .mention(did: did)
            }
            return feature
        }
        return resolved
    }
}
