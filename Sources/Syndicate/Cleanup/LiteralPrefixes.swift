/// The literal text every match of a start-anchored regular expression begins with, read from the
/// pattern: `^(?:read more|full story)\s?:` begins with "read more" or "full story".
///
/// ``BoilerplateRule`` checks a paragraph against its prefixes before it compiles or runs its
/// expression, so a paragraph that starts "The school…" never reaches the cookie-notice rule's
/// regular expression (`^(?:this site uses cookies|…)`), and a rule nobody's paragraph starts
/// like is never compiled at all.
///
/// The analysis is conservative: it may admit a paragraph the expression rejects, never the
/// reverse.
/// - It reads literals, classes of literal characters, groups, alternations and quantifiers; a
///   prefix stops at the first atom it cannot spell (`.`, `\s`, `\w`, `\p{…}`, a negated class, a
///   repeated atom after its first occurrence), and zero-width assertions (`\b`, look-arounds,
///   `^`, `$`) are stepped over. Syntax it does not know (inline flags, `\Q…\E`,
///   back-references) makes the result "anything".
/// - Comparison ignores ASCII case, and any non-ASCII byte in the paragraph, before a prefix is
///   ruled out, admits it: ICU folds some non-ASCII characters onto ASCII ones (`ſ` onto `s`,
///   the Kelvin sign onto `k`, `ß` onto `ss`). A non-ASCII literal in a case-insensitive pattern
///   also stops the prefix.
/// - Only a pattern that starts with `^` and has a single top-level branch is anchored for all its
///   matches (`^a|b` matches "xb"); any other pattern admits everything.
struct LiteralPrefixes: Equatable, Sendable {
    /// The prefixes (ASCII letters lower-cased), grouped by their first byte (an index below 256);
    /// nil admits anything.
    ///
    /// Arrays rather than sets and dictionaries, here and in the reader: this runs while a
    /// command-line run starts, where each new generic type with a `Hashable` requirement costs a
    /// scan of the binary's protocol conformances.
    private let byFirstByte: [[[UInt8]]]?
    /// The ASCII first bytes (a letter in both cases) some prefix begins with, as a 128-bit mask
    /// in two words (bytes 0–63, 64–127): one test screens a paragraph before ``admits(_:)``
    /// compares prefixes. Zero when ``byFirstByte`` is nil (then nothing is screened out).
    private let firstBytesLow: UInt64
    private let firstBytesHigh: UInt64

    /// A value that admits every paragraph.
    static let any = LiteralPrefixes(prefixes: nil)

    /// The longest prefix kept, in bytes; longer literals are cut (which only admits more).
    static let maximumLength = 24
    /// The most prefixes kept per pattern; past it they stop growing.
    static let maximumCount = 128

    /// The prefixes, sorted, or nil for "anything": for tests and diagnostics.
    var prefixes: [String]? {
        byFirstByte.map { groups in groups.joined().map { String(decoding: $0, as: UTF8.self) }.sorted() }
    }

    private init(prefixes: [[UInt8]]?) {
        guard let prefixes, !prefixes.isEmpty, !prefixes.contains([]) else {
            byFirstByte = nil
            firstBytesLow = 0
            firstBytesHigh = 0
            return
        }
        var groups = [[[UInt8]]](repeating: [], count: 256)
        var low: UInt64 = 0
        var high: UInt64 = 0
        for prefix in prefixes {
            groups[Int(prefix[0])].append(prefix)
            // A prefix's first byte, and its upper-case form for a letter (prefixes are lower case).
            for byte in [prefix[0], prefix[0] >= 0x61 && prefix[0] <= 0x7A ? prefix[0] - 0x20 : prefix[0]] where byte < 0x80 {
                if byte < 64 { low |= 1 << UInt64(byte) } else { high |= 1 << UInt64(byte - 64) }
            }
        }
        byFirstByte = groups
        firstBytesLow = low
        firstBytesHigh = high
    }

    /// A cheaper first test than ``admits(_:)``, which it never contradicts: false only when
    /// `text` is empty or starts with an ASCII byte no prefix starts with.
    @inline(__always)
    func mayAdmit(firstByteOf text: String) -> Bool {
        guard byFirstByte != nil else { return true }
        guard let first = text.utf8.first else { return false }
        if first >= 0x80 { return true }
        return first < 64 ? firstBytesLow & (1 << UInt64(first)) != 0 : firstBytesHigh & (1 << UInt64(first - 64)) != 0
    }

