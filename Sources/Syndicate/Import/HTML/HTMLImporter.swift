import Foundation

/// Imports one article page, as saved from a browser or fetched from a blog.
///
/// Reads the whole page once into a tolerant tree (see ``HTMLText`` for the parsing rules) and
/// reads it as Mozilla Readability does (`ReadabilityExtractor`, `ReadabilityMetadata`):
/// - **title**: the first of the JSON-LD article's `name` (or `headline` when only it resembles
///   the `<title>`), `dc:title`, `dcterm:title`, `og:title`, `weibo:*:title`, `title`,
///   `twitter:title`, `parsely-title` meta; else the `<title>` with the site's name cut as
///   Readability's `_getArticleTitle` cuts it (`ReadabilityTitle`); else the article's
///   `<h1>`; a page with article text and none of these takes its first sentence;
/// - **url**: `<link rel=canonical>`, else `og:url`, else the JSON-LD `url`/`mainEntityOfPage`,
///   else ``ImportContext/baseURL``; relative URLs resolve against `<base href>`, else that URL;
/// - **summary**: `description`, `og:description`, `twitter:description`, then Readability's
///   excerpt (JSON-LD `description`, `dc:description`…); never the first paragraph;
/// - **images**: `og:image` (with its alt text and size), `twitter:image`, JSON-LD `image`;
/// - **author**: Readability's byline: the JSON-LD authors, `dc:creator`, `author`,
///   `parsely-author`, `article:author` unless it is a URL, else the text of the first
///   `rel=author`, `itemprop=author` (its `itemprop=name` child if it has one) or
///   byline-class element under 100 characters, as written; else the older clues;
/// - **dates**: JSON-LD `datePublished`, `article:published_time`, `parsely-pub-date`,
///   `article:modified_time`, else the article's `<time>` elements;
/// - **tags**: `article:tag`, JSON-LD `keywords`, `rel=tag` links; **language**: `<html lang>`,
///   `og:locale` (`en_GB` becomes `en-GB`), JSON-LD `inLanguage`; **site name**: the JSON-LD
///   article's publisher, else `og:site_name`;
/// - **body**: the article Readability extracts (candidate scoring by paragraph text, commas,
///   class weights and link density; unlikely, hidden and byline elements removed; siblings
///   joined; forms, share bars, link-heavy blocks and empty paragraphs cleaned; retried with
///   looser rules below 500 characters), without a lead image's caption and without the headline
///   repeated as its first paragraph; a short page is read with navigation, headers, footers
///   and boilerplate blocks stripped too. Then ``ImportContext/boilerplate`` cleans the
///   paragraphs. ``Post/markup`` is the extracted article's HTML, lazy images resolved.
///
/// The post's `id` is its URL, else a digest of its title and text that is stable across runs.
///
/// ```swift
/// let data = try Data(contentsOf: URL(fileURLWithPath: "Examples/Posts/ofsted-secondments.html"))
/// let post = try HTMLImporter().posts(from: data, context: ImportContext(inputName: "ofsted-secondments.html"))[0]
/// print(post.title)  // School leaders can spend a year on secondment to Ofsted
/// ```
public struct HTMLImporter: PostImporter {
    /// Always ``ImportFormat/html``.
    public let format = ImportFormat.html

    /// Creates an HTML importer.
    public init() {}

    /// Imports the article of one page.
    ///
    /// - Parameters:
    ///   - data: The page's bytes (UTF-8, or UTF-16 with a byte-order mark).
    ///   - context: The input's name for errors, the base URL for relative links, the
    ///     boilerplate rules and the limits (``ImportLimits/maxDepth`` caps element nesting;
    ///     deeper content is flattened, not refused).
    /// - Returns: Exactly one post.
    /// - Throws: ``ImportError`` of kind `.empty`, `.notText` or `.tooLarge` for unreadable
    ///   input, `.missingField` when no source gives a title, `.noContent` when no article text
    ///   is left once navigation and boilerplate are removed.
    public func posts(from data: Data, context: ImportContext) throws(ImportError) -> [Post] {
        let html = try InputText.decode(data, format: format, context: context)
        return [try FieldLengthLimit.checked(post(fromHTML: html, context: context), context: context, format: format)]
    }

