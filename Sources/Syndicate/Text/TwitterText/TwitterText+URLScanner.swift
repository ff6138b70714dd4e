import Foundation

extension TwitterText {
    /// A hand-written matcher for twitter-text's URL regex, on the UTF-16 units of a text.
    ///
    /// It finds what `extractUrl` (js/src/regexp/extractUrl.js) finds, in the same leftmost-first
    /// order, but decides the domain part (`validSubdomain* validDomainName (gTLD|ccTLD|punycode)`)
    /// by walking labels instead of backtracking through 1,500 TLD alternatives at every dot, and
    /// remembers which dots a TLD follows. Labels are bounded (63 code points, 127 labels), as
    /// DNS bounds them and twitter-text's IDNA check rejects anything longer, so the scan stays
    /// linear on adversarial input. The port, path and query, which need no backtracking into the
    /// domain, are matched with the regex on the run of text up to the next space.
    struct URLScanner {
        /// One match of the URL regex: the preceding character and the URL's parts, as UTF-16 ranges.
        struct Match {
            var before: Range<Int>
            var url: Range<Int>
            var protocolRange: Range<Int>?
            var domain: Range<Int>
            var path: Range<Int>?
        }

        /// The longest tail (port, path, query) examined after a domain; longer URLs are rejected anyway.
        static let maxTailLength = 16_384

        /// The text; the caller keeps it alive while the scanner is in use (the scanner never
        /// leaves ``TwitterText/forEachURL(in:withoutProtocol:withText:_:)``).
        let units: UnsafeBufferPointer<UInt16>
        /// Per offset: the TLD length found there, -1 for none, -2 not yet looked at.
        private var tldMemo: [Int32]
        /// Per offset: the label found there (its dot's offset, negated minus one when it has an `_`),
        /// `Int32.min` for none, `Int32.max` not yet looked at.
        private var labelMemo: [Int32]

        /// Texts up to this many units are scanned without memos (at most a constant times
        /// more work, and no allocation); longer ones memoise, so the scan stays linear.
        static let memoThreshold = 96

        /// ``ASCIITLDTable/shared``, fetched once per scanner.
        private let table = ASCIITLDTable.shared

        init(units: UnsafeBufferPointer<UInt16>) {
            self.units = units
            if units.count > Self.memoThreshold {
                tldMemo = Array(repeating: -2, count: units.count + 1)
                labelMemo = Array(repeating: Int32.max, count: units.count + 1)
            } else {
                tldMemo = []
                labelMemo = []
            }
        }

        // MARK: Scanning

        /// Every match of the URL regex, leftmost first, each search resuming after the previous match.
        mutating func matches() -> [Match] {
            var result: [Match] = []
            forEachMatch { result.append($0) }
            return result
        }

        /// Calls `body` with every match of the URL regex, as ``matches()`` lists them.
        mutating func forEachMatch(_ body: (Match) -> Void) {
            var position = 0
            let count = units.count
            while position < count {
                if let match = match(at: position) {
                    body(match)
                    position = max(match.url.upperBound, position + 1)
                } else {
                    position += 1
                }
            }
        }

        /// The match that starts at `start` (its preceding character or the start of the text).
        private mutating func match(at start: Int) -> Match? {
            let unit = units[start]
            if Self.isValidPreceding(unit) {
                let width =
                    UTF16.isLeadSurrogate(unit) && start + 1 < units.count
                        && UTF16.isTrailSurrogate(units[start + 1]) ? 2 : 1
                if let match = url(at: start + width, before: start..<(start + width)) { return match }
            }
            if start == 0 { return url(at: 0, before: 0..<0) }
            return nil
        }

        /// A URL starting exactly at `start`: an optional scheme, a domain, then port, path and query.
        private mutating func url(at start: Int, before: Range<Int>) -> Match? {
            guard start < units.count else { return nil }
            if let schemeLength = Self.schemeLength(in: units, at: start) {
                let domainStart = start + schemeLength
                if let domainEnd = domain(at: domainStart) {
                    return finish(
                        before: before, start: start, protocolRange: start..<domainStart,
                        domain: domainStart..<domainEnd)
                }
            }
            guard let domainEnd = domain(at: start) else { return nil }
            return finish(before: before, start: start, protocolRange: nil, domain: start..<domainEnd)
        }

