import Foundation

/// Rewrites Markdown so that Ink can render it in bounded time and stack.
///
/// Ink 0.6.0 parses link text recursively and retries on failure: measured on Linux, 20 nested
/// `[` took 16 s, fifty runs of ten unmatched `[` did not finish in a minute, and 3,000 nested
/// list levels or 3,000 nested brackets overflowed the stack. So, outside fenced code and code
/// spans, the guard escapes (`\[`) every `[` that has no matching `]` in its paragraph or that
/// opens deeper than two levels (an image inside a link is two), and it caps leading
/// indentation, which is what nests lists. Ordinary Markdown comes out unchanged.
enum MarkdownGuard {
    /// The deepest bracket nesting passed to Ink (`[![alt](image)](link)` needs two).
    static let maxBracketDepth = 2
    /// The most leading spaces kept on a line (about 128 list levels).
    static let maxIndentation = 256

    /// `markdown` (lines separated by `\n`) with unsafe brackets escaped and indentation capped.
    static func defused(_ markdown: String) -> String {
        var output: [String] = []
        var block: [Substring] = []
        var fence: Substring?
        func flush() {
            if !block.isEmpty { output.append(escapingUnsafeBrackets(in: block.joined(separator: "\n"))) }
            block.removeAll()
        }
        for rawLine in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = cappingIndentation(rawLine)
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if let open = fence {
                output.append(String(line))
                if trimmed.hasPrefix(open) { fence = nil }
                continue
            }
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                flush()
                fence = trimmed.prefix(3)
                output.append(String(line))
            } else if trimmed.isEmpty {
                flush()
                output.append(String(line))
            } else {
                block.append(line)
            }
        }
        flush()
        return output.joined(separator: "\n")
    }

    private static func cappingIndentation(_ line: Substring) -> Substring {
        let indentation = line.prefix { $0 == " " || $0 == "\t" }
        guard indentation.count > maxIndentation else { return line }
        return line.dropFirst(indentation.count - maxIndentation)
    }

    /// Escapes the `[` of one paragraph that are unmatched or nested too deep.
    static func escapingUnsafeBrackets(in text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var unsafe = Set<Int>()
        var open: [Int] = []
        var index = 0
        let spans = codeSpans(in: scalars)
        while index < scalars.count {
            let scalar = scalars[index]
            if let end = spans[index] {
                index = end
                continue
            }
            switch scalar {
            case "\\":
                index += 2
                continue
            case "[":
                if open.count >= maxBracketDepth { unsafe.insert(index) } else { open.append(index) }
            case "]":
                _ = open.popLast()
            default:
                break
            }
            index += 1
        }
        unsafe.formUnion(open)
        return escaping(unsafe, in: scalars, original: text)
    }

    /// The code spans of a paragraph, as CommonMark finds them: a run of backticks opens one only
    /// when a run of the same length follows; the span ends after that run. Keyed by the opening
    /// run's first index, valued by the index just past the closing run. An unmatched run is
    /// literal text, so the brackets after it are still checked (the fuzzer found that treating
    /// it as an open code span let 40 unmatched `[` through to Ink: 6 s on one short input).
    static func codeSpans(in scalars: [Unicode.Scalar]) -> [Int: Int] {
        var runs: [(start: Int, length: Int)] = []
        var index = 0
        while index < scalars.count {
            if scalars[index] == "\\" {  // an escaped backtick opens nothing
                index += 2
                continue
            }
            guard scalars[index] == "`" else {
                index += 1
                continue
            }
            let start = index
            while index < scalars.count, scalars[index] == "`" { index += 1 }
            runs.append((start, index - start))
        }
        var spans: [Int: Int] = [:]
        var next = 0
        while next < runs.count {
            let opening = runs[next]
            if let closing = runs[(next + 1)...].firstIndex(where: { $0.length == opening.length }) {
                spans[opening.start] = runs[closing].start + runs[closing].length
                next = closing + 1
            } else {
                next += 1
            }
        }
        return spans
    }

    /// `text` with a backslash before each scalar at the `unsafe` positions.
    private static func escaping(_ unsafe: Set<Int>, in scalars: [Unicode.Scalar], original text: String) -> String {
        guard !unsafe.isEmpty else { return text }
        var result = String.UnicodeScalarView()
        for (position, scalar) in scalars.enumerated() {
            if unsafe.contains(position) { result.append("\\") }
            result.append(scalar)
        }
        return String(result)
    }
}
