import Foundation

/// Removes boilerplate (newsletter plugs, "follow us", share prompts, related-post lists,
/// comment sections, cookie notices) from a post body, and turns attribution lines
/// ("The Telegraph reports", "via …", "Read more …"), sign-offs ("~ Tamsin") and "Categories:"
/// lines into the post's source, author and tags.
///
/// Every importer runs the filter its ``ImportContext`` carries. The rules are data
/// (``BoilerplateRule``): start from ``default``, add a site's own, replace a kind, or use
/// ``none`` to keep the body exactly as imported.
///
/// ```swift
/// let filter = BoilerplateFilter.default
///     .adding([.phrase("Listen to our podcast")])
///     .removing(kind: .cookies)
/// let result = filter.clean(["School leaders can join Ofsted.", "Follow us on Twitter"], title: nil)
/// // result.paragraphs == ["School leaders can join Ofsted."]
/// ```
///
/// Paragraphs are compared after whitespace is collapsed; rules are tried in order and the first
/// paragraph-scoped match decides. A paragraph that repeats the title is dropped.
public struct BoilerplateFilter: Sendable, Equatable {
    /// The rules, in the order they are tried.
    public var rules: [BoilerplateRule]

    /// Creates a filter with exactly `rules`.
    ///
    /// - Parameter rules: The rules, in the order they are tried.
    public init(rules: [BoilerplateRule]) {
        self.rules = rules
    }

    /// Filters are equal when their rules are.
    public static func == (lhs: BoilerplateFilter, rhs: BoilerplateFilter) -> Bool {
        lhs.rules == rhs.rules
    }

    /// The default rules (``BoilerplateRule/defaults``).
    public static let `default` = BoilerplateFilter(rules: BoilerplateRule.defaults)
    /// No rules: the body is returned unchanged, with no source, author or tags.
    public static let none = BoilerplateFilter(rules: [])

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