    /// Imports the article of a page already decoded to text.
    func post(fromHTML html: String, context: ImportContext) throws(ImportError) -> Post {
        let tree = HTMLTree(html: html, maxDepth: context.limits.maxDepth)
        let page = HTMLPageMetadata(tree: tree)
        let linkedData = page.linkedData
        let filter = HTMLElementFilter(tree: tree)
        let content = HTMLContentFinder(tree: tree, filter: filter)
        let clueRoot = content.article.map { articleAncestor(of: $0, in: tree) } ?? HTMLTree.document
        let articleClues = HTMLArticleClues(tree: tree, root: clueRoot, filter: filter)
        let pageClues = HTMLArticleClues(tree: tree, root: HTMLTree.document, filter: filter)

        let metadata = ReadabilityMetadata(tree: tree, linkedData: page.linkedDataScripts)
        let statedTitle = metadata.title.map(Whitespace.collapse).flatMap { $0.isEmpty ? nil : $0 }
            ?? resolveTitle(page: page, articleHeading: articleClues.heading, pageHeading: pageClues.heading)

        let urls = HTMLURLResolver(page: page, contextBase: context.baseURL)
        let article = ReadabilityExtractor.extract(
            from: tree, title: metadata.title, bylineKnown: metadata.byline != nil, filter: filter,
            hasTextOutsideFurniture: content.keptCharacters > 0)
        let articleTree = article.map { HTMLTree(html: $0.html, maxDepth: context.limits.maxDepth) }
        var paragraphs = articleTree.map { (tree: HTMLTree) -> [String] in
            let leadCaptions = HTMLLeadCaptions.find(in: tree)
            return HTMLText.paragraphs(in: tree, from: HTMLTree.document) { leadCaptions.contains($0) }
        } ?? []
        guard let title = statedTitle ?? paragraphs.first.map(HTMLFallbackTitle.title(from:)) else {
            throw ImportError(
                .missingField, input: context.inputName, format: format,
                message:
                    "found no title: the page has no <title>, <h1>, og:title, twitter:title or JSON-LD headline, and no article text to take one from; add a <title> to the page."
            )
        }
        // Readability drops a heading that repeats the title; a page with nothing else says so.
        var onlyHeadline = paragraphs.isEmpty && (articleClues.heading ?? pageClues.heading).map {
            HTMLTitleResolver.fold($0) == HTMLTitleResolver.fold(title)
        } == true && page.wordCount == title.split(separator: " ").count
        if statedTitle != nil, let first = paragraphs.first, HTMLTitleResolver.fold(first) == HTMLTitleResolver.fold(title) {
            paragraphs.removeFirst()
            onlyHeadline = paragraphs.isEmpty
        }
        let links = articleTree.map { HTMLText.links(in: $0, from: HTMLTree.document, resolve: urls.resolve) } ?? [:]
        let cleaned = context.boilerplate.clean(paragraphs, title: title, links: links)
        guard !cleaned.paragraphs.isEmpty else {
            throw noContent(context: context, title: title, page: page, found: paragraphs.count, onlyHeadline: onlyHeadline)
        }

        let text = cleaned.paragraphs.joined(separator: "\n\n")
        let url = urls.canonical ?? context.baseURL
        var tags = page.metas("article:tag") + linkedData.keywords + articleClues.tags
        if tags.isEmpty { tags = cleaned.tags }
        return Post(
            id: url?.absoluteString ?? StableID.digest(title, text),
            title: title,
            url: url,
            // The page's own description first, then Readability's excerpt sources; a description
            // that ends in a cut sentence loses it (or is completed from the body).
            summary: ExcerptCleaner.summary(
                page.meta("description") ?? page.meta("og:description") ?? page.meta("twitter:description")
                    ?? metadata.excerpt.map(Whitespace.collapse).flatMap { $0.isEmpty ? nil : $0 },
                body: cleaned.paragraphs, filter: context.boilerplate),
            paragraphs: cleaned.paragraphs,
            markup: article.map { Post.Markup(kind: .html, content: $0.html) },
            author: (metadata.byline ?? article?.byline).map(Whitespace.collapse).flatMap { $0.isEmpty ? nil : $0 }
                ?? author(page: page, clues: articleClues.byline == nil ? pageClues : articleClues) ?? cleaned.author,
            published: date(
                [metadata.publishedTime, linkedData.datePublished, page.meta("article:published_time"), page.meta("datepublished"),
                 page.meta("og:published_time"), articleClues.published, pageClues.published]),
            updated: date(
                [linkedData.dateModified, page.meta("article:modified_time"), page.meta("datemodified"),
                 page.meta("og:updated_time"), articleClues.updated, pageClues.updated]),
            tags: tags,
            images: images(page: page, urls: urls),
            source: cleaned.source,
            language: Self.languageTag(page.language) ?? Self.languageTag(page.meta("og:locale"))
                ?? Self.languageTag(linkedData.language) ?? Self.languageTag(page.meta("content-language")),
            siteName: metadata.siteName.map(Whitespace.collapse).flatMap { $0.isEmpty ? nil : $0 }
        )
    }

