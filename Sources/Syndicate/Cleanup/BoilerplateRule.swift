import Foundation

/// One rule of the ``BoilerplateFilter``: a pattern, how much of the body a match removes, and
/// what kind of boilerplate it is.
///
/// Rules are data: the filter's defaults are a list of them (``BoilerplateRule/defaults``), and a
/// site with its own plugs adds a rule instead of changing code:
///
/// ```swift
/// let podcast = BoilerplateRule.phrase("Listen to our podcast", kind: .plug)
/// let filter = BoilerplateFilter.default.adding([podcast])
/// ```
///
/// A rule matches one paragraph at a time, after whitespace has been collapsed. Removal kinds
/// (``Kind/newsletter`` … ``Kind/plug``) drop what they match; metadata kinds (``Kind/source``,
/// ``Kind/readMore``, ``Kind/author``, ``Kind/tags``) also take a named capture group (`source`,
/// `title`, `author`, `tags`) into the post.
public struct BoilerplateRule: Sendable, Equatable, CustomStringConvertible {
    /// What a rule recognises; decides what happens to the captured text.
    public enum Kind: String, Sendable, CaseIterable {
        /// Newsletter, bulletin and e-mail sign-up plugs.
        case newsletter
        /// "Follow us", "we now have a Facebook page" and other social-media plugs.
        case social
        /// Share prompts and share-button labels.
        case share
        /// "Related posts" / "More recent posts…" lists.
        case related
        /// Comment sections.
        case comments
        /// "Let us know what you think" and other calls for feedback.
        case feedback
        /// Cookie notices.
        case cookies
        /// Any other plug a site adds (podcasts, donations, adverts).
        case plug
        /// An attribution ("The Telegraph reports.", "via The Guardian"): group `source` becomes
        /// the post's source.
        case source
        /// A "Read more <title>" line: group `title` names the linked article, whose link
        /// becomes the source's URL.
        case readMore
        /// A sign-off ("… ~ Tamsin"): group `author` becomes the post's author.
        case author
        /// A "Categories:" or "Tags:" line: group `tags` is split into the post's tags. Found
        /// anywhere, even after a comment section, since sites print it in the footer.
        case tags
    }

    /// How much of the body a match removes.
    public enum Scope: String, Sendable {
        /// The matching paragraph.
        case paragraph
        /// The matching paragraph and every paragraph after it (comment sections, related-post
        /// lists).
        case paragraphAndRest
        /// Only the matched text; the paragraph is kept when anything else is left (a trailing
        /// "The Telegraph reports." sentence in the lead).
        case match
    }

    /// What a rule looks for.
    enum Pattern: Sendable {
        /// A regular expression, searched in the paragraph.
        case regex(RuleExpression)
        /// A phrase the paragraph must begin with, compared case- and diacritic-insensitively,
        /// followed by a non-letter or the end.
        case phrase(String)
    }

    /// Why a pattern was not accepted.
    public struct PatternError: Error, Sendable, Equatable, CustomStringConvertible {
        /// The rule's name.
        public let rule: String
        /// What is wrong and what to do.
        public let message: String
        /// `boilerplate rule <name>: <message>`.
        public var description: String { "boilerplate rule \(rule): \(message)" }
    }

    /// A short name that identifies the rule, used to remove or replace it.
    public var name: String { storage.name }
    /// What the rule recognises.
    public var kind: Kind { storage.kind }
    /// How much of the body a match removes.
    public var scope: Scope { storage.scope }
    /// Paragraphs longer than this many characters are never matched, so a rule for a short
    /// plug cannot swallow a news paragraph that quotes one. Nil for no limit.
    public var maxLength: Int? { storage.maxLength }
    /// Text every match contains (case-sensitive); paragraphs without it are not searched.
    public var requiredText: String? { storage.requiredText }
    /// How close to the paragraph's end (in UTF-8 bytes) ``requiredText`` must be; nil for anywhere.
    public var requiredTextWithinLast: Int? { storage.requiredTextWithinLast }
    var pattern: Pattern { storage.pattern }

