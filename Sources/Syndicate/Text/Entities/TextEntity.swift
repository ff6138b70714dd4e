import Foundation

/// A URL, hashtag, mention or cashtag found in a text, with its position in every unit.
///
/// Ranges are half-open. ``utf16Range`` counts UTF-16 code units (JavaScript, X's API,
/// `NSString`), ``utf8Range`` bytes of UTF-8 (Bluesky facets), ``graphemeRange`` extended
/// grapheme clusters (what a person sees as characters, Swift's `Character`); ``range`` indexes
/// the searched `String` itself. A grapheme range rounds outwards when an entity boundary falls
/// inside a cluster (a hashtag followed by a combining mark).
///
/// ```swift
/// for entity in TwitterText.entities(in: "Read https://example.com #news") {
///     print(entity.kind, entity.text, entity.utf8Range)
/// }
/// ```
public struct TextEntity: Sendable, Equatable, Hashable {
    /// What an entity is.
    public enum Kind: Sendable {
        /// A web address, with or without a scheme (`https://example.com/a`, `example.com`).
        case url
        /// A `#hashtag`.
        case hashtag
        /// An `@mention` (or `@user/list`).
        case mention
        /// A `$CASHTAG` (a ticker symbol).
        case cashtag
    }

    /// What the entity is.
    public var kind: Kind
    /// The entity as written in the text, sigil included (`#swift`, `@jack`, `$AAPL`, the URL).
    public var text: String
    /// The entity without its sigil (`swift`, `jack`, `AAPL`); for a URL, the URL as extracted.
    public var value: String
    /// Where the entity is in the searched string.
    public var range: Range<String.Index>
    /// Where the entity is, in UTF-16 code units.
    public var utf16Range: Range<Int>
    /// Where the entity is, in bytes of UTF-8.
    public var utf8Range: Range<Int>
    /// Where the entity is, in extended grapheme clusters.
    public var graphemeRange: Range<Int>

    /// Creates an entity from its parts.
    public init(
        kind: Kind, text: String, value: String, range: Range<String.Index>, utf16Range: Range<Int>,
        utf8Range: Range<Int>, graphemeRange: Range<Int>
    ) {
        self.kind = kind
        self.text = text
        self.value = value
        self.range = range
        self.utf16Range = utf16Range
        self.utf8Range = utf8Range
        self.graphemeRange = graphemeRange
    }
}
