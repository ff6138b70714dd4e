import Foundation

extension TwitterText {
    /// A URL found by twitter-text's URL extraction, with its UTF-16 range in the searched text.
    struct FoundURL: Equatable {
        /// The URL as twitter-text reports it (for a scheme-less URL, its ASCII domain plus path).
        var url: String
        /// Where it is, in UTF-16 code units of the searched text.
        var utf16Range: Range<Int>
    }

    /// The longest URL twitter-text accepts, scheme included.
    static let maxURLLength = 4096
    /// Whether `unit` may not come right before a URL without a scheme: `-`, `_`, `.` or `/`.
    private static func isInvalidSchemelessPreceding(_ unit: UInt16) -> Bool {
        unit == 0x2D || unit == 0x5F || unit == 0x2E || unit == 0x2F
    }
    /// The longest `t.co` slug twitter-text accepts.
    static let maxTcoSlugLength = 40

    /// twitter-text's `extractUrlsWithIndices`: URLs with a scheme and, unless `withoutProtocol`
    /// is false, bare domains with a known TLD, in order.
    ///
    /// Rules, as twitter-text: a URL must start the text or follow a character other than
    /// `A–Z a–z 0–9 @ ＠ $ # ＃`; a scheme-less URL must not follow `-`, `_`, `.` or `/`, keeps only
    /// its ASCII domain(s) (`it.so` included, as the conformance data wants); a TLD must not be
    /// followed by a letter, digit, `@`, `+` or `-`; trailing punctuation is left out; a `t.co` URL
    /// ends after its slug and query and is dropped when the slug is longer than 40; a URL longer
    /// than 4096 (with `https://` assumed when absent, the domain counted in Punycode) or with a
    /// domain label longer than 63 in Punycode is dropped.
    static func urls(in text: String, withoutProtocol: Bool = true) -> [FoundURL] {
        let marker: UInt8 = withoutProtocol ? UInt8(ascii: ".") : UInt8(ascii: ":")
        guard text.utf8.contains(marker) else { return [] }
        return urls(inUTF16: Array(text.utf16), withoutProtocol: withoutProtocol)
    }

    /// ``urls(in:withoutProtocol:)`` on the UTF-16 code units of a text.
    ///
    /// With `withText` false every ``FoundURL/url`` is empty (only the ranges are wanted), and
    /// no `String` is built for ASCII domains.
    static func urls(inUTF16 units: [UInt16], withoutProtocol: Bool = true, withText: Bool = true) -> [FoundURL] {
        var found: [FoundURL] = []
        forEachURL(inUTF16: units, withoutProtocol: withoutProtocol, withText: withText) { found.append($0) }
        return found
    }

    /// Calls `body` with each URL ``urls(inUTF16:withoutProtocol:withText:)`` lists, in order.
    static func forEachURL(
        inUTF16 units: [UInt16], withoutProtocol: Bool = true, withText: Bool = true, _ body: (FoundURL) -> Void
    ) {
        units.withUnsafeBufferPointer { forEachURL(in: $0, withoutProtocol: withoutProtocol, withText: withText, body) }
    }