    /// The rule's fields, shared by its copies. The filter reads every rule for every paragraph
    /// of every post, and a copy of a rule then costs one reference count, not one per string.
    private final class Storage: Sendable {
        let name: String
        let kind: Kind
        let scope: Scope
        let maxLength: Int?
        let requiredText: String?
        let requiredTextWithinLast: Int?
        let pattern: Pattern

        init(
            name: String, kind: Kind, scope: Scope, maxLength: Int?, requiredText: String?, requiredTextWithinLast: Int?,
            pattern: Pattern
        ) {
            self.name = name
            self.kind = kind
            self.scope = scope
            self.maxLength = maxLength
            self.requiredText = requiredText
            self.requiredTextWithinLast = requiredTextWithinLast
            self.pattern = pattern
        }
    }

    private let storage: Storage

    /// Creates a rule from a regular expression (ICU syntax, as `NSRegularExpression` reads it).
    ///
    /// Anchor the pattern (`^…$`) unless it should match anywhere in a paragraph. Metadata kinds
    /// need their named group: `(?<source>…)`, `(?<title>…)`, `(?<author>…)` or `(?<tags>…)`.
    ///
    /// - Parameters:
    ///   - name: A short name that identifies the rule.
    ///   - kind: What the rule recognises.
    ///   - scope: How much of the body a match removes; defaults to the paragraph.
    ///   - regex: The pattern.
    ///   - caseInsensitive: Whether letters match in either case; defaults to true.
    ///   - maxLength: The longest paragraph the rule applies to; defaults to 400 characters.
    ///   - requiredText: Text that every match contains, compared case-sensitively; paragraphs
    ///     without it skip the expression. A fast filter for patterns not anchored with `^`.
    ///   - requiredTextWithinLast: When set, `requiredText` must occur within this many UTF-8
    ///     bytes of the paragraph's end (for patterns anchored at the end with `$`).
    /// - Throws: ``PatternError`` when the pattern does not compile or lacks the kind's group.
    public init(
        name: String,
        kind: Kind,
        scope: Scope = .paragraph,
        regex: String,
        caseInsensitive: Bool = true,
        maxLength: Int? = 400,
        requiredText: String? = nil,
        requiredTextWithinLast: Int? = nil
    ) throws(PatternError) {
        guard let expression = RuleExpression(compiling: regex, caseInsensitive: caseInsensitive) else {
            throw PatternError(
                rule: name, message: "'\(regex)' is not a valid regular expression; check its brackets and escapes.")
        }
        try self.init(
            name: name, kind: kind, scope: scope, expression: expression, maxLength: maxLength,
            requiredText: requiredText, requiredTextWithinLast: requiredTextWithinLast)
    }

    /// Creates a rule from `expression`, compiled or not; checks the kind's named group.
    init(
        name: String, kind: Kind, scope: Scope, expression: RuleExpression, maxLength: Int?, requiredText: String?,
        requiredTextWithinLast: Int?
    ) throws(PatternError) {
        if let group = kind.captureGroup, !expression.source.contains("(?<\(group)>") {
            throw PatternError(
                rule: name,
                message: "a \(kind.rawValue) rule needs a named group (?<\(group)>…) around the text it captures.")
        }
        let requiredText = requiredText.flatMap { $0.isEmpty ? nil : $0 }
        storage = Storage(
            name: name, kind: kind, scope: scope, maxLength: maxLength, requiredText: requiredText,
            requiredTextWithinLast: requiredText == nil ? nil : requiredTextWithinLast, pattern: .regex(expression))
    }

