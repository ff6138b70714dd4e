import Foundation

/// A boilerplate rule's regular expression: its source, the literal text every match begins
/// with, and the compiled `NSRegularExpression`, built on first use.
///
/// Compiling ICU expressions with Unicode properties (`\p{Lu}`) costs milliseconds, a large part
/// of a command-line run that cleans one post; most rules never see a paragraph that starts the
/// way they need (``LiteralPrefixes``), so the built-in rules compile only when one does. A rule
/// made with ``BoilerplateRule/init(name:kind:scope:regex:caseInsensitive:maxLength:requiredText:requiredTextWithinLast:)``
/// is compiled at once, to report a bad pattern where it is written.
final class RuleExpression: @unchecked Sendable {
    // @unchecked: `state` changes once, from `.pending`, under `lock`; NSRegularExpression is
    // immutable after creation and documented as thread-safe.

    /// The pattern as written.
    let source: String
    /// Whether letters match in either case.
    let caseInsensitive: Bool
    /// The text a match can begin with.
    let prefixes: LiteralPrefixes

    private enum State {
        case pending
        case compiled(NSRegularExpression)
        case invalid
    }

    private let lock = NSLock()
    private var state: State

    /// An expression compiled on first use of ``compiled``.
    init(source: String, caseInsensitive: Bool) {
        self.source = source
        self.caseInsensitive = caseInsensitive
        self.prefixes = LiteralPrefixes(pattern: source, caseInsensitive: caseInsensitive)
        self.state = .pending
    }

    /// An expression compiled now; nil when `source` is not a valid ICU pattern.
    convenience init?(compiling source: String, caseInsensitive: Bool) {
        guard let expression = Self.compile(source, caseInsensitive: caseInsensitive) else { return nil }
        self.init(source: source, caseInsensitive: caseInsensitive)
        state = .compiled(expression)
    }

    /// The compiled expression; nil when the pattern does not compile (which the tests rule out
    /// for the built-in rules).
    var compiled: NSRegularExpression? {
        lock.lock()
        defer { lock.unlock() }
        switch state {
        case .compiled(let expression):
            return expression
        case .invalid:
            return nil
        case .pending:
            guard let expression = Self.compile(source, caseInsensitive: caseInsensitive) else {
                state = .invalid
                return nil
            }
            state = .compiled(expression)
            return expression
        }
    }

    private static func compile(_ source: String, caseInsensitive: Bool) -> NSRegularExpression? {
        try? NSRegularExpression(pattern: source, options: caseInsensitive ? [.caseInsensitive] : [])
    }
}
