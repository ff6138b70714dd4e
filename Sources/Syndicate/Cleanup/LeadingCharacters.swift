/// The lower-cased ASCII characters a start-anchored regular expression's match can begin with,
/// found by reading the pattern's leading literals, classes and alternations.
///
/// ``BoilerplateScreen`` uses it to skip its search for a paragraph whose first character no
/// screened rule can start with. The analysis is conservative: anything it does not understand
/// (`.`, `\s`, `\w`, `\p{…}`, look-arounds, inline flags, negated or nested classes, escapes that
/// are not plain punctuation, a pattern that can match the empty string) makes the result "any
/// character". It only speaks about ASCII: a paragraph that starts with a non-ASCII character is
/// always searched, and a non-ASCII literal in a case-insensitive pattern also means "any"
/// (ICU folds some non-ASCII letters, such as the Kelvin sign, onto ASCII ones).
struct LeadingCharacters: Equatable {
    /// Bit `n` set: a match may begin with the ASCII byte `n` (letters lower-cased).
    private var low: UInt64 = 0
    private var high: UInt64 = 0
    /// Whether no limit could be derived: a match may begin with anything.
    private(set) var isAny = false

    /// A set that admits every first character.
    static let any = LeadingCharacters(isAny: true)

    private init(isAny: Bool) { self.isAny = isAny }

    /// The first characters of `pattern` (its source without the leading `^`).
    ///
    /// - Parameters:
    ///   - pattern: The regular expression after its `^` anchor.
    ///   - caseInsensitive: Whether the expression ignores case.
    init(pattern: String, caseInsensitive: Bool) {
        var reader = PatternReader(scalars: Array(pattern.unicodeScalars), caseInsensitive: caseInsensitive)
        if let first = reader.alternation(depth: 0), !first.nullable, reader.atEnd {
            self = first.set
        } else {
            self = .any
        }
    }

    /// Adds the union of `other`.
    mutating func formUnion(_ other: LeadingCharacters) {
        isAny = isAny || other.isAny
        low |= other.low
        high |= other.high
    }

    /// Whether a match may begin with `byte`, the first UTF-8 byte of a paragraph.
    func admits(_ byte: UInt8) -> Bool {
        if isAny || byte >= 0x80 { return true }
        let folded = byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
        return folded < 64 ? low & (1 << UInt64(folded)) != 0 : high & (1 << UInt64(folded - 64)) != 0
    }

    /// Adds the ASCII byte `byte` (lower-cased).
    mutating func insert(_ byte: UInt8) {
        let folded = byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
        if folded < 64 { low |= 1 << UInt64(folded) } else if folded < 128 { high |= 1 << UInt64(folded - 64) }
    }

    static var empty: LeadingCharacters { LeadingCharacters(isAny: false) }
}

/// A small reader of the start of an ICU pattern, for ``LeadingCharacters``; returns nil for
/// anything it does not understand.
private struct PatternReader {
    /// What a part of the pattern can begin with, and whether it can match the empty string.
    struct First {
        var set: LeadingCharacters
        var nullable: Bool
    }

    let scalars: [Unicode.Scalar]
    let caseInsensitive: Bool
    var position = 0

    init(scalars: [Unicode.Scalar], caseInsensitive: Bool) {
        self.scalars = scalars
        self.caseInsensitive = caseInsensitive
    }

    var atEnd: Bool { position >= scalars.count }

    /// Patterns nest far less than this; deeper ones are given up on rather than followed.
    static let maximumDepth = 16

    /// `sequence ('|' sequence)*`, up to a closing `)` or the end.
    mutating func alternation(depth: Int) -> First? {
        guard depth < Self.maximumDepth else { return nil }
        var result = First(set: .empty, nullable: false)
        while true {
            guard let branch = sequence(depth: depth) else { return nil }
            result.set.formUnion(branch.set)
            result.nullable = result.nullable || branch.nullable
            guard !atEnd, scalars[position] == "|" else { return result }
            position += 1
        }
    }

    /// Atoms with their quantifiers, up to `|`, `)` or the end. Once an atom that cannot be
    /// empty is read, the rest of the sequence cannot start a match and is only skipped over.
    mutating func sequence(depth: Int) -> First? {
        var result = First(set: .empty, nullable: true)
        while !atEnd, scalars[position] != "|", scalars[position] != ")" {
            guard var part = atom(depth: depth) else { return nil }
            guard let minimum = quantifier() else { return nil }
            if minimum == 0 { part.nullable = true }
            result.set.formUnion(part.set)
            result.nullable = part.nullable
            if !result.nullable { return skipRest() ? result : nil }
        }
        return result
    }