    /// Creates a rule that removes paragraphs beginning with `phrase`.
    ///
    /// The comparison ignores case and diacritics, and the phrase must end at a word boundary:
    /// "Follow us" matches "Follow us on Twitter" but not "Followers of the scheme".
    ///
    /// - Parameters:
    ///   - phrase: The words a boilerplate paragraph begins with.
    ///   - kind: What the rule recognises; a removal kind (metadata kinds need a regex).
    ///   - scope: How much of the body a match removes; defaults to the paragraph.
    ///   - maxLength: The longest paragraph the rule applies to; defaults to 400 characters.
    /// - Returns: The rule, named after the phrase.
    public static func phrase(
        _ phrase: String, kind: Kind = .plug, scope: Scope = .paragraph, maxLength: Int? = 400
    ) -> BoilerplateRule {
        BoilerplateRule(
            name: phrase, kind: kind, scope: scope == .match ? .paragraph : scope, maxLength: maxLength,
            pattern: .phrase(BoilerplateRule.fold(Whitespace.collapse(phrase))))
    }

    init(name: String, kind: Kind, scope: Scope, maxLength: Int?, pattern: Pattern) {
        storage = Storage(
            name: name, kind: kind, scope: scope, maxLength: maxLength, requiredText: nil, requiredTextWithinLast: nil,
            pattern: pattern)
    }

    /// The pattern as written: the regex source, or the phrase.
    public var patternText: String {
        switch pattern {
        case .regex(let expression): expression.source
        case .phrase(let phrase): phrase
        }
    }

    /// `<name> (<kind>, <scope>): <pattern>`.
    public var description: String { "\(name) (\(kind.rawValue), \(scope.rawValue)): \(patternText)" }

    /// Rules are equal when their name, kind, scope, length limit and pattern text are.

    public static func == (lhs: BoilerplateRule, rhs: BoilerplateRule) -> Bool {
        lhs.name == rhs.name && lhs.kind == rhs.kind && lhs.scope == rhs.scope && lhs.maxLength == rhs.maxLength
            && lhs.patternText == rhs.patternText && lhs.requiredText == rhs.requiredText
            && lhs.requiredTextWithinLast == rhs.requiredTextWithinLast
    }

    /// What a match found: the range to remove and the captured text, if the kind has a group.
    struct Match {
        var range: Range<String.Index>
        var captured: String?
    }

    /// Matches the rule against one paragraph (whitespace already collapsed).
    ///
    /// - Parameters:
    ///   - paragraph: The paragraph.
    ///   - usingPrefixes: Whether a paragraph that does not begin the way every match of the
    ///     expression does (``LiteralPrefixes``) is turned away before the search; only the tests
    ///     that check this shortcut turn it off.
    func match(in paragraph: String, usingPrefixes: Bool = true) -> Match? {
        var length = ParagraphLength(paragraph)
        return match(in: paragraph, length: &length, usingPrefixes: usingPrefixes)
    }

    /// ``match(in:usingPrefixes:)`` with the paragraph's length shared among the rules tried on it.
    func match(in paragraph: String, length: inout ParagraphLength, usingPrefixes: Bool = true) -> Match? {
        // The cheapest tests first: the first byte, then required text and literal prefixes
        // look at a few bytes, while `maxLength` counts characters.
        if usingPrefixes, case .regex(let expression) = pattern, !expression.prefixes.mayAdmit(firstByteOf: paragraph) {
            return nil
        }
        if let requiredText, !BoilerplateRule.contains(paragraph, requiredText, withinLast: requiredTextWithinLast) {
            return nil
        }
        if usingPrefixes, case .regex(let expression) = pattern, !expression.prefixes.admits(paragraph) { return nil }
        if let maxLength, length.exceeds(maxLength) { return nil }
        switch pattern {
        case .phrase(let phrase):
            let folded = BoilerplateRule.fold(paragraph)
            guard folded.hasPrefix(phrase) else { return nil }
            let rest = folded.dropFirst(phrase.count)
            if let next = rest.first, next.isLetter || next.isNumber { return nil }
            return Match(range: paragraph.startIndex..<paragraph.endIndex, captured: nil)
        case .regex(let expression):
            guard let regex = expression.compiled else { return nil }
            let whole = NSRange(location: 0, length: BoilerplateRule.utf16Length(paragraph))
            guard let result = regex.firstMatch(in: paragraph, options: [], range: whole),
                let range = Range(result.range, in: paragraph)
            else { return nil }
            var captured: String?
            if let group = kind.captureGroup {
                let groupRange = result.range(withName: group)
                if groupRange.location != NSNotFound, let swiftRange = Range(groupRange, in: paragraph) {
                    captured = String(paragraph[swiftRange])
                }
            }
            return Match(range: range, captured: captured)
        }
    }