    /// ``forEachURL(inUTF16:withoutProtocol:withText:_:)`` on a buffer of UTF-16 units.
    static func forEachURL(
        in buffer: UnsafeBufferPointer<UInt16>, withoutProtocol: Bool = true, withText: Bool = true,
        _ body: (FoundURL) -> Void
    ) {
        var scanner = URLScanner(units: buffer)
        func string(_ range: Range<Int>) -> String {
            guard withText else { return "" }
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[range]), as: UTF16.self)
        }
        scanner.forEachMatch { match in
            let start = match.url.lowerBound
            var end = match.url.upperBound
            guard
                isValidURL(
                    length: match.url.count, hasProtocol: match.protocolRange != nil, units: buffer, domain: match.domain)
            else {
                return
            }
            if match.protocolRange != nil {
                var url = string(match.url)
                if let tco = URLScanner.tcoURL(in: buffer, range: match.url) {
                    guard tco.slugLength <= maxTcoSlugLength else { return }
                    end = tco.end
                    url = string(start..<end)
                }
                body(FoundURL(url: url, utf16Range: start..<end))
                return
            }
            guard withoutProtocol else { return }
            if let last = match.before.last, isInvalidSchemelessPreceding(buffer[last]) { return }
            var pending: FoundURL?
            URLScanner.forEachASCIIDomain(in: buffer, range: match.domain) { range in
                if let pending { body(pending) }
                pending = FoundURL(url: string(range), utf16Range: range)
            }
            // With a path, the last ASCII domain takes the rest of the URL (port, path, query).
            if match.path != nil, var last = pending {
                last.url += string(match.domain.upperBound..<end)
                last.utf16Range = last.utf16Range.lowerBound..<end
                pending = last
            }
            if let pending { body(pending) }
        }
    }

    /// twitter-text's URL validity check: every label of `domain` is 1–63 characters in Punycode,
    /// the domain does not start with `xn--` unless it is ASCII, and the URL, with its domain in
    /// Punycode and `https://` counted when it has no scheme, is at most 4096 characters (the Java
    /// and Ruby rule, which Mastodon's server applies).
    static func isValidURL(length: Int, hasProtocol: Bool, units: UnsafeBufferPointer<UInt16>, domain: Range<Int>) -> Bool {
        // ASCII domains (nearly all) need no String: each label's Punycode is itself.
        var labelStart = domain.lowerBound
        for position in domain {
            let unit = units[position]
            if unit >= 0x80 {
                let text = String(decoding: UnsafeBufferPointer(rebasing: units[domain]), as: UTF16.self)
                return isValidURL(length: length, hasProtocol: hasProtocol, domain: text)
            }
            if unit == 0x2E {
                guard (1...63).contains(position - labelStart) else { return false }
                labelStart = position + 1
            }
        }
        guard (1...63).contains(domain.upperBound - labelStart) else { return false }
        if domain.count >= 4, units[domain.lowerBound] == 0x78, units[domain.lowerBound + 1] == 0x6E,
            units[domain.lowerBound + 2] == 0x2D, units[domain.lowerBound + 3] == 0x2D,
            URLScanner.asciiDomains(in: units, range: domain).isEmpty
        {
            return false
        }
        return length + (hasProtocol ? 0 : "https://".utf16.count) <= maxURLLength
    }

    /// ``isValidURL(length:hasProtocol:units:domain:)`` on a domain given as a `String`.
    static func isValidURL(length: Int, hasProtocol: Bool, domain: String) -> Bool {
        if domain.hasPrefix("xn--"), URLScanner.asciiDomains(in: Array(domain.utf16)).isEmpty {
            return false
        }
        var encodedDomainLength = -1
        for label in domain.split(separator: ".", omittingEmptySubsequences: false) {
            guard let encoded = punycodeLength(of: label), (1...63).contains(encoded) else { return false }
            encodedDomainLength += encoded + 1
        }
        let encodedLength = length + encodedDomainLength - domain.utf16.count
        return encodedLength + (hasProtocol ? 0 : "https://".utf16.count) <= maxURLLength
    }

    /// The length of `label` as punycode.js `toASCII` writes it (ideographic full stops split it
    /// into labels), or nil when the encoding overflows.
    private static func punycodeLength(of label: Substring) -> Int? {
        if label.utf8.allSatisfy({ $0 < 0x80 }) { return label.utf8.count }
        let separators: Set<Unicode.Scalar> = ["\u{3002}", "\u{FF0E}", "\u{FF61}"]
        var parts: [[Unicode.Scalar]] = [[]]
        for scalar in label.unicodeScalars {
            if separators.contains(scalar) { parts.append([]) } else { parts[parts.count - 1].append(scalar) }
        }
        var total = parts.count - 1
        for part in parts {
            if part.allSatisfy(\.isASCII) {
                total += part.count
            } else {
                guard let encoded = Punycode.encode(part) else { return nil }
                total += 4 + encoded.utf8.count
            }
        }
        return total
    }
}