    /// The prefixes of `pattern`, a whole ICU regular expression.
    ///
    /// - Parameters:
    ///   - pattern: The expression's source, such as `^(?:read more|full story)\s?:`.
    ///   - caseInsensitive: Whether the expression ignores case.
    init(pattern: String, caseInsensitive: Bool) {
        guard pattern.hasPrefix("^") else {
            self = .any
            return
        }
        var reader = PrefixReader(scalars: Array(pattern.unicodeScalars.dropFirst()), caseInsensitive: caseInsensitive)
        guard let branches = reader.alternation(depth: 0), reader.atEnd, branches.count == 1 else {
            self = .any
            return
        }
        var all = branches[0]
        all.formUnion(PrefixSet(open: [], closed: branches[0].open))
        self.init(prefixes: all.closed)
    }

    /// Whether a match may begin at the start of `text`.
    func admits(_ text: String) -> Bool {
        guard let byFirstByte else { return true }
        var text = text
        return text.withUTF8 { bytes in
            guard let first = bytes.first else { return false }
            if first >= 0x80 { return true }
            return byFirstByte[Int(Self.lowercased(first))].contains { prefix in Self.mayBegin(bytes, with: prefix) }
        }
    }

    /// Whether `bytes` may begin with `prefix`: equal ignoring ASCII case, or undecided because a
    /// non-ASCII byte comes first.
    private static func mayBegin(_ bytes: UnsafeBufferPointer<UInt8>, with prefix: [UInt8]) -> Bool {
        for index in prefix.indices {
            guard index < bytes.count else { return false }
            let byte = bytes[index]
            if byte >= 0x80 { return true }
            if lowercased(byte) != prefix[index] { return false }
        }
        return true
    }

    @inline(__always)
    static func lowercased(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
    }
}

/// What a part of a pattern can begin with: prefixes that the text after the part may still
/// extend (`open`), and prefixes that end here because what follows cannot be spelled (`closed`).
private struct PrefixSet {
    /// Without duplicates, as are `closed`'s.
    var open: [[UInt8]]
    var closed: [[UInt8]]

    /// A part that matches the empty string and lets what follows extend it.
    static let empty = PrefixSet(open: [[]], closed: [])
    /// A part whose text cannot be spelled: everything before it ends here.
    static let unspellable = PrefixSet(open: [], closed: [[]])

    /// Adds the prefixes of `other`.
    mutating func formUnion(_ other: PrefixSet) {
        // `other`'s lists are free of duplicates already: an empty list takes them as they are.
        if open.isEmpty {
            open = other.open
        } else {
            for prefix in other.open where !open.contains(prefix) { open.append(prefix) }
        }
        if closed.isEmpty {
            closed = other.closed
        } else {
            for prefix in other.closed where !closed.contains(prefix) { closed.append(prefix) }
        }
    }

    /// This part followed by `next`.
    func followed(by next: PrefixSet) -> PrefixSet {
        if next.closed.isEmpty, next.open.count == 1 {
            // One spelling (a literal, the commonest atom): extend every open prefix in place;
            // distinct prefixes stay distinct, so nothing needs de-duplicating.
            let tail = next.open[0]
            var result = self
            for index in result.open.indices { result.open[index].append(contentsOf: tail) }
            return result.bounded()
        }
        var result = PrefixSet(open: [], closed: closed)
        for head in open {
            result.formUnion(PrefixSet(open: next.open.map { head + $0 }, closed: next.closed.map { head + $0 }))
        }
        return result.bounded()
    }

    /// `prefixes` without duplicates, in the order first seen.
    static func unique(_ prefixes: [[UInt8]]) -> [[UInt8]] {
        var result: [[UInt8]] = []
        for prefix in prefixes where !result.contains(prefix) { result.append(prefix) }
        return result
    }

