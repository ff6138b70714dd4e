import Foundation

/// Removes boilerplate (newsletter plugs, "follow us", share prompts, related-post lists,
/// comment sections, cookie notices) from a post body, and turns attribution lines
/// ("The Telegraph reports", "via …", "Read more …") into the post's source.
///
/// PLACEHOLDER: the rules are being written; `clean` currently returns the body unchanged.
public struct BoilerplateFilter: Sendable {
    /// The default rules.
    public static let `default` = BoilerplateFilter()
    /// No rules: the body is returned unchanged.
    public static let none = BoilerplateFilter()

    /// What cleaning a body yields.
    public struct Result: Sendable, Equatable {
        /// The paragraphs that carry the story.
        public var paragraphs: [String]
        /// The attribution found in the body, if any.
        public var source: Post.Source?
        /// The author named in a sign-off ("~ Tamsin"), if any.
        public var author: String?
        /// Tags named in a "Categories:" or "Tags:" line, if any.
        public var tags: [String]
    }

    /// Cleans `paragraphs` of the post titled `title`.
    public func clean(_ paragraphs: [String], title: String?) -> Result {
        Result(paragraphs: paragraphs, source: nil, author: nil, tags: [])
    }
}