    /// The `<article>` that contains `node` (or is it), else `node`: bylines and tags sit in
    /// the article's header and footer even when the body is a `<div itemprop=articleBody>`.
    private func articleAncestor(of node: Int, in tree: HTMLTree) -> Int {
        var current = node
        while current > 0 {
            if tree.name(current) == "article" { return current }
            current = tree.nodes[current].parent
        }
        return node
    }

    private func resolveTitle(page: HTMLPageMetadata, articleHeading: String?, pageHeading: String?) -> String? {
        let linkedData = page.linkedData
        var candidates: [HTMLTitleResolver.Candidate] = []
        func add(_ text: String?, _ weight: Int) {
            if let text, !text.isEmpty { candidates.append(.init(text: text, weight: weight)) }
        }
        add(linkedData.headline, 6)
        add(page.meta("og:title"), 3)
        add(page.meta("twitter:title"), 2)
        for key in ["dc.title", "dc:title", "dcterms.title", "dcterms:title", "title", "headline", "parsely-title", "sailthru.title"] {
            add(page.meta(key), 1)
        }
        add(linkedData.name, 1)
        add(articleHeading, 3)
        if articleHeading == nil { add(pageHeading, 1) }
        add(page.documentTitle, 2)
        return HTMLTitleResolver(candidates: candidates, siteNames: siteNames(page)).resolve()
    }

    /// The site names a page states: `og:site_name`, `application-name`, the JSON-LD
    /// publisher and website.
    private func siteNames(_ page: HTMLPageMetadata) -> [String] {
        [page.meta("og:site_name"), page.meta("application-name"), page.meta("apple-mobile-web-app-title")]
            .compactMap { $0 } + page.linkedData.siteNames
    }

    private func author(page: HTMLPageMetadata, clues: HTMLArticleClues) -> String? {
        if !page.linkedData.authors.isEmpty { return page.linkedData.authors.joined(separator: ", ") }
        if let name = page.meta("author").flatMap(HTMLArticleClues.cleanByline) { return name }
        if let name = page.metas("article:author").first(where: { !Self.looksLikeURL($0) }) { return name }
        return clues.byline
    }

    private func date(_ candidates: [String?]) -> Date? {
        for case let text? in candidates {
            if let date = DateParsing.date(from: text) { return date }
        }
        return nil
    }