    /// Stops prefixes from growing past ``LiteralPrefixes/maximumLength`` or
    /// ``LiteralPrefixes/maximumCount``, by cutting or closing them (which only admits more).
    func bounded() -> PrefixSet {
        var result = self
        if result.open.contains(where: { $0.count >= LiteralPrefixes.maximumLength })
            || result.closed.contains(where: { $0.count > LiteralPrefixes.maximumLength })
        {
            let cut = (closed + open).map { Array($0.prefix(LiteralPrefixes.maximumLength)) }
            result = PrefixSet(open: [], closed: Self.unique(cut))
        }
        if result.open.count + result.closed.count > LiteralPrefixes.maximumCount {
            // Fall back to the first bytes, which are few.
            let all = result.closed + result.open
            result = PrefixSet(open: [], closed: Self.unique(all.map { Array($0.prefix(1)) }))
        }
        return result
    }
}

/// A reader of ICU pattern syntax for ``LiteralPrefixes``; its methods return nil for syntax
/// they do not know, which makes the whole pattern admit everything.
private struct PrefixReader {
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

    /// `sequence ('|' sequence)*` up to a closing `)` or the end: one prefix set per branch.
    mutating func alternation(depth: Int) -> [PrefixSet]? {
        guard depth < Self.maximumDepth else { return nil }
        var branches: [PrefixSet] = []
        while true {
            guard let branch = sequence(depth: depth) else { return nil }
            branches.append(branch)
            guard !atEnd, scalars[position] == "|" else { return branches }
            position += 1
        }
    }

    /// The union of `branches`.
    static func union(_ branches: [PrefixSet]) -> PrefixSet {
        var result = PrefixSet(open: [], closed: [])
        for branch in branches { result.formUnion(branch) }
        return result.bounded()
    }

    /// Atoms with their quantifiers, up to `|`, `)` or the end. Once no prefix is open, the rest of
    /// the sequence is only checked for syntax.
    mutating func sequence(depth: Int) -> PrefixSet? {
        var result = PrefixSet.empty
        while !atEnd, scalars[position] != "|", scalars[position] != ")" {
            guard let part = atom(depth: depth), let (minimum, maximum) = quantifier() else { return nil }
            if result.open.isEmpty { continue }
            switch (minimum, maximum) {
            case (1, 1):
                result = result.followed(by: part)
            case (0, 1):
                // Absent or once: both continue.
                let present = result.followed(by: part)
                result.formUnion(present)
                result = result.bounded()
            case (0, _):
                result = result.followed(by: .unspellable)
            default:
                // At least once, then unknown: the first occurrence, then stop.
                let once = result.followed(by: part)
                result = once.followed(by: .unspellable)
            }
        }
        return result
    }

    /// One literal, class, escape, group or assertion.
    mutating func atom(depth: Int) -> PrefixSet? {
        let scalar = scalars[position]
        position += 1
        switch scalar {
        case "(":
            return group(depth: depth)
        case "[":
            return characterClass()
        case "\\":
            return escape()
        case ".":
            return .unspellable
        case "^", "$":
            return .empty
        case "?", "*", "+", "{", "}", ")", "|":
            return nil
        default:
            return literal(scalar)
        }
    }

    /// After `(`: a capturing, non-capturing (`?:`), atomic (`?>`) or named (`?<name>`) group, or a
    /// look-around (`?=`, `?!`, `?<=`, `?<!`), which is zero-width and read only for its syntax.
    mutating func group(depth: Int) -> PrefixSet? {
        var lookAround = false
        if !atEnd, scalars[position] == "?" {
            guard position + 1 < scalars.count else { return nil }
            let kind = scalars[position + 1]
            switch kind {
            case ":", ">":
                position += 2
            case "=", "!":
                position += 2
                lookAround = true
            case "<":
                guard position + 2 < scalars.count else { return nil }
                let next = scalars[position + 2]
                if next == "=" || next == "!" {
                    position += 3
                    lookAround = true
                } else if next.properties.isAlphabetic {
                    guard let close = scalars[position...].firstIndex(of: ">") else { return nil }
                    position = close + 1
                } else {
                    return nil
                }
            default:
                return nil  // Inline flags and other extensions.
            }
        }
        guard let branches = alternation(depth: depth + 1), !atEnd, scalars[position] == ")" else { return nil }
        position += 1
        return lookAround ? .empty : Self.union(branches)
    }

