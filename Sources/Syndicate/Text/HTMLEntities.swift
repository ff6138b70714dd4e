import Foundation

/// Decodes HTML character references: named (`&amp;`, `&rsquo;`, the whole HTML5 table),
/// decimal (`&#8217;`) and hexadecimal (`&#x2019;`).
///
/// Decoding follows the HTML5 rules a browser applies to text: an unknown name is left as
/// written, a legacy name such as `&amp` is accepted without its semicolon, and a numeric
/// reference to zero, a surrogate or a value beyond U+10FFFF becomes U+FFFD. The work is linear
/// in the input: a million `&amp;` decode in one pass, never by repeated replacement.
public enum HTMLEntities {
    /// The longest name in the table (`CounterClockwiseContourIntegral`), so a scan never looks further.
    static let longestName = 32

    /// The table, parsed once on first use.
    static let named: [Substring: String] = {
        var map: [Substring: String] = [:]
        map.reserveCapacity(2200)
        for line in namedTable.split(separator: "\n") {
            guard let tab = line.firstIndex(of: "\t") else { continue }
            map[line[..<tab]] = String(line[line.index(after: tab)...])
        }
        return map
    }()

    /// Returns `text` with every character reference decoded.
    ///
    /// - Parameter text: Text as it appears in HTML or XML, for example `Ofsted&rsquo;s &amp; ASCL`.
    /// - Returns: The decoded text, `Ofsted’s & ASCL`. Text without `&` is returned unchanged.
    public static func decode(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "&")) else { return text }
        var output = String()
        output.reserveCapacity(text.utf8.count)
        let scalars = text.unicodeScalars
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index]
            if scalar == "&", let (decoded, next) = reference(in: scalars, at: index) {
                output.append(decoded)
                index = next
            } else {
                output.unicodeScalars.append(scalar)
                index = scalars.index(after: index)
            }
        }
        return output
    }

    /// Reads one character reference starting at `ampersand`; nil when there is none.
    private static func reference(
        in scalars: String.UnicodeScalarView,
        at ampersand: String.UnicodeScalarView.Index
    ) -> (String, String.UnicodeScalarView.Index)? {
        var index = scalars.index(after: ampersand)
        guard index < scalars.endIndex else { return nil }
        if scalars[index] == "#" {
            return numericReference(in: scalars, after: scalars.index(after: index))
        }
        // Named: collect up to `longestName` alphanumerics, then prefer the longest match.
        let nameStart = index
        var length = 0
        while index < scalars.endIndex, length < longestName,
            isASCIILetterOrDigit(scalars[index])
        {
            index = scalars.index(after: index)
            length += 1
        }
        guard length > 0 else { return nil }
        let name = Substring(scalars[nameStart..<index])
        if index < scalars.endIndex, scalars[index] == ";", let value = named[name] {
            return (value, scalars.index(after: index))
        }
        // Legacy form without semicolon: the longest legacy prefix (`&copy2024` → `©2024`).
        var end = name.endIndex
        while end > name.startIndex {
            let candidate = name[name.startIndex..<end]
            if legacyNames.contains(String(candidate)), let value = named[candidate] {
                return (value, end)
            }
            end = name.index(before: end)
        }
        return nil
    }

    private static func numericReference(
        in scalars: String.UnicodeScalarView,
        after hash: String.UnicodeScalarView.Index
    ) -> (String, String.UnicodeScalarView.Index)? {
        var index = hash
        var radix: UInt32 = 10
        if index < scalars.endIndex, scalars[index] == "x" || scalars[index] == "X" {
            radix = 16
            index = scalars.index(after: index)
        }
        var value: UInt32 = 0
        var digits = 0
        while index < scalars.endIndex, let digit = digitValue(scalars[index], radix: radix) {
            if value <= 0x10FFFF { value = value &* radix &+ digit }
            digits += 1
            index = scalars.index(after: index)
        }
        guard digits > 0 else { return nil }
        if index < scalars.endIndex, scalars[index] == ";" { index = scalars.index(after: index) }
        let replacement = windows1252Replacements[value] ?? value
        guard replacement != 0, let scalar = Unicode.Scalar(replacement) else { return ("\u{FFFD}", index) }
        return (String(Character(scalar)), index)
    }

    private static func digitValue(_ scalar: Unicode.Scalar, radix: UInt32) -> UInt32? {
        switch scalar.value {
        case 0x30...0x39: return scalar.value - 0x30
        case 0x61...0x66 where radix == 16: return scalar.value - 0x61 + 10
        case 0x41...0x46 where radix == 16: return scalar.value - 0x41 + 10
        default: return nil
        }
    }

    private static func isASCIILetterOrDigit(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
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
