import Foundation

/// The shape of a network's text: literal text with placeholders for the post's parts.
///
/// Placeholders are `{title}`, `{summary}`, `{link}`, `{hashtags}`, `{source}` and `{author}`;
/// `{{` and `}}` write a literal brace. A placeholder without a value disappears, and so does
/// a parenthesised group holding only it and literal text (`" (via {source})"`, leading space
/// included) and a line left with no value at all; blank lines never pile up.
///
/// ```swift
/// let template = try PostTemplate("{summary}\n\n{link}\n\n{hashtags}")
/// let custom = try PostTemplate("New on the blog: {title} {link}")
/// _ = try PostTemplate("{headline}")   // throws ComposeError .unknownPlaceholder("headline")
/// ```
public struct PostTemplate: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// A part of a post a template can place.
    public enum Placeholder: String, Sendable, Hashable, CaseIterable {
        /// The headline.
        case title
        /// The summary, fitted to the room left.
        case summary
        /// The tracked link.
        case link
        /// The hashtags, `#` included, separated by spaces.
        case hashtags
        /// The publication the story comes from.
        case source
        /// The author's name.
        case author
    }

    /// A piece of a parsed template.
    enum Segment: Sendable, Equatable, Hashable {
        case literal(String)
        case placeholder(Placeholder)
        /// `prefix` + placeholder + `suffix`, all left out when the placeholder has no value.
        case group(prefix: String, Placeholder, suffix: String)
        case lineBreak
    }

    /// The template as written.
    public let source: String
    /// The template split into lines of segments.
    let segments: [Segment]
    /// The placeholders the template uses, collected once when parsing (``uses(_:)`` is asked
    /// many times per payload).
    public let placeholders: Set<Placeholder>

    /// Parses `source`.
    ///
    /// - Parameter source: The template text.
    /// - Throws: ``ComposeError`` `.unknownPlaceholder` naming the placeholder and listing the
    ///   known ones, or `.unclosedPlaceholder`.
    public init(_ source: String) throws(ComposeError) {
        self.source = source
        self.segments = try Self.parse(source)
        self.placeholders = Self.placeholders(in: segments)
    }

    /// The placeholders `segments` use.
    private static func placeholders(in segments: [Segment]) -> Set<Placeholder> {
        var result = Set<Placeholder>()
        for segment in segments {
            switch segment {
            case .placeholder(let placeholder), .group(_, let placeholder, _): result.insert(placeholder)
            case .literal, .lineBreak: break
            }
        }
        return result
    }

    /// ``source``.
    public var description: String { source }

    /// Whether the template places `placeholder`.
    public func uses(_ placeholder: Placeholder) -> Bool {
        placeholders.contains(placeholder)
    }

    // MARK: Rendering

    /// The text with each placeholder replaced by `values[placeholder]` (empty or missing means
    /// no value), lines without any value dropped, spaces at line ends and extra blank lines removed.
    /// `literal` rewrites the template's own text (LinkedIn escapes it like the values).
    func render(_ values: [Placeholder: String], literal: (String) -> String = { $0 }) -> String {
        var lines: [String] = []
        var line = ""
        var lineHasValue = false
        var lineHasPlaceholder = false
        // After a placeholder without value, a space that would double the one before is dropped.
        var afterEmpty = false
        func endLine() {
            if lineHasValue || !lineHasPlaceholder {
                lines.append(Self.trimmingSpaces(line))
            }
            line = ""
            lineHasValue = false
            lineHasPlaceholder = false
            afterEmpty = false
        }
        func append(_ text: String) {
            if afterEmpty, text.first == " ", line.isEmpty || line.last == " " {
                line += text.dropFirst()
            } else {
                line += text
            }
            afterEmpty = false
        }
        for segment in segments {
            switch segment {
            case .literal(let text):
                append(literal(text))
            case .placeholder(let placeholder):
                lineHasPlaceholder = true
                if let value = values[placeholder], !value.isEmpty {
                    append(value)
                    lineHasValue = true
                } else {
                    afterEmpty = true
                }
            case .group(let prefix, let placeholder, let suffix):
                lineHasPlaceholder = true
                if let value = values[placeholder], !value.isEmpty {
                    append(literal(prefix) + value + literal(suffix))
                    lineHasValue = true
                } else {
                    afterEmpty = true
                }
            case .lineBreak:
                endLine()
            }
        }
        endLine()
        var output: [String] = []
        for line in lines {
            if line.isEmpty, output.last?.isEmpty ?? true { continue }
            output.append(line)
        }
        while output.last?.isEmpty == true { output.removeLast() }
        return output.joined(separator: "\n")
    }

    /// `line` without leading and trailing spaces and tabs.
    private static func trimmingSpaces(_ line: String) -> String {
        guard line.first == " " || line.first == "\t" || line.last == " " || line.last == "\t" else { return line }
        let trimmed = line.drop(while: { $0 == " " || $0 == "\t" })
        var end = trimmed.endIndex
        while end > trimmed.startIndex, trimmed[trimmed.index(before: end)] == " " || trimmed[trimmed.index(before: end)] == "\t" {
            end = trimmed.index(before: end)
        }
        return String(trimmed[..<end])
    }

    // MARK: Parsing

    private static func parse(_ source: String) throws(ComposeError) -> [Segment] {
        var segments: [Segment] = []
        var literal = ""
        var index = source.startIndex
        func flush() {
            if !literal.isEmpty { segments.append(.literal(literal)) }
            literal = ""
        }
        while index < source.endIndex {
            let character = source[index]
            let next = source.index(after: index)
            if character == "{", next < source.endIndex, source[next] == "{" {
                literal.append("{")
                index = source.index(after: next)
            } else if character == "}", next < source.endIndex, source[next] == "}" {
                literal.append("}")
                index = source.index(after: next)
            } else if character == "{" {
                guard let close = source[next...].firstIndex(of: "}") else {
                    throw ComposeError(
                        .unclosedPlaceholder,
                        message: "The template '\(source)' has a '{' without a closing '}'; close the placeholder or write '{{' for a literal brace.")
                }
                let name = String(source[next..<close])
                guard let placeholder = Placeholder(rawValue: name) else {
                    let known = Placeholder.allCases.map { "{\($0.rawValue)}" }.joined(separator: " ")
                    throw ComposeError(
                        .unknownPlaceholder(name),
                        message: "The template '\(source)' uses the unknown placeholder '{\(name)}'; use one of \(known).")
                }
                flush()
                segments.append(.placeholder(placeholder))
                index = source.index(after: close)
            } else if character == "\n" {
                flush()
                segments.append(.lineBreak)
                index = next
            } else {
                literal.append(character)
                index = next
            }
        }
        flush()
        return groupingParentheses(segments)
    }

    /// Turns `literal "… (via " + placeholder + literal ")…"` into a group, so that the
    /// parentheses and the space before them go when the placeholder has no value.
    private static func groupingParentheses(_ segments: [Segment]) -> [Segment] {
        var result: [Segment] = []
        var index = 0
        while index < segments.count {
            if index + 2 < segments.count,
                case .literal(let before) = segments[index],
                case .placeholder(let placeholder) = segments[index + 1],
                case .literal(let after) = segments[index + 2],
                let open = before.lastIndex(of: "("), !before[open...].contains(")"),
                let close = after.firstIndex(of: ")"), !after[..<close].contains("(")
            {
                var prefixStart = open
                if prefixStart > before.startIndex, before[before.index(before: prefixStart)] == " " {
                    prefixStart = before.index(before: prefixStart)
                }
                let head = String(before[..<prefixStart])
                if !head.isEmpty { result.append(.literal(head)) }
                let suffixEnd = after.index(after: close)
                result.append(
                    .group(prefix: String(before[prefixStart...]), placeholder, suffix: String(after[..<suffixEnd])))
                let tail = String(after[suffixEnd...])
                if !tail.isEmpty { result.append(.literal(tail)) }
                index += 3
            } else {
                result.append(segments[index])
                index += 1
            }
        }
        return result
    }
}

