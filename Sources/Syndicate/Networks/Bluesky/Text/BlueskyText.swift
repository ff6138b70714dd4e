import Foundation

/// Bluesky's text units and limits: grapheme clusters, UTF-8 bytes and rich-text facets.
///
/// A post's `text` may hold at most ``maxGraphemes`` grapheme clusters **and** at most
/// ``maxBytes`` UTF-8 bytes (`app.bsky.feed.post`); facets address the text by UTF-8 byte
/// offsets. ``NetworkRule/bluesky`` checks both limits.
public enum BlueskyText {
    /// The most grapheme clusters a post's text may hold (`maxGraphemes` of `app.bsky.feed.post`).
    public static let maxGraphemes = 300
    /// The most UTF-8 bytes a post's text may hold (`maxLength` of `app.bsky.feed.post`).
    public static let maxBytes = 3000

    /// The number of extended grapheme clusters in `text`, as Bluesky counts them.
    ///
    /// A ZWJ family (👨‍👩‍👧‍👧) is 1, a flag is 1, a Devanagari conjunct (स्ते) is 1.
    ///
    /// - Parameter text: The text.
    /// - Returns: Its length in grapheme clusters.
    public static func graphemeLength(_ text: String) -> Int {
        text.count
    }

    /// The length of `text`'s UTF-8 encoding, the unit of facet offsets and of ``maxBytes``.
    ///
    /// - Parameter text: The text.
    /// - Returns: Its length in bytes.
    public static func byteLength(_ text: String) -> Int {
        text.utf8.count
    }

    /// The rich-text facets Bluesky's reference detector finds in `text`: links, mentions,
    /// hashtags and cashtags.
    ///
    /// Mentions come back unresolved (see ``BlueskyFacet/Feature/unresolvedMention(handle:)``);
    /// resolve each handle to a DID with ``BlueskyFacet/resolvingMentions(_:)`` before posting.
    ///
    /// - Parameter text: The post text exactly as it will be posted.
    /// - Returns: The facets, ordered by ``BlueskyFacet/ByteSlice/byteStart``.
    public static func facets(in text: String) -> [BlueskyFacet] {
        BlueskyFacetDetector(text).facets()
    }
}
