import Foundation

/// The Open Graph, Twitter Card and fediverse tags a post's page should carry.
///
/// ```swift
/// let metadata = PageMetadata(post: post, siteName: "Oakfield Primary News",
///                             twitterSite: "@OakfieldPrimary", fediverseCreator: "head@mastodon.example")
/// print(metadata.html)
/// // <link rel="canonical" href="https://school.example/news/ofsted-report-2025/">
/// // <meta property="og:type" content="article">
/// // …
/// ```
///
/// Tags come in a fixed order: canonical link, `og:type`, `og:title`, `og:description`,
/// `og:url`, `og:site_name`, `og:locale`, `og:image` (with `:width`, `:height`, `:alt`),
/// `article:published_time`, `article:modified_time`, one `article:tag` per tag,
/// `twitter:card`, `twitter:site`, `twitter:title`, `twitter:description`, `twitter:image`,
/// `twitter:image:alt`, `fediverse:creator`. A tag whose value is unknown is left out.
public struct PageMetadata: Sendable, Equatable, Codable {
    /// The longest `og:description` and `twitter:description`, in characters.
    public static let descriptionLimit = 200
    /// The longest `twitter:title`, in characters.
    public static let twitterTitleLimit = 70
    /// The longest `twitter:image:alt`, in characters.
    public static let imageAltLimit = 420

    /// The tags, in the order they should appear in the page's `<head>`.
    public var tags: [Tag]

    /// The tags for `post`'s page.
    ///
    /// `og:title` is the post's title without site branding (a trailing ` | Site Name` or
    /// ` - Site Name` is removed). The description is the author's summary, else the lead of
    /// the body (skipping a first sentence that repeats or begins with the title), kept to
    /// ``descriptionLimit`` characters by whole sentences or cut at a word with "…".
    /// The canonical link and `og:url` are the post's URL without tracking parameters
    /// (see ``LinkTracking/removingTracking(from:)``). `og:locale` turns `en-GB` into `en_GB`
    /// and is left out for a language without a region (Open Graph wants `language_TERRITORY`).
    /// Tags on the policy's block list get no `article:tag`.
    ///
    /// - Parameters:
    ///   - post: The post.
    ///   - siteName: The site's name for `og:site_name`.
    ///   - twitterSite: The site's X account for `twitter:site`, with or without `@`.
    ///   - fediverseCreator: The author's fediverse account (`user@host`, with or without a
    ///     leading `@`) for `fediverse:creator`.
    ///   - locale: A BCP 47 language tag; defaults to the post's language.
    ///   - policy: The block list for `article:tag`.
    public init(
        post: Post,
        siteName: String? = nil,
        twitterSite: String? = nil,
        fediverseCreator: String? = nil,
        locale: String? = nil,
        policy: HashtagPolicy = .default
    ) {
        var tags: [Tag] = []
        func add(_ kind: Tag.Kind, _ key: String, _ value: String?) {
            guard let value, !value.isEmpty else { return }
            tags.append(Tag(kind, key, value))
        }
        let canonical = post.url.map(LinkTracking.removingTracking(from:))?.absoluteString
        let siteName = siteName.map(Whitespace.collapse)
        let title = PageMetadata.unbranded(post.title, siteName: siteName)
        let description = PageMetadata.description(of: post, title: title)
        let image = post.images.first { ["http", "https"].contains($0.url.scheme?.lowercased()) }
        let imageAlt = image?.alt.map(Whitespace.collapse)

        add(.link, "canonical", canonical)
        add(.property, "og:type", "article")
        add(.property, "og:title", title)
        add(.property, "og:description", description)
        add(.property, "og:url", canonical)
        add(.property, "og:site_name", siteName)
        add(.property, "og:locale", (locale ?? post.language).flatMap(PageMetadata.openGraphLocale))
        add(.property, "og:image", image?.url.absoluteString)
        add(.property, "og:image:width", image?.width.map(String.init))
        add(.property, "og:image:height", image?.height.map(String.init))
        add(.property, "og:image:alt", imageAlt)
        add(.property, "article:published_time", post.published.map { $0.formatted(.iso8601) })
        add(.property, "article:modified_time", post.updated.map { $0.formatted(.iso8601) })
        let blocked = policy.blockedKeys
        for tag in post.tags {
            if let word = Hashtags.hashtag(from: tag), blocked.contains(Hashtags.key(word)) { continue }
            add(.property, "article:tag", Whitespace.collapse(tag))
        }
        add(.name, "twitter:card", image == nil ? "summary" : "summary_large_image")
        add(.name, "twitter:site", twitterSite.flatMap(PageMetadata.handle))
        add(.name, "twitter:title", MetaText.truncated(title, limit: PageMetadata.twitterTitleLimit))
        add(.name, "twitter:description", description)
        add(.name, "twitter:image", image?.url.absoluteString)
        add(.name, "twitter:image:alt", imageAlt.map { MetaText.truncated($0, limit: PageMetadata.imageAltLimit) })
        add(.name, "fediverse:creator", fediverseCreator.flatMap(PageMetadata.fediverseAccount))
        self.tags = tags
    }