extension PostTemplate {
    /// The template Syndicate uses for `network` unless told otherwise: its built-in
    /// definition's ``NetworkDefinition/defaultTemplate``.
    ///
    /// X: `{summary} {link} {hashtags}` (short and punchy). Mastodon: summary, blank line,
    /// link, blank line, tags on the last line (Mastodon shows them as a tag bar). Bluesky:
    /// summary and tags, the link on its own line (it also becomes the card). Threads: summary
    /// and link (the one tag goes in `topic_tag`). LinkedIn: headline, summary with
    /// "(via Source)", link, tags. Facebook: the summary alone (the link card does the work).
    /// Telegram: bold headline (HTML), summary, link. Discord: bold headline, summary, link.
    /// Slack: summary, then the link as `<url|title>`. Webhook: headline, summary, link, plain.
    public static func `default`(for network: SocialNetwork) -> PostTemplate {
        NetworkRegistry.builtIn.defaultTemplate(for: network)
    }

    /// `{summary} {link}`: the template of a network without a valid one of its own.
    static let fallback = PostTemplate(unchecked: "{summary} {link}")

    private init(unchecked source: String) {
        self.source = source
        self.segments = [.placeholder(.summary), .literal(" "), .placeholder(.link)]
        self.placeholders = [.summary, .link]
    }
}