    /// Whether `text` contains the bytes of `part` (a plain, case-sensitive UTF-8 search), within
    /// its last `window` bytes when a window is given.
    static func contains(_ text: String, _ part: String, withinLast window: Int? = nil) -> Bool {
        var text = text
        var part = part
        return part.withUTF8 { needle in
            guard let needleBase = needle.baseAddress, let first = needle.first else { return true }
            return text.withUTF8 { bytes in
                let lastStart = bytes.count - needle.count
                guard lastStart >= 0, let base = bytes.baseAddress else { return false }
                var index = window.map { max(0, bytes.count - $0) } ?? 0
                while index <= lastStart {
                    guard let found = memchr(base + index, Int32(first), lastStart - index + 1) else { return false }
                    let offset = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                    if memcmp(base + offset, needleBase, needle.count) == 0 { return true }
                    index = offset + 1
                }
                return false
            }
        }
    }

    /// The length of `text` in UTF-16 code units, counted from its UTF-8 bytes: every byte that
    /// starts a scalar is one unit, and a four-byte scalar (beyond U+FFFF) is a surrogate pair.
    /// Unlike `utf16.count` on non-ASCII text, it builds no index breadcrumbs.
    static func utf16Length(_ text: String) -> Int {
        func count(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
            var units = 0
            for byte in bytes {
                if byte & 0xC0 != 0x80 { units += 1 }
                if byte >= 0xF0 { units += 1 }
            }
            return units
        }
        return text.utf8.withContiguousStorageIfAvailable(count) ?? text.utf16.count
    }

    /// Lower-cased, diacritics removed and curly apostrophes straightened, for phrase comparison.
    static func fold(_ text: String) -> String {
        // Fast path: ASCII text (apart from curly apostrophes) only needs lower-casing, on its bytes.
        var text = text
        if let folded = text.withUTF8(foldedASCII) { return folded }
        return text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .replacingOccurrences(of: "\u{2019}", with: "'")
    }

    /// ``fold(_:)`` of ASCII `bytes`, in which U+2019 (E2 80 99) may also occur; nil for any
    /// other non-ASCII byte.
    private static func foldedASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var index = 0
        var apostrophes = 0
        while index < bytes.count {
            if bytes[index] < 0x80 {
                index += 1
            } else if isRightSingleQuotationMark(bytes, at: index) {
                apostrophes += 1
                index += 3
            } else {
                return nil
            }
        }
        return String(unsafeUninitializedCapacity: bytes.count - 2 * apostrophes) { output in
            var read = 0
            var written = 0
            while read < bytes.count {
                let byte = bytes[read]
                if byte < 0x80 {
                    output[written] = byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
                    read += 1
                } else {
                    output[written] = 0x27  // U+2019, straightened
                    read += 3
                }
                written += 1
            }
            return written
        }
    }

    /// Whether the bytes at `index` are U+2019 RIGHT SINGLE QUOTATION MARK.
    @inline(__always)
    private static func isRightSingleQuotationMark(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        index + 2 < bytes.count && bytes[index] == 0xE2 && bytes[index + 1] == 0x80 && bytes[index + 2] == 0x99
    }
}

extension BoilerplateRule.Kind {
    /// The named group a metadata kind captures, or nil for removal kinds.
    var captureGroup: String? {
        switch self {
        case .source: "source"
        case .readMore: "title"
        case .author: "author"
        case .tags: "tags"
        case .newsletter, .social, .share, .related, .comments, .feedback, .cookies, .plug: nil
        }
    }
}
