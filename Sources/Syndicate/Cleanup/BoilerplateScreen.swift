import Foundation

/// One regular expression that tells, at the cost of a single search, whether any of a
/// filter's start-anchored regex rules (`^…`) could match a paragraph; most paragraphs are
/// news, no rule touches them, and they skip the per-rule searches.
///
/// The screen is `^(?:…|…)`, the alternation of every start-anchored rule's pattern without its
/// `^`, each in its own case-sensitivity group and with named groups made non-capturing. Being
/// anchored, it is tried at the first position only. It may say "maybe" where no rule matches
/// (it ignores each rule's length limit); it never says "no" where a rule would match. Rules that
/// are not anchored at the start, or that have a ``BoilerplateRule/requiredText`` (which filters them
/// more cheaply), are not part of it.
final class BoilerplateScreen: @unchecked Sendable {
    // @unchecked: NSRegularExpression is immutable after creation and documented as thread-safe.
    private let expression: NSRegularExpression
    /// The longest paragraph any start-anchored rule accepts (its `maxLength`), nil for no limit:
    /// a longer paragraph cannot match and skips the search.
    private let longestMatchable: Int?
    /// The characters a match of any screened rule can begin with: a paragraph starting with
    /// another ASCII character skips the search (and its bridging to UTF-16) altogether.
    private let leading: LeadingCharacters

    /// Builds the screen for the start-anchored regex rules in `rules`, or nil when there are none
    /// or a pattern cannot be combined (back-references, whose numbers the combination would shift).
    init?(rules: [BoilerplateRule]) {
        var alternatives: [String] = []
        var longest: Int? = 0
        var leading = LeadingCharacters.empty
        for rule in rules where rule.isScreened {
            if let current = longest, let limit = rule.maxLength { longest = max(current, limit) } else { longest = nil }
            guard case .regex(let regex, let source) = rule.pattern else { continue }
            if source.range(of: #"\\[1-9]|\\k<"#, options: .regularExpression) != nil { return nil }
            let nonCapturing = String(source.dropFirst()).replacingOccurrences(
                of: #"\(\?<([A-Za-z][A-Za-z0-9]*)>"#, with: "(?:", options: .regularExpression)
            let caseInsensitive = regex.options.contains(.caseInsensitive)
            leading.formUnion(LeadingCharacters(pattern: String(source.dropFirst()), caseInsensitive: caseInsensitive))
            let flag = caseInsensitive ? "(?i:" : "(?-i:"
            alternatives.append(flag + nonCapturing + ")")
        }
        guard !alternatives.isEmpty,
            let expression = try? NSRegularExpression(pattern: "^(?:" + alternatives.joined(separator: "|") + ")")
        else { return nil }
        self.expression = expression
        self.longestMatchable = longest
        self.leading = leading
    }

    /// Whether some start-anchored rule may match `paragraph`.
    func mayMatch(_ paragraph: String) -> Bool {
        guard let first = paragraph.utf8.first, leading.admits(first) else { return paragraph.isEmpty }
        if let longestMatchable, BoilerplateRule.isLonger(paragraph, than: longestMatchable) { return false }
        let range = NSRange(location: 0, length: BoilerplateRule.utf16Length(paragraph))
        return expression.firstMatch(in: paragraph, options: [.anchored], range: range) != nil
    }
}
