import Foundation

/// How closely one text's words match another's: precision, recall and F1 over the multiset of
/// lower-cased `\w+` words (letters, marks, digits and `_`, in any script).
public struct WordScore: Equatable, Sendable {
    /// The share of the candidate's words that the reference has.
    public var precision: Double
    /// The share of the reference's words that the candidate has.
    public var recall: Double
    /// The harmonic mean of precision and recall; 0 when either is 0.
    public var f1: Double {
        precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
    }

    /// Scores `candidate` against `reference`, word by word. Two empty texts match fully.
    public init(candidate: String, reference: String) {
        let found = Self.words(candidate)
        let expected = Self.words(reference)
        let foundCount = found.values.reduce(0, +)
        let expectedCount = expected.values.reduce(0, +)
        let common = found.reduce(0) { $0 + min($1.value, expected[$1.key] ?? 0) }
        if foundCount == 0 && expectedCount == 0 {
            precision = 1
            recall = 1
        } else {
            precision = foundCount == 0 ? 0 : Double(common) / Double(foundCount)
            recall = expectedCount == 0 ? 0 : Double(common) / Double(expectedCount)
        }
    }

    /// The lower-cased `\w+` words of `text`, counted.
    public static func words(_ text: String) -> [String: Int] {
        var counts: [String: Int] = [:]
        var word = String.UnicodeScalarView()
        func flush() {
            guard !word.isEmpty else { return }
            counts[String(word).lowercased(), default: 0] += 1
            word.removeAll()
        }
        for scalar in text.unicodeScalars {
            if isWordScalar(scalar) { word.append(scalar) } else { flush() }
        }
        flush()
        return counts
    }

    /// `\w` in Unicode mode: letters, marks, decimal digits, connector punctuation (`_`).
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        let properties = scalar.properties
        if properties.isAlphabetic { return true }
        switch properties.generalCategory {
        case .decimalNumber, .connectorPunctuation, .nonspacingMark, .spacingMark, .enclosingMark:
            return true
        default:
            return false
        }
    }
}