        private func finish(before: Range<Int>, start: Int, protocolRange: Range<Int>?, domain: Range<Int>) -> Match {
            var end = domain.upperBound
            // Port: ":" and digits.
            if end + 1 < units.count, units[end] == 0x3A, Self.isDigit(units[end + 1]) {
                end += 1
                while end < units.count, Self.isDigit(units[end]) { end += 1 }
            }
            // Path: "/" then path segments (possessive, as in the regex).
            var path: Range<Int>?
            if end < units.count, units[end] == 0x2F {
                let pathStart = end
                end += 1
                while let next = pathSegmentEnd(from: end) { end = next }
                path = pathStart..<end
            }
            // Query: "?" then query characters, ending on a query-ending character.
            if let queryEnd = queryEnd(from: end) { end = queryEnd }
            return Match(before: before, url: start..<end, protocolRange: protocolRange, domain: domain, path: path)
        }

        /// The end of one `validUrlPath` at `start`: `G* (B G*)* E`, where the regex's backtracking
        /// ends it after the last path-ending character or balanced parenthesis of the greedy run;
        /// else `@ G+ /`. Nil if neither matches.
        func pathSegmentEnd(from start: Int) -> Int? {
            var position = start
            var lastGoodEnd: Int?
            while position < units.count {
                let unit = units[position]
                if Self.isPathChar(unit) {
                    position += 1
                    if Self.isPathEndingChar(unit) { lastGoodEnd = position }
                } else if unit == 0x28, let close = balancedParensEnd(from: position) {
                    position = close
                    lastGoodEnd = position
                } else {
                    break
                }
            }
            if let lastGoodEnd { return lastGoodEnd }
            // "@" G+ "/": the last "/" of the run after "@", with at least one character between.
            guard start < units.count, units[start] == 0x40 else { return nil }
            var run = start + 1
            var lastSlash: Int?
            while run < units.count, Self.isPathChar(units[run]) {
                if units[run] == 0x2F, run > start + 1 { lastSlash = run }
                run += 1
            }
            return lastSlash.map { $0 + 1 }
        }

        /// The end of `\((?:G+|G*\(G+\)G*)\)` at `start` (which holds "("), if it matches.
        func balancedParensEnd(from start: Int) -> Int? {
            var position = start + 1
            let firstRun = position
            while position < units.count, Self.isPathChar(units[position]) { position += 1 }
            guard position < units.count else { return nil }
            if units[position] == 0x29 { return position > firstRun ? position + 1 : nil }
            guard units[position] == 0x28 else { return nil }
            position += 1
            let innerRun = position
            while position < units.count, Self.isPathChar(units[position]) { position += 1 }
            guard position > innerRun, position < units.count, units[position] == 0x29 else { return nil }
            position += 1
            while position < units.count, Self.isPathChar(units[position]) { position += 1 }
            guard position < units.count, units[position] == 0x29 else { return nil }
            return position + 1
        }

        /// The end of `\? Q* QE` at `start`, if it matches.
        func queryEnd(from start: Int) -> Int? { Self.queryEnd(in: units, from: start) }

        /// ``queryEnd(from:)`` in `units`.
        static func queryEnd(in units: UnsafeBufferPointer<UInt16>, from start: Int) -> Int? {
            guard start < units.count, units[start] == 0x3F else { return nil }
            var position = start + 1
            var lastGoodEnd: Int?
            while position < units.count, Self.isQueryChar(units[position]) {
                if Self.isQueryEndingChar(units[position]) { lastGoodEnd = position + 1 }
                position += 1
            }
            return lastGoodEnd
        }

        /// twitter-text's `validTcoUrl` on the URL at `range`: the end of `https?://t.co/slug(?query)`
        /// and the slug's length, or nil when the URL is no t.co URL.
        ///
        /// Static, as it reads only `units`: a caller inside ``forEachMatch(_:)`` needs no copy of
        /// the scanner (whose memos would then be copied on their next write).
        static func tcoURL(in units: UnsafeBufferPointer<UInt16>, range: Range<Int>) -> (end: Int, slugLength: Int)? {
            guard let schemeLength = schemeLength(in: units, at: range.lowerBound),
                hasPrefix(tcoHost, in: units, at: range.lowerBound + schemeLength)
            else { return nil }
            let slugStart = range.lowerBound + schemeLength + tcoHost.utf8CodeUnitCount
            var position = slugStart
            while position < range.upperBound, isASCIIAlphanumeric(units[position]) { position += 1 }
            guard position > slugStart else { return nil }
            let slugLength = position - slugStart
            if let end = queryEnd(in: units, from: position), end <= range.upperBound { position = end }
            return (position, slugLength)
        }

