import Foundation

/// Decodes HTML character references: named (`&amp;`, `&rsquo;`, the whole HTML5 table),
/// decimal (`&#8217;`) and hexadecimal (`&#x2019;`).
///
/// Decoding follows the HTML5 rules a browser applies to text: an unknown name is left as
/// written, a legacy name such as `&amp` is accepted without its semicolon, and a numeric
/// reference to zero, a surrogate or a value beyond U+10FFFF becomes U+FFFD. The work is linear
/// in the input: a million `&amp;` decode in one pass, never by repeated replacement.
package enum HTMLEntities {
    /// The longest name in the table (`CounterClockwiseContourIntegral`), so a scan never looks further.
    static let longestName = 32

    /// The table, parsed once on first use.
    static let named: [String: String] = {
        var map: [String: String] = [:]
        map.reserveCapacity(2200)
        for line in namedTable.split(separator: "\n") {
            guard let tab = line.firstIndex(of: "\t") else { continue }
            map[String(line[..<tab])] = String(line[line.index(after: tab)...])
        }
        return map
    }()

    /// Returns `text` with every character reference decoded.
    ///
    /// - Parameter text: Text as it appears in HTML or XML, for example `Ofsted&rsquo;s &amp; ASCL`.
    /// - Returns: The decoded text, `Ofsted’s & ASCL`. Text without `&` is returned unchanged.
    package static func decode(_ text: String) -> String {
        // Scan the contiguous bytes directly: the generic `utf8.contains` is several times slower.
        let hasAmpersand =
            text.utf8.withContiguousStorageIfAvailable { bytes in
                bytes.baseAddress.map { memchr($0, 0x26, bytes.count) != nil } ?? false
            }
            ?? text.utf8.contains(UInt8(ascii: "&"))
        guard hasAmpersand else { return text }
        var text = text
        return text.withUTF8 { decode($0) }
    }

    /// Decodes the UTF-8 `bytes` in one pass, copying the runs between references whole.
    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard let base = bytes.baseAddress else { return "" }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        var runStart = 0
        while index < bytes.count, let found = memchr(base + index, 0x26, bytes.count - index) {
            index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            guard let (value, next) = reference(in: bytes, at: index) else {
                index += 1
                continue
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
            output.append(contentsOf: value.utf8)
            index = next
            runStart = next
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
        return String(decoding: output, as: UTF8.self)
    }

    /// Reads one character reference starting at the `&` at `ampersand`; nil when there is none.
    private static func reference(in bytes: UnsafeBufferPointer<UInt8>, at ampersand: Int) -> (String, Int)? {
        var index = ampersand + 1
        guard index < bytes.count else { return nil }
        if bytes[index] == UInt8(ascii: "#") {
            return numericReference(in: bytes, after: index + 1)
        }
        // Named: up to `longestName` ASCII letters and digits, then prefer the longest match.
        let nameStart = index
        while index < bytes.count, index - nameStart < longestName, isASCIILetterOrDigit(bytes[index]) {
            index += 1
        }
        guard index > nameStart else { return nil }
        if index < bytes.count, bytes[index] == UInt8(ascii: ";") {
            let name = UnsafeBufferPointer(rebasing: bytes[nameStart..<index])
            if let value = common(name) ?? named[String(decoding: name, as: UTF8.self)] { return (value, index + 1) }
        }
        // Legacy form without semicolon: the longest legacy prefix (`&copy2024` → `©2024`).
        var end = index
        while end > nameStart {
            let candidate = String(decoding: UnsafeBufferPointer(rebasing: bytes[nameStart..<end]), as: UTF8.self)
            if legacyNames.contains(candidate), let value = named[candidate] {
                return (value, end)
            }
            end -= 1
        }
        return nil
    }

    /// The commonest references in feeds and articles (`&amp;`, `&rsquo;`, `&nbsp;`…), decoded
    /// from their bytes without building a `String` key for the table; nil for any other name.
    @inline(__always)
    private static func common(_ name: UnsafeBufferPointer<UInt8>) -> String? {
        guard name.count <= 6 else { return nil }
        var packed: UInt64 = 0  // the name's bytes, little-endian
        for (offset, byte) in name.enumerated() { packed |= UInt64(byte) << UInt64(offset * 8) }
        switch packed {
        case 0x706d61: return "&"  // amp
        case 0x746c: return "<"  // lt
        case 0x7467: return ">"  // gt
        case 0x746f7571: return "\""  // quot
        case 0x736f7061: return "'"  // apos
        case 0x7073626e: return "\u{00A0}"  // nbsp
        case 0x6f75717372: return "\u{2019}"  // rsquo
        case 0x6f7571736c: return "\u{2018}"  // lsquo
        case 0x6f7571646c: return "\u{201C}"  // ldquo
        case 0x6f75716472: return "\u{201D}"  // rdquo
        case 0x687361646d: return "\u{2014}"  // mdash
        case 0x687361646e: return "\u{2013}"  // ndash
        case 0x70696c6c6568: return "\u{2026}"  // hellip
        default: return nil
        }
    }

    private static func numericReference(in bytes: UnsafeBufferPointer<UInt8>, after hash: Int) -> (String, Int)? {
        var index = hash
        var radix: UInt32 = 10
        if index < bytes.count, bytes[index] == UInt8(ascii: "x") || bytes[index] == UInt8(ascii: "X") {
            radix = 16
            index += 1
        }
        var value: UInt32 = 0
        var digits = 0
        while index < bytes.count, let digit = digitValue(bytes[index], radix: radix) {
            if value <= 0x10FFFF { value = value &* radix &+ digit }
            digits += 1
            index += 1
        }
        guard digits > 0 else { return nil }
        if index < bytes.count, bytes[index] == UInt8(ascii: ";") { index += 1 }
        // Only the C1 range is remapped; most references (`&#8217;`) skip the table look-up.
        let replacement = (0x80...0x9F).contains(value) ? windows1252Replacements[value] ?? value : value
        guard replacement != 0, let scalar = Unicode.Scalar(replacement) else { return ("\u{FFFD}", index) }
        return (String(Character(scalar)), index)
    }

    private static func digitValue(_ byte: UInt8, radix: UInt32) -> UInt32? {
        switch byte {
        case 0x30...0x39: return UInt32(byte - 0x30)
        case 0x61...0x66 where radix == 16: return UInt32(byte - 0x61 + 10)
        case 0x41...0x46 where radix == 16: return UInt32(byte - 0x41 + 10)
        default: return nil
        }
    }

    private static func isASCIILetterOrDigit(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return true
        default: return false
        }
    }

    /// HTML5 maps the C1 range of numeric references to the Windows-1252 characters authors meant
    /// (`&#146;` is a right single quote, not a control character).
    private static let windows1252Replacements: [UInt32: UInt32] = [
        0x80: 0x20AC, 0x82: 0x201A, 0x83: 0x0192, 0x84: 0x201E, 0x85: 0x2026, 0x86: 0x2020,
        0x87: 0x2021, 0x88: 0x02C6, 0x89: 0x2030, 0x8A: 0x0160, 0x8B: 0x2039, 0x8C: 0x0152,
        0x8E: 0x017D, 0x91: 0x2018, 0x92: 0x2019, 0x93: 0x201C, 0x94: 0x201D, 0x95: 0x2022,
        0x96: 0x2013, 0x97: 0x2014, 0x98: 0x02DC, 0x99: 0x2122, 0x9A: 0x0161, 0x9B: 0x203A,
        0x9C: 0x0153, 0x9E: 0x017E, 0x9F: 0x0178,
    ]
}
