import Foundation

/// Imports plain text as a reader copies it from a browser: the first non-empty line is the
/// title, blank lines separate paragraphs, and the page's furniture is removed.
///
/// ```swift
/// let data = Data("School leaders can join Ofsted\n\nHeads can be seconded for a year.\n".utf8)
/// let posts = try PlainTextImporter().posts(from: data, context: ImportContext(inputName: "post.txt"))
/// // posts[0].title == "School leaders can join Ofsted"
/// ```
///
/// Lines of one paragraph are joined with a space and whitespace is collapsed; typographic quotes
/// are kept. A line that is a "Categories:" or "Tags:" line stays a paragraph of its own (its tags
/// go to ``Post/tags``). Numbered reader comments — an indented `1. Name` line followed by
/// indented text — are dropped, and the rest of the body goes through `context.boilerplate`, which
/// removes plugs, prompts, related-post lists and comment sections and finds the source and author.
/// The id is a stable digest of the title and the cleaned body.
public struct PlainTextImporter: PostImporter {
    /// Always ``ImportFormat/text``.
    public let format = ImportFormat.text

    /// Creates the importer.
    public init() {}

    /// Imports the one post in `data`.
    ///
    /// - Parameters:
    ///   - data: UTF-8 (with or without a BOM) or UTF-16 text with a BOM; any line endings.
    ///   - context: The input's name, boilerplate rules and limits.
    /// - Returns: One post.
    /// - Throws: ``ImportError`` of kind `.empty`, `.notText` or `.tooLarge` from decoding, or
    ///   `.noContent` when the text has a title but no body.
    public func posts(from data: Data, context: ImportContext) throws(ImportError) -> [Post] {
        let text = try InputText.decode(data, format: format, context: context)
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        guard let titleIndex = lines.firstIndex(where: { !Whitespace.collapse(String($0)).isEmpty }) else {
            throw ImportError(
                .empty, input: context.inputName, format: format,
                message: "the input is empty; give a file with a post in it.")
        }
        let title = Whitespace.collapse(String(lines[titleIndex]).replacingOccurrences(of: "\u{FEFF}", with: ""))
        let bodyLines = lines[(titleIndex + 1)...]
        let blocks = Self.blocks(of: bodyLines)
        let paragraphs = Self.paragraphs(of: Self.droppingNumberedComments(blocks), boilerplate: context.boilerplate)
        let cleaned = context.boilerplate.clean(paragraphs, title: title)
        guard !cleaned.paragraphs.isEmpty else {
            throw ImportError(
                .noContent, input: context.inputName, format: format, location: "line \(titleIndex + 2)",
                message:
                    "the text has a title ('\(Self.shortened(title))') but no body; put the post's paragraphs below the title, separated by blank lines."
            )
        }
        let body = cleaned.paragraphs.joined(separator: "\n\n")
        let original = bodyLines.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        let post = Post(
            id: StableID.digest(title, body),
            title: title,
            paragraphs: cleaned.paragraphs,
            markup: Post.Markup(kind: .text, content: original),
            author: cleaned.author,
            tags: cleaned.tags,
            source: cleaned.source
        )
        return [try FieldLengthLimit.checked(post, context: context, format: format)]
    }

    /// A run of non-blank lines, as written (indentation kept).
    typealias Block = [Substring]

    /// Splits lines into blocks at blank (whitespace-only) lines.
    static func blocks(of lines: ArraySlice<Substring>) -> [Block] {
        var blocks: [Block] = []
        var current: Block = []
        for line in lines {
            if line.allSatisfy({ $0.isWhitespace }) {
                if !current.isEmpty { blocks.append(current) }
                current = []
            } else {
                current.append(line)
            }
        }
        if !current.isEmpty { blocks.append(current) }
        return blocks
    }

    /// Drops numbered reader comments: a one-line block `  1. S Dearnaley` (indented, a number,
    /// a short name) followed by indented blocks, the comment's text.
    static func droppingNumberedComments(_ blocks: [Block]) -> [Block] {
        var kept: [Block] = []
        var index = 0
        while index < blocks.count {
            let block = blocks[index]
            let next = index + 1 < blocks.count ? blocks[index + 1] : nil
            if block.count == 1, isCommenterLine(block[0]), let next, let first = next.first, isIndented(first) {
                index += 1
                while index < blocks.count, let first = blocks[index].first, isIndented(first) { index += 1 }
                continue
            }
            kept.append(block)
            index += 1
        }
        return kept
    }

    /// `  1. S Dearnaley`: indented, one to four digits and a period, then at most six words and
    /// no sentence punctuation.
    static func isCommenterLine(_ line: Substring) -> Bool {
        guard isIndented(line) else { return false }
        let trimmed = line.drop { $0.isWhitespace }
        let digits = trimmed.prefix { $0.isASCII && $0.isNumber }
        guard (1...4).contains(digits.count) else { return false }
        let afterDigits = trimmed.dropFirst(digits.count)
        guard afterDigits.first == "." || afterDigits.first == ")" else { return false }
        let name = Whitespace.collapse(String(afterDigits.dropFirst()))
        guard !name.isEmpty, name.count <= 60 else { return false }
        let words = name.split(separator: " ")
        return words.count <= 6 && !(name.last.map { ".!?:;,".contains($0) } ?? false)
    }

    static func isIndented(_ line: Substring) -> Bool {
        guard let first = line.first else { return false }
        return first == " " || first == "\t" || first == "\u{A0}"
    }

    /// Joins each block's lines into one paragraph, except that a line a `.tags` rule matches
    /// ("Categories: …") stands alone, so the headline list it follows does not swallow it.
    static func paragraphs(of blocks: [Block], boilerplate: BoilerplateFilter) -> [String] {
        let tagRules = boilerplate.rules.filter { $0.kind == .tags }
        var paragraphs: [String] = []
        for block in blocks {
            var current: [String] = []
            for line in block {
                let collapsed = Whitespace.collapse(String(line))
                if tagRules.contains(where: { $0.match(in: collapsed) != nil }) {
                    if !current.isEmpty { paragraphs.append(current.joined(separator: " ")) }
                    paragraphs.append(collapsed)
                    current = []
                } else if !collapsed.isEmpty {
                    current.append(collapsed)
                }
            }
            if !current.isEmpty { paragraphs.append(current.joined(separator: " ")) }
        }
        return paragraphs
    }

    static func shortened(_ text: String) -> String {
        text.count <= 60 ? text : text.prefix(57) + "…"
    }
}