        /// The end of `validSubdomain{0,126} validDomainName (gTLD | ccTLD | punycode)` at `start`.
        ///
        /// Greedy as the regex: the most labels whose last one (no `_` allowed) a TLD follows.
        mutating func domain(at start: Int) -> Int? {
            // The labels of one attempt live on the stack: at most 127, as the regex allows.
            withUnsafeTemporaryAllocation(of: (dot: Int, underscore: Bool).self, capacity: 127) { labels in
                var count = 0
                var position = start
                while count < 127, let label = memoizedLabel(at: position) {
                    labels[count] = label
                    count += 1
                    position = label.dot + 1
                }
                var index = count - 1
                while index >= 0 {
                    let name = labels[index]
                    if !name.underscore, let length = tld(at: name.dot + 1) { return name.dot + 1 + length }
                    index -= 1
                }
                return nil
            }
        }

        private mutating func memoizedLabel(at start: Int) -> (dot: Int, underscore: Bool)? {
            if labelMemo.isEmpty { return start < units.count ? label(at: start) : nil }
            guard start < labelMemo.count else { return nil }
            let known = labelMemo[start]
            if known == Int32.min { return nil }
            if known != Int32.max { return known >= 0 ? (Int(known), false) : (Int(-known - 1), true) }
            let found = label(at: start)
            labelMemo[start] = found.map { $0.underscore ? -Int32($0.dot) - 1 : Int32($0.dot) } ?? Int32.min
            return found
        }

        /// A label at `start`: 1–63 code points of domain characters, `-` and `_` (not first or
        /// last), followed by a dot. Returns the dot's offset and whether the label has an `_`.
        private func label(at start: Int) -> (dot: Int, underscore: Bool)? {
            var position = start
            var codePoints = 0
            var underscore = false
            while position < units.count {
                let unit = units[position]
                if Self.isDot(unit) { break }
                guard Self.isDomainChar(unit) || Self.isDash(unit) || Self.isUnderscore(unit) else { return nil }
                if Self.isUnderscore(unit) { underscore = true }
                if !UTF16.isTrailSurrogate(unit) { codePoints += 1 }
                guard codePoints <= 63 else { return nil }
                position += 1
            }
            guard position < units.count, position > start, Self.isDomainChar(units[start]),
                Self.isDomainChar(units[position - 1])
            else { return nil }
            return (position, underscore)
        }

        /// The length of the TLD at `start` (gTLD, then ccTLD, longest first, each followed by a
        /// character other than `A–Z a–z 0–9 @ + -` or the end; else `xn--…` punycode), if any.
        mutating func tld(at start: Int) -> Int? {
            if tldMemo.isEmpty { return start <= units.count ? tld(uncachedAt: start) : nil }
            guard start < tldMemo.count else { return nil }
            let known = tldMemo[start]
            if known != -2 { return known < 0 ? nil : Int(known) }
            let found = tld(uncachedAt: start)
            tldMemo[start] = Int32(found ?? -1)
            return found
        }

        private func tld(uncachedAt start: Int) -> Int? {
            Self.tld(in: units, at: start, end: units.count, table: table)
        }

        /// ``tld(at:)`` on `units`, with `end` (the text's end by default) as the end of the text.
        static func tld(in units: [UInt16], at start: Int, end: Int? = nil) -> Int? {
            let end = min(end ?? units.count, units.count)
            return units.withUnsafeBufferPointer { tld(in: $0, at: start, end: end) }
        }

        static func tld(in units: UnsafeBufferPointer<UInt16>, at start: Int, end: Int) -> Int? {
            tld(in: units, at: start, end: end, table: .shared)
        }