    /// Moves past the rest of a sequence, to the `|` or `)` that ends it (or the end), stepping
    /// over escapes, classes and nested groups; false when they are not closed.
    mutating func skipRest() -> Bool {
        var open = 0
        while !atEnd {
            switch scalars[position] {
            case "\\":
                position += 2
                continue
            case "[":
                position += 1
                if !atEnd, scalars[position] == "^" { position += 1 }
                if !atEnd, scalars[position] == "]" { position += 1 }
                while !atEnd, scalars[position] != "]" {
                    if scalars[position] == "[" { return false }
                    position += scalars[position] == "\\" ? 2 : 1
                }
                guard !atEnd else { return false }
            case "(":
                open += 1
            case ")":
                if open == 0 { return true }
                open -= 1
            case "|":
                if open == 0 { return true }
            default:
                break
            }
            position += 1
        }
        return open == 0
    }

    /// One literal, class, escape or group.
    mutating func atom(depth: Int) -> First? {
        let scalar = scalars[position]
        position += 1
        switch scalar {
        case "(":
            if position < scalars.count, scalars[position] == "?" {
                // Only non-capturing `(?:` and named `(?<name>` groups; look-arounds and flags are "any".
                guard position + 1 < scalars.count else { return nil }
                if scalars[position + 1] == ":" {
                    position += 2
                } else if scalars[position + 1] == "<", position + 2 < scalars.count,
                    scalars[position + 2].properties.isAlphabetic
                {
                    guard let close = scalars[position...].firstIndex(of: ">") else { return nil }
                    position = close + 1
                } else {
                    return nil
                }
            }
            guard let inner = alternation(depth: depth + 1), !atEnd, scalars[position] == ")" else { return nil }
            position += 1
            return inner
        case "[":
            return characterClass()
        case "\\":
            guard !atEnd else { return nil }
            let escaped = scalars[position]
            position += 1
            if escaped == "d" {
                var set = LeadingCharacters.empty
                for digit in UInt8(ascii: "0")...UInt8(ascii: "9") { set.insert(digit) }
                return First(set: set, nullable: false)
            }
            guard escaped.isASCII, !escaped.properties.isAlphabetic, !("0"..."9").contains(escaped) else { return nil }
            return literal(escaped)
        case ".", "^", "$", ")", "|", "?", "*", "+", "{", "}":
            return nil
        default:
            return literal(scalar)
        }
    }

    /// A literal character: its lower-cased ASCII byte; a non-ASCII one adds nothing (such a
    /// paragraph is always searched) unless case is ignored, when it means "any".
    func literal(_ scalar: Unicode.Scalar) -> First? {
        var set = LeadingCharacters.empty
        if scalar.isASCII {
            set.insert(UInt8(scalar.value))
        } else if caseInsensitive {
            return nil
        }
        return First(set: set, nullable: false)
    }

    /// `[…]` of literal characters and ranges; negated classes and escapes other than
    /// punctuation are "any".
    mutating func characterClass() -> First? {
        guard !atEnd, scalars[position] != "^" else { return nil }
        var members: [Unicode.Scalar] = []
        var first = true
        while !atEnd {
            var scalar = scalars[position]
            if scalar == "]", !first {
                position += 1
                return classFirst(members)
            }
            first = false
            position += 1
            if scalar == "[" { return nil }
            if scalar == "\\" {
                guard !atEnd else { return nil }
                scalar = scalars[position]
                position += 1
                guard scalar.isASCII, !scalar.properties.isAlphabetic, !("0"..."9").contains(scalar) else { return nil }
            } else if scalar == "-", let previous = members.last, !atEnd, scalars[position] != "]" {
                let upper = scalars[position]
                position += 1
                guard previous.isASCII, upper.isASCII, upper != "\\", upper != "[", previous.value <= upper.value
                else { return nil }
                for value in previous.value...upper.value { if let member = Unicode.Scalar(value) { members.append(member) } }
                continue
            }
            members.append(scalar)
        }
        return nil
    }

    /// The first characters of a class made of `members`.
    func classFirst(_ members: [Unicode.Scalar]) -> First? {
        var result = First(set: .empty, nullable: false)
        for member in members {
            guard let part = literal(member) else { return nil }
            result.set.formUnion(part.set)
        }
        return result
    }

    /// Reads an optional quantifier (`?`, `*`, `+`, `{n}`, `{n,}`, `{n,m}`, each optionally lazy
    /// or possessive) and returns its minimum count: 1 when there is none, nil when unreadable.
    mutating func quantifier() -> Int? {
        guard !atEnd else { return 1 }
        let minimum: Int
        switch scalars[position] {
        case "?", "*":
            minimum = 0
            position += 1
        case "+":
            minimum = 1
            position += 1
        case "{":
            guard let close = scalars[position...].firstIndex(of: "}") else { return nil }
            let body = String(String.UnicodeScalarView(scalars[(position + 1)..<close]))
            guard let lower = body.split(separator: ",", omittingEmptySubsequences: false).first, let count = Int(lower)
            else { return nil }
            minimum = count
            position = close + 1
        default:
            return 1
        }
        if !atEnd, scalars[position] == "?" || scalars[position] == "+" { position += 1 }
        return minimum
    }
}
