import Foundation

/// A published article, as every importer produces it and every composer reads it.
///
/// A `Post` is a plain value: importers fill it from Markdown, HTML, feeds, plain text or JSON;
/// boilerplate (newsletter plugs, "follow us", comment sections) has already been removed from
/// ``paragraphs`` and attribution lines have become ``source``.
///
/// ```swift
/// let post = Post(id: "https://school.example/news/1", title: "Ofsted secondments",
///                 url: URL(string: "https://school.example/news/1"),
///                 paragraphs: ["School leaders will have the chance to work for Ofsted."],
///                 tags: ["Ofsted", "Leadership"])
/// print(post.sentences.first ?? "")
/// ```
///
/// Its `Codable` form is the one `syndicate inspect --json` prints and the JSON importer reads:
/// dates are ISO 8601 strings, a missing value is `null`, and the derived `text` is written
/// for readers but ignored when decoding.
public struct Post: Sendable, Equatable, Hashable {
    /// A stable identifier: the feed's guid when there is one, else the canonical URL, else a
    /// digest of the title and body.
    public var id: String
    /// The headline, plain text, entities decoded, without the site's name.
    public var title: String
    /// The canonical URL of the article, if known.
    public var url: URL?
    /// The author's own excerpt (front matter `summary`/`description`, feed `description`,
    /// page `og:description`), if the source gives one. Never derived from the body.
    public var summary: String?
    /// The body as plain-text paragraphs, boilerplate removed, whitespace normalised.
    public var paragraphs: [String]
    /// The body as it was written (HTML or Markdown), for consumers that want the markup.
    public var markup: Markup?
    /// The author's display name.
    public var author: String?
    /// When the post was first published.
    public var published: Date?
    /// When the post was last updated.
    public var updated: Date?
    /// Categories and tags, in the order written, de-duplicated case-insensitively.
    public var tags: [String] {
        didSet { tags = Post.deduplicated(tags) }
    }
    /// Images of the post, the lead image first.
    public var images: [Image]
    /// The publication the story comes from ("The Telegraph reports", "via …", "Read more …").
    public var source: Source?
    /// The language as a BCP 47 tag (`en`, `en-GB`), if the source states it. Normalised by
    /// ``LanguageTag`` when set: `EN-us` becomes `en-US`, and a value that is not a language code
    /// (`English`, an empty string) becomes nil, so that no network is sent a language it refuses.
    public var language: String? {
        didSet { language = Post.normalizedLanguage(language) }
    }
    /// The name of the site or publication the post appears on (an article page's
    /// `og:site_name` or JSON-LD publisher), if the source states it.
    public var siteName: String?

    /// Creates a post. `tags` are de-duplicated case-insensitively, keeping the first spelling.
    public init(
        id: String,
        title: String,
        url: URL? = nil,
        summary: String? = nil,
        paragraphs: [String] = [],
        markup: Markup? = nil,
        author: String? = nil,
        published: Date? = nil,
        updated: Date? = nil,
        tags: [String] = [],
        images: [Image] = [],
        source: Source? = nil,
        language: String? = nil,
        siteName: String? = nil
    ) {
        self.id = id
        self.title = title
        self.url = url
        self.summary = summary
        self.paragraphs = paragraphs
        self.markup = markup
        self.author = author
        self.published = published
        self.updated = updated
        self.tags = Post.deduplicated(tags)
        self.images = images
        self.source = source
        self.language = Post.normalizedLanguage(language)
        self.siteName = siteName
    }

    /// `language` as ``LanguageTag`` normalises it, or nil.
    static func normalizedLanguage(_ language: String?) -> String? {
        language.flatMap { LanguageTag($0) }?.tag
    }

    /// Removes empty and repeated tags (compared case- and diacritic-insensitively), trimming each.
    static func deduplicated(_ tags: [String]) -> [String] {
        var seen = Set<String>()
        var result: [String] = []
        for tag in tags {
            let trimmed = Whitespace.collapse(tag)
            guard !trimmed.isEmpty else { continue }
            let key = FoldingKey.of(trimmed)
            if seen.insert(key).inserted { result.append(trimmed) }
        }
        return result
    }
}