        /// ``tld(in:at:end:)`` with the table given, so that a loop of lookups fetches the shared
        /// table (a lazily initialised global) once.
        static func tld(in units: UnsafeBufferPointer<UInt16>, at start: Int, end: Int, table: ASCIITLDTable) -> Int? {
            // Fast path: a run of ASCII letters and digits ended by the end or another ASCII
            // character. Only the whole run can be a bounded candidate (each shorter one is
            // followed by a letter or digit), so one lookup in the ASCII table decides.
            var position = start
            let maxLength = table.maxScalarCount
            while position < end, position - start < maxLength, isASCIIAlphanumeric(units[position]) {
                position += 1
            }
            if position - start < maxLength, position == end || units[position] < 0x80 {
                if position > start,
                    position == end || !(units[position] == 0x40 || units[position] == 0x2B || units[position] == 0x2D),
                    table.contains(units, start..<position)
                {
                    return position - start
                }
                return punycodeTLD(in: units, at: start, end: end)
            }
            return slowTLD(in: units, at: start, end: end)
        }

        /// The TLD lookup with `String`s, for runs with non-ASCII code points (IDN TLDs, and
        /// characters such as U+212A KELVIN SIGN whose lower case is ASCII).
        private static func slowTLD(in units: UnsafeBufferPointer<UInt16>, at start: Int, end: Int) -> Int? {
            var candidates: [(text: String, end: Int)] = []
            var text = ""
            var position = start
            var scalars = 0
            while position < end, scalars < TwitterTextTLDs.maxScalarCount {
                var unit = UInt32(units[position])
                var width = 1
                if UTF16.isLeadSurrogate(units[position]), position + 1 < end,
                    UTF16.isTrailSurrogate(units[position + 1])
                {
                    unit = 0x10000 + ((unit - 0xD800) << 10) + (UInt32(units[position + 1]) - 0xDC00)
                    width = 2
                }
                guard let scalar = Unicode.Scalar(unit) else { break }
                if scalar.isASCII {
                    guard isASCIIAlphanumeric(UInt16(unit)) else { break }
                    text.unicodeScalars.append(Unicode.Scalar(UInt8(unit)).lowercasedASCII)
                } else {
                    text += scalar.properties.lowercaseMapping
                }
                position += width
                scalars += 1
                candidates.append((text, position))
            }
            func bounded(_ candidateEnd: Int) -> Bool {
                guard candidateEnd < end else { return true }
                let next = units[candidateEnd]
                return !(isASCIIAlphanumeric(next) || next == 0x40 || next == 0x2B || next == 0x2D)
            }
            for set in [TwitterTextTLDs.generic, TwitterTextTLDs.country] {
                for candidate in candidates.reversed() where set.contains(candidate.text) && bounded(candidate.end) {
                    return candidate.end - start
                }
            }
            return punycodeTLD(in: units, at: start, end: end)
        }

        /// Punycode: `xn--` (the `xn` in any case) then `[-0-9a-zA-Z]+`, with no boundary check.
        private static func punycodeTLD(in units: UnsafeBufferPointer<UInt16>, at start: Int, end: Int) -> Int? {
            guard start + 4 < end else { return nil }
            guard units[start] | 0x20 == 0x78, units[start + 1] | 0x20 == 0x6E, units[start + 2] == 0x2D,
                units[start + 3] == 0x2D
            else { return nil }
            var position = start + 4
            while position < end, isASCIIAlphanumeric(units[position]) || isDash(units[position]) { position += 1 }
            return position > start + 4 ? position - start : nil
        }

        /// What follows the scheme of a `t.co` URL.
        static let tcoHost: StaticString = "t.co/"

        /// The length of the scheme at `start`, `https://` or `http://` in any case, if there is one.
        /// (Tried in that order by the regex; `http://` can never match where `https://` does.)
        private static func schemeLength(in units: UnsafeBufferPointer<UInt16>, at start: Int) -> Int? {
            // "http" in any case (| 0x20 lower-cases letters and maps no other unit onto them).
            guard start + 7 <= units.count, units[start] | 0x20 == 0x68, units[start + 1] | 0x20 == 0x74,
                units[start + 2] | 0x20 == 0x74, units[start + 3] | 0x20 == 0x70
            else { return nil }
            let colon = units[start + 4] | 0x20 == 0x73 ? start + 5 : start + 4  // after an "s" or "S"
            guard colon + 3 <= units.count, units[colon] == 0x3A, units[colon + 1] == 0x2F, units[colon + 2] == 0x2F
            else { return nil }
            return colon + 3 - start
        }

