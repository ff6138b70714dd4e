import Foundation

/// Escaping and URL checks for the preview page: every text and attribute value goes through
/// ``escape(_:)``, and only ``safeURL(_:)`` addresses become an `href` or `src`.
enum HTML {
    /// `text` with `&`, `<`, `>`, `"` and `'` written as character references, safe both as
    /// element text and as a double-quoted attribute value.
    ///
    /// Works on Unicode scalars, not characters: a `"` followed by a combining mark is one
    /// `Character` that is not `"`, yet a browser still ends the attribute at it.
    static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result.append(contentsOf: "&amp;".unicodeScalars)
            case "<": result.append(contentsOf: "&lt;".unicodeScalars)
            case ">": result.append(contentsOf: "&gt;".unicodeScalars)
            case "\"": result.append(contentsOf: "&quot;".unicodeScalars)
            case "'": result.append(contentsOf: "&#39;".unicodeScalars)
            default: result.append(scalar)
            }
        }
        return String(result)
    }

    /// `address` when it is an absolute `http:` or `https:` URL with a host and nothing a browser
    /// would read differently (no whitespace or control characters); nil for anything else
    /// (`javascript:`, `data:`, relative paths …), which the page shows as text instead.
    static func safeURL(_ address: String) -> String? {
        // No spaces, controls or format characters (a right-to-left override would show the
        // address reversed: `…/\u{202E}gnp.exe` reads `…/exe.png`).
        guard !address.unicodeScalars.contains(where: {
            $0.properties.isWhitespace || $0.value < 0x20 || $0.value == 0x7F || $0.properties.generalCategory == .format
        }),
            let url = URL(string: address), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
            let host = url.host, !host.isEmpty
        else { return nil }
        let lowered = address.lowercased()
        guard lowered.hasPrefix("http://") || lowered.hasPrefix("https://") else { return nil }
        return address
    }

    /// The host of `address` without `www.`, for a link card's domain line; empty when none.
    static func domain(_ address: String) -> String {
        guard let host = URL(string: address)?.host?.lowercased() else { return "" }
        return host.hasPrefix("www.") ? String(host.dropFirst(4)) : host
    }
}