        /// Creates a result.
        public init(paragraphs: [String], source: Post.Source? = nil, author: String? = nil, tags: [String] = []) {
            self.paragraphs = paragraphs
            self.source = source
            self.author = author
            self.tags = tags
        }
    }

    /// Returns a filter that also tries `extra`, after the current rules.
    ///
    /// - Parameter extra: The rules to add.
    /// - Returns: The extended filter.
    public func adding(_ extra: [BoilerplateRule]) -> BoilerplateFilter {
        BoilerplateFilter(rules: rules + extra)
    }

    /// Returns a filter without the rules named in `names`.
    ///
    /// - Parameter names: Rule names, such as `"cookie-notice"`.
    /// - Returns: The reduced filter.
    public func removing(named names: Set<String>) -> BoilerplateFilter {
        BoilerplateFilter(rules: rules.filter { !names.contains($0.name) })
    }

    /// Returns a filter without the rules of `kind`.
    ///
    /// - Parameter kind: The kind to drop, such as ``BoilerplateRule/Kind/cookies``.
    /// - Returns: The reduced filter.
    public func removing(kind: BoilerplateRule.Kind) -> BoilerplateFilter {
        BoilerplateFilter(rules: rules.filter { $0.kind != kind })
    }

    /// Returns a filter whose rules of `kind` are `replacements`, tried where the first rule of
    /// that kind was (or last, when there was none).
    ///
    /// - Parameters:
    ///   - kind: The kind whose rules are replaced.
    ///   - replacements: The new rules.
    /// - Returns: The changed filter.
    public func replacing(kind: BoilerplateRule.Kind, with replacements: [BoilerplateRule]) -> BoilerplateFilter {
        let position = rules.firstIndex { $0.kind == kind }
        var kept = rules.filter { $0.kind != kind }
        let insertion = position.map { index in rules[..<index].filter { $0.kind != kind }.count } ?? kept.count
        kept.insert(contentsOf: replacements, at: insertion)
        return BoilerplateFilter(rules: kept)
    }

    /// Cleans `paragraphs` of the post titled `title`.
    ///
    /// - Parameters:
    ///   - paragraphs: The body as plain-text paragraphs, in order.
    ///   - title: The post's title; a paragraph repeating it is dropped, and a "Read more" line
    ///     naming another title names the source article.
    /// - Returns: The story's paragraphs (whitespace collapsed) with the source, author and tags found.
    public func clean(_ paragraphs: [String], title: String?) -> Result {
        clean(paragraphs, title: title, links: [:])
    }

    /// Cleans `paragraphs`, taking the URLs of attributions from `links`.
    ///
    /// - Parameters:
    ///   - paragraphs: The body as plain-text paragraphs, in order.
    ///   - title: The post's title.
    ///   - links: The links of the body, keyed by their visible text: a "Read more <title>"
    ///     line or an attribution whose text is a link gives the source its URL.
    /// - Returns: The story's paragraphs with the source, author and tags found.
    public func clean(_ paragraphs: [String], title: String?, links: [String: URL]) -> Result {
        clean(paragraphs, title: title, links: links, alreadyCollapsed: false)
    }

    /// Cleans `paragraphs`; with `alreadyCollapsed`, the caller promises every paragraph is
    /// already in `Whitespace.collapse(_:)`'s form (as ``HTMLText`` returns them), and the
    /// filter does not collapse them again. With `cuttingExcerpts` (the default), a paragraph that
    /// ends in a bracketed excerpt marker loses its unfinished sentence (``ExcerptCleaner``).
    func clean(
        _ paragraphs: [String], title: String?, links: [String: URL], alreadyCollapsed: Bool, cuttingExcerpts: Bool = true
    ) -> Result {
        guard !rules.isEmpty else { return Result(paragraphs: paragraphs) }
        var state = CleaningState(title: title, links: links)
        let normalized = alreadyCollapsed ? paragraphs.filter { !$0.isEmpty } : paragraphs.map(Whitespace.collapse).filter { !$0.isEmpty }
        // Each paragraph's length is counted at most once, for the cutting rules and the others.
        var kept: [String] = []
        var cut = normalized.endIndex
        for index in normalized.indices {
            var length = ParagraphLength(normalized[index])
            if rules.contains(where: {
                $0.scope == .paragraphAndRest && $0.match(in: normalized[index], length: &length) != nil
            }) {
                cut = index
                break
            }
            if var cleaned = clean(normalized[index], length: length, state: &state) {
                if cuttingExcerpts {
                    guard let cut = ExcerptCleaner.paragraph(cleaned) else { continue }
                    cleaned = cut
                }
                kept.append(cleaned)
            }
        }
        // Sites print their categories in the footer, often below the related posts.
        for paragraph in normalized[cut...] {
            for rule in rules where rule.kind == .tags {
                if let match = rule.match(in: paragraph) { state.take(.tags, match.captured, paragraph: paragraph) }
            }
        }
        return state.result(paragraphs: kept)
    }

    /// Applies every non-cutting rule to one paragraph; nil when it is dropped whole.
    private func clean(_ paragraph: String, length: ParagraphLength, state: inout CleaningState) -> String? {
        if let titleKey = state.titleKey, Self.mayFold(paragraph, to: titleKey),
            !GraphemeCount.exceeds(paragraph, state.titleLengthLimit), BoilerplateRule.fold(paragraph) == titleKey
        {
            return nil
        }
        var text = paragraph
        var length = length
        for rule in rules where rule.scope != .paragraphAndRest {
            guard let match = rule.match(in: text, length: &length) else { continue }
            state.take(rule.kind, match.captured, paragraph: text)
            switch rule.scope {
            case .paragraph, .paragraphAndRest:
                return nil
            case .match:
                text.removeSubrange(match.range)
                text = Whitespace.collapse(text)
                if text.isEmpty { return nil }
                length = ParagraphLength(text)
            }
        }
        return text
    }

    /// False when `paragraph` certainly does not fold to `key`: both begin with an ASCII byte,
    /// and `paragraph`'s, lower-cased, is not `key`'s (folding maps ASCII to ASCII). True otherwise.
    private static func mayFold(_ paragraph: String, to key: String) -> Bool {
        guard let first = paragraph.utf8.first, let keyFirst = key.utf8.first, first < 0x80, keyFirst < 0x80
        else { return true }
        return (first >= 0x41 && first <= 0x5A ? first + 0x20 : first) == keyFirst
    }
}

/// What the filter has found so far while cleaning one body.
private struct CleaningState {
    let title: String?
    let titleKey: String?
    /// The longest paragraph (in characters) that can repeat the title: twice its folded length
    /// plus a little, counted once here rather than per paragraph.
    let titleLengthLimit: Int
    let links: [String: URL]
    var source: Post.Source?
    var author: String?
    var tags: [String] = []
    var readMoreTitle: String?
    var readMoreURL: URL?