        /// Whether `units` at `start` begin with the lower-case ASCII `prefix`, ignoring ASCII case.
        private static func hasPrefix(_ prefix: StaticString, in units: UnsafeBufferPointer<UInt16>, at start: Int) -> Bool {
            let count = prefix.utf8CodeUnitCount
            guard start + count <= units.count else { return false }
            return prefix.withUTF8Buffer { expected in
                for offset in 0..<count {
                    let actual = units[start + offset]
                    let folded = (0x41...0x5A).contains(actual) ? actual | 0x20 : actual
                    guard folded == UInt16(expected[offset]) else { return false }
                }
                return true
            }
        }

        // MARK: ASCII domains

        /// twitter-text's `validAsciiDomain` applied globally to a domain: runs of
        /// `[-a-z0-9 latin accents]+.` labels ending in a TLD, as UTF-16 ranges of `units`.
        static func asciiDomains(in units: [UInt16]) -> [Range<Int>] {
            asciiDomains(in: units, range: 0..<units.count)
        }

        /// ``asciiDomains(in:)`` on the domain `units[range]` (the text ends at its end), as
        /// ranges of `units`.
        static func asciiDomains(in units: [UInt16], range: Range<Int>) -> [Range<Int>] {
            units.withUnsafeBufferPointer { asciiDomains(in: $0, range: range) }
        }

        static func asciiDomains(in units: UnsafeBufferPointer<UInt16>, range: Range<Int>) -> [Range<Int>] {
            var result: [Range<Int>] = []
            forEachASCIIDomain(in: units, range: range) { result.append($0) }
            return result
        }

        /// Calls `body` with each range ``asciiDomains(in:range:)`` lists, in order, building no array.
        static func forEachASCIIDomain(
            in units: UnsafeBufferPointer<UInt16>, range: Range<Int>, _ body: (Range<Int>) -> Void
        ) {
            var memo: [Int: Int] = [:]
            let table = ASCIITLDTable.shared
            let limit = range.upperBound
            var start = range.lowerBound
            while start < limit {
                // The labels from `start`: runs of domain characters, each ended by a dot.
                var lastDot: Int?
                var position = start
                while true {
                    var end = position
                    while end < limit,
                        isASCIIAlphanumeric(units[end]) || isDash(units[end]) || isLatinAccent(units[end])
                    {
                        end += 1
                    }
                    guard end > position, end < limit, isDot(units[end]) else { break }
                    lastDot = end
                    position = end + 1
                }
                // The last dot a TLD follows, trying the dots from the last back to the first
                // (between `start` and `lastDot` every dot ends a label).
                var matched: Int?
                var dot = lastDot
                while let current = dot {
                    let length: Int?
                    if start == range.lowerBound {
                        // Most domains match on the first attempt: it skips the memo, and later
                        // attempts memoise their own lookups, so the scan stays linear.
                        length = tld(in: units, at: current + 1, end: limit, table: table)
                    } else if let known = memo[current + 1] {
                        length = known < 0 ? nil : known
                    } else {
                        length = tld(in: units, at: current + 1, end: limit, table: table)
                        memo[current + 1] = length ?? -1
                    }
                    if let length {
                        matched = current + 1 + length
                        break
                    }
                    var previous = current - 1
                    while previous > start, !isDot(units[previous]) { previous -= 1 }
                    dot = previous > start ? previous : nil
                }
                if let matched {
                    body(start..<matched)
                    start = matched
                } else {
                    start += 1
                }
            }
        }
    }
}

extension Unicode.Scalar {
    /// The scalar with `A–Z` mapped to `a–z`.
    fileprivate var lowercasedASCII: Unicode.Scalar {
        (0x41...0x5A).contains(value) ? Unicode.Scalar(UInt8(value) | 0x20) : self
    }
}

/// The TLD lists as sets for lookup, lower-cased.
enum TwitterTextTLDs {
    static let generic: Set<String> = Set(TwitterText.genericTLDs.map { $0.lowercased() })
    static let country: Set<String> = Set(TwitterText.countryTLDs.map { $0.lowercased() })
    /// The most code points in any TLD.
    static let maxScalarCount: Int =
        (TwitterText.genericTLDs + TwitterText.countryTLDs).map(\.unicodeScalars.count).max() ?? 0
}