    /// `og:image` (with `og:image:alt`, `:width`, `:height`), `twitter:image` (with
    /// `twitter:image:alt`), then JSON-LD `image`: absolute, de-duplicated, details merged.
    private func images(page: HTMLPageMetadata, urls: HTMLURLResolver) -> [Post.Image] {
        var images: [Post.Image] = []
        var positions: [String: Int] = [:]
        var lastOpenGraph: Int?
        var lastTwitter: Int?
        func add(_ raw: String, alt: String? = nil, width: Int? = nil, height: Int? = nil) -> Int? {
            guard let url = urls.resolve(raw) else { return nil }
            if let index = positions[url.absoluteString] {
                images[index].alt = images[index].alt ?? alt
                images[index].width = images[index].width ?? width
                images[index].height = images[index].height ?? height
                return index
            }
            positions[url.absoluteString] = images.count
            images.append(Post.Image(url: url, alt: alt, width: width, height: height))
            return images.count - 1
        }
        for (key, value) in page.metas {
            switch key {
            case "og:image", "og:image:url":
                if key == "og:image:url", let last = lastOpenGraph, urls.resolve(value) == images[last].url { continue }
                lastOpenGraph = add(value)
            case "og:image:secure_url" where lastOpenGraph == nil:
                lastOpenGraph = add(value)
            case "og:image:alt":
                if let last = lastOpenGraph, images[last].alt == nil { images[last].alt = value }
            case "og:image:width":
                if let last = lastOpenGraph, images[last].width == nil { images[last].width = Int(value) }
            case "og:image:height":
                if let last = lastOpenGraph, images[last].height == nil { images[last].height = Int(value) }
            case "twitter:image", "twitter:image:src":
                lastTwitter = add(value)
            case "twitter:image:alt":
                if let last = lastTwitter, images[last].alt == nil { images[last].alt = value }
            default:
                break
            }
        }
        for image in page.linkedData.images {
            _ = add(image.url, alt: image.alt, width: image.width, height: image.height)
        }
        return images
    }

    private func noContent(
        context: ImportContext, title: String, page: HTMLPageMetadata, found: Int, onlyHeadline: Bool
    ) -> ImportError {
        let evidence: String
        if onlyHeadline {
            evidence = "the headline is its only text outside navigation and boilerplate"
        } else if found > 0 {
            evidence = "its \(found) paragraph\(found == 1 ? " was" : "s were all") boilerplate"
        } else if page.wordCount == 0 {
            evidence = "its body has no text at all"
        } else {
            evidence =
                "its \(page.wordCount) word\(page.wordCount == 1 ? " is" : "s are all") in navigation, headers, footers, forms or boilerplate such as comments and share bars"
        }
        return ImportError(
            .noContent, input: context.inputName, format: format,
            message:
                "found the page \"\(title)\" but no article text: \(evidence); import the article's own page rather than an index, login or error page."
        )
    }

    /// A BCP 47 tag from `en`, `en_GB`, `EN-gb`: language lowercase, region uppercase, script
    /// titlecase; nil when the first subtag is not 2–8 letters.
    static func languageTag(_ raw: String?) -> String? {
        guard let raw else { return nil }
        let parts = Whitespace.collapse(raw).replacingOccurrences(of: "_", with: "-").split(separator: "-")
        guard let language = parts.first, (2...8).contains(language.count), language.allSatisfy(\.isASCII),
            language.allSatisfy(\.isLetter)
        else { return nil }
        let rest = parts.dropFirst().map { part -> String in
            switch part.count {
            case 2 where part.allSatisfy(\.isLetter): return part.uppercased()
            case 4 where part.allSatisfy(\.isLetter): return part.prefix(1).uppercased() + part.dropFirst().lowercased()
            default: return part.lowercased()
            }
        }
        return ([language.lowercased()] + rest).joined(separator: "-")
    }

    private static func looksLikeURL(_ text: String) -> Bool {
        let lower = text.lowercased()
        return lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("//") || lower.hasPrefix("/")
    }
}