    /// After `\`.
    mutating func escape() -> PrefixSet? {
        guard !atEnd else { return nil }
        let escaped = scalars[position]
        position += 1
        switch escaped {
        case "b", "B":
            return .empty
        case "d":
            return PrefixSet(open: (UInt8(ascii: "0")...UInt8(ascii: "9")).map { [$0] }, closed: [])
        case "s", "S", "w", "W", "D", "h", "H", "v", "V", "X", "R":
            return .unspellable
        case "p", "P":
            // `\p{Lu}` or `\pL`.
            guard !atEnd else { return nil }
            if scalars[position] == "{" {
                guard let close = scalars[position...].firstIndex(of: "}") else { return nil }
                position = close + 1
            } else {
                position += 1
            }
            return .unspellable
        default:
            guard escaped.isASCII, !escaped.properties.isAlphabetic, !("0"..."9").contains(escaped) else { return nil }
            return literal(escaped)
        }
    }

    /// One literal character; a non-ASCII one in a case-insensitive pattern cannot be spelled.
    func literal(_ scalar: Unicode.Scalar) -> PrefixSet? {
        if scalar.isASCII {
            return PrefixSet(open: [[LiteralPrefixes.lowercased(UInt8(scalar.value))]], closed: [])
        }
        if caseInsensitive { return .unspellable }
        return PrefixSet(open: [Array(String(scalar).utf8)], closed: [])
    }

    /// After `[`: a class of literal characters and ASCII ranges. Negated classes, nested classes
    /// and class escapes other than punctuation cannot be spelled.
    mutating func characterClass() -> PrefixSet? {
        var members: [Unicode.Scalar] = []
        var spellable = true
        if !atEnd, scalars[position] == "^" {
            spellable = false
            position += 1
        }
        var first = true
        while !atEnd {
            var scalar = scalars[position]
            if scalar == "]", !first {
                position += 1
                guard spellable, members.count <= 32 else { return .unspellable }
                var result = PrefixSet(open: [], closed: [])
                for member in members {
                    guard let part = literal(member), part.closed.isEmpty else { return .unspellable }
                    result.formUnion(part)
                }
                return result
            }
            first = false
            position += 1
            if scalar == "[" { return nil }
            if scalar == "\\" {
                guard !atEnd else { return nil }
                scalar = scalars[position]
                position += 1
                if scalar.isASCII, scalar.properties.isAlphabetic {
                    // `\p{…}` and friends inside a class: skip the braces, and the class is unspellable.
                    if (scalar == "p" || scalar == "P"), !atEnd, scalars[position] == "{" {
                        guard let close = scalars[position...].firstIndex(of: "}") else { return nil }
                        position = close + 1
                    }
                    spellable = false
                    continue
                }
                guard scalar.isASCII, !("0"..."9").contains(scalar) else { return nil }
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

    /// Reads an optional quantifier (`?`, `*`, `+`, `{n}`, `{n,}`, `{n,m}`, each optionally lazy or
    /// possessive): its minimum and maximum (nil for unbounded), (1, 1) when there is none, nil
    /// when unreadable.
    mutating func quantifier() -> (Int, Int?)? {
        guard !atEnd else { return (1, 1) }
        let bounds: (Int, Int?)
        switch scalars[position] {
        case "?":
            bounds = (0, 1)
        case "*":
            bounds = (0, nil)
        case "+":
            bounds = (1, nil)
        case "{":
            guard let close = scalars[position...].firstIndex(of: "}") else { return nil }
            let body = String(String.UnicodeScalarView(scalars[(position + 1)..<close]))
            let parts = body.split(separator: ",", omittingEmptySubsequences: false)
            guard let lower = parts.first.flatMap({ Int($0) }), parts.count <= 2 else { return nil }
            let upper: Int? = parts.count == 1 ? lower : (parts[1].isEmpty ? nil : Int(parts[1]))
            if parts.count == 2, !parts[1].isEmpty, upper == nil { return nil }
            bounds = (lower, upper)
            position = close
        default:
            return (1, 1)
        }
        position += 1
        if !atEnd, scalars[position] == "?" || scalars[position] == "+" { position += 1 }
        return bounds
    }
}