    init(title: String?, links: [String: URL]) {
        self.title = title.map(Whitespace.collapse)
        self.titleKey = self.title.flatMap { $0.isEmpty ? nil : BoilerplateRule.fold($0) }
        self.titleLengthLimit = 2 * (titleKey?.count ?? 0) + 8
        var folded: [String: URL] = [:]
        for (text, url) in links {
            let key = BoilerplateRule.fold(Whitespace.collapse(text))
            if folded[key] == nil { folded[key] = url }
        }
        self.links = folded
    }

    func link(for texts: String...) -> URL? {
        for text in texts {
            if let url = links[BoilerplateRule.fold(Whitespace.collapse(text))] { return url }
        }
        return nil
    }

    mutating func take(_ kind: BoilerplateRule.Kind, _ captured: String?, paragraph: String) {
        guard let captured else { return }
        let value = Whitespace.collapse(captured)
        switch kind {
        case .source:
            guard source == nil else { return }
            let name = Self.publicationName(value)
            guard !name.isEmpty else { return }
            source = Post.Source(name: name, url: link(for: value, name, paragraph))
        case .readMore:
            guard readMoreURL == nil, readMoreTitle == nil else { return }
            readMoreURL = link(for: paragraph, value)
            // "Read more »", "Continue reading “Title” →": the words, without arrows and quotes.
            let linked = Self.trimmingNonWords(value)
            if !linked.isEmpty, BoilerplateRule.fold(linked) != titleKey { readMoreTitle = linked }
        case .author:
            guard author == nil else { return }
            let name = Self.trimmingFinalPeriod(value)
            if !name.isEmpty { author = name }
        case .tags:
            tags.append(contentsOf: Self.splitTags(value))
        case .newsletter, .social, .share, .related, .comments, .feedback, .cookies, .plug:
            return
        }
    }

    func result(paragraphs: [String]) -> BoilerplateFilter.Result {
        var source = self.source
        if source != nil, source?.url == nil { source?.url = readMoreURL }
        if source == nil {
            if let readMoreTitle {
                source = Post.Source(name: readMoreTitle, url: readMoreURL)
            } else if let readMoreURL, let host = readMoreURL.host, !host.isEmpty {
                let name = host.hasPrefix("www.") ? String(host.dropFirst(4)) : host
                source = Post.Source(name: name, url: readMoreURL)
            }
        }
        return BoilerplateFilter.Result(paragraphs: paragraphs, source: source, author: author, tags: tags)
    }

    /// "the BBC" → "BBC", "the Guardian" → "The Guardian", "The Telegraph." → "The Telegraph".
    static func publicationName(_ raw: String) -> String {
        let name = trimmingFinalPeriod(raw)
        guard name.hasPrefix("the ") else { return name }
        let rest = name.dropFirst(4)
        let firstWord = rest.prefix { !$0.isWhitespace }
        if firstWord.count > 1, firstWord.allSatisfy({ $0.isUppercase || $0.isNumber }) { return String(rest) }
        return "The " + rest
    }

    /// "a, b and c." → ["a", "b", "c"]: commas, then a final "and" or "&", final period removed.
    static func splitTags(_ line: String) -> [String] {
        var parts = trimmingFinalPeriod(line).split(separator: ",").map { Whitespace.collapse(String($0)) }
        if let last = parts.last {
            for joiner in [" and ", " & "] {
                if let range = last.range(of: joiner, options: .backwards) {
                    parts.removeLast()
                    parts.append(String(last[..<range.lowerBound]))
                    parts.append(String(last[range.upperBound...]))
                    break
                }
            }
        }
        return parts.map { trimmingFinalPeriod(Whitespace.collapse($0)) }.filter { !$0.isEmpty }
    }

    /// `text` without the arrows, quotes and dashes that read-more links put around a title;
    /// empty when no letter or digit is left ("Read more »").
    static func trimmingNonWords(_ text: String) -> String {
        let decoration: Set<Character> = ["\"", "'", "“", "”", "‘", "’", "«", "»", "‹", "›", "→", "⟶", ">", "…", ":", "-", "–", "—", " "]
        var result = Substring(text)
        while let first = result.first, decoration.contains(first) { result = result.dropFirst() }
        while let last = result.last, decoration.contains(last) { result = result.dropLast() }
        return result.contains(where: { $0.isLetter || $0.isNumber }) ? String(result) : ""
    }

    static func trimmingFinalPeriod(_ text: String) -> String {
        var result = Substring(text)
        while let last = result.last, last == "." || last == "…" || last.isWhitespace { result = result.dropLast() }
        return String(result)
    }
}