    /// The tags as HTML, one per line, attribute values escaped.
    public var html: String {
        tags.map { $0.html + "\n" }.joined()
    }

    /// The value of the first tag named `key` (`og:title`, `canonical`), if any.
    ///
    /// - Parameter key: The property, name or link relation.
    /// - Returns: The tag's content or href.
    public func value(for key: String) -> String? {
        tags.first { $0.key == key }?.value
    }
}

extension PageMetadata {
    /// `title` without a site-name prefix or suffix, whitespace collapsed.
    static func unbranded(_ title: String, siteName: String?) -> String {
        let title = Whitespace.collapse(title)
        guard let siteName, !siteName.isEmpty else { return title }
        for separator in [" | ", " - ", " – ", " — ", " · ", " :: ", " : "] {
            if title.hasSuffix(separator + siteName) {
                let stripped = String(title.dropLast(separator.count + siteName.count))
                if !stripped.isEmpty { return stripped }
            }
            if title.hasPrefix(siteName + separator) {
                let stripped = String(title.dropFirst(separator.count + siteName.count))
                if !stripped.isEmpty { return stripped }
            }
        }
        return title
    }

    /// The summary, else the lead of the body without a first sentence that repeats or merely
    /// extends the title (the card shows the title right above the description),
    /// within ``descriptionLimit``; nil when the post has no text.
    static func description(of post: Post, title: String) -> String? {
        if let summary = post.summary.map(Whitespace.collapse), !summary.isEmpty {
            return MetaText.truncated(summary, limit: descriptionLimit)
        }
        var lead: [String] = []
        var length = 0
        for paragraph in post.paragraphs where length <= descriptionLimit * 2 {
            let text = Whitespace.collapse(paragraph)
            guard !text.isEmpty else { continue }
            lead.append(text)
            length += text.count
        }
        // Sentences past a few times the limit can never be used; bound the work on huge bodies.
        let head = String(lead.joined(separator: " ").prefix(descriptionLimit * 5))
        var sentences = SentenceSplitter.sentences(in: head)
        if let first = sentences.first, sentences.count > 1, !title.isEmpty, comparable(first).hasPrefix(comparable(title)) {
            sentences.removeFirst()
        }
        let text = sentences.joined(separator: " ")
        return text.isEmpty ? nil : MetaText.truncated(text, limit: descriptionLimit)
    }

    /// `text` lower-cased without trailing sentence punctuation, for comparing a title with a sentence.
    static func comparable(_ text: String) -> String {
        String(text.lowercased().reversed().drop { ".!?… ".contains($0) }.reversed())
    }

    /// `en-GB` → `en_GB`; nil without a region or for a malformed tag.
    static func openGraphLocale(_ tag: String) -> String? {
        let parts = tag.split(whereSeparator: { $0 == "-" || $0 == "_" }).map(String.init)
        guard let language = parts.first, (2...3).contains(language.count),
            language.allSatisfy({ $0.isASCII && $0.isLetter })
        else { return nil }
        let region = parts.dropFirst().first {
            ($0.count == 2 && $0.allSatisfy { $0.isASCII && $0.isLetter })
                || ($0.count == 3 && $0.allSatisfy { $0.isASCII && $0.isNumber })
        }
        guard let region else { return nil }
        return language.lowercased() + "_" + region.uppercased()
    }

    /// `OakfieldPrimary` or `@OakfieldPrimary` → `@OakfieldPrimary`; nil when empty.
    static func handle(_ account: String) -> String? {
        let name = Whitespace.collapse(account).drop { $0 == "@" }
        return name.isEmpty ? nil : "@" + name
    }

    /// `@head@mastodon.example` → `head@mastodon.example`; nil unless it has a user and a host.
    static func fediverseAccount(_ account: String) -> String? {
        let name = Whitespace.collapse(account).drop { $0 == "@" }
        let parts = name.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains(".") else { return nil }
        return String(name)
    }
}
