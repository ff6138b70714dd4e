import Foundation

/// A single regular expression that matches wherever any of a filter's regex rules could, so
/// that the (usually many) paragraphs that no rule touches cost one search instead of one per
/// rule.
///
/// The screen is the alternation of every rule's pattern, each in its own case-sensitivity
/// group and with named groups made non-capturing. It may say "maybe" where no rule matches
/// (it ignores each rule's length limit); it never says "no" where a rule would match.
/// Phrase rules are not part of it: a filter with phrase rules checks those separately.
final class BoilerplateScreen: @unchecked Sendable {
    // @unchecked: NSRegularExpression is immutable after creation and documented as thread-safe.
    private let expression: NSRegularExpression

    /// Builds the screen for `rules`, or nil when a pattern cannot be combined (it uses
    /// back-references, whose numbers the combination would shift) or there is no regex rule.
    init?(rules: [BoilerplateRule]) {
        var alternatives: [String] = []
        for rule in rules {
            guard case .regex(let regex, let source) = rule.pattern else { continue }
            if source.range(of: #"\\[1-9]|\\k<"#, options: .regularExpression) != nil { return nil }
            let nonCapturing = source.replacingOccurrences(
                of: #"\(\?<([A-Za-z][A-Za-z0-9]*)>"#, with: "(?:", options: .regularExpression)
            let flag = regex.options.contains(.caseInsensitive) ? "(?i:" : "(?-i:"
            alternatives.append(flag + nonCapturing + ")")
        }
        guard !alternatives.isEmpty,
            let expression = try? NSRegularExpression(pattern: alternatives.joined(separator: "|"))
        else { return nil }
        self.expression = expression
    }

    /// Whether some rule may match `paragraph`.
    func mayMatch(_ paragraph: String) -> Bool {
        let range = NSRange(paragraph.startIndex..<paragraph.endIndex, in: paragraph)
        return expression.firstMatch(in: paragraph, options: [], range: range) != nil
    }
}
