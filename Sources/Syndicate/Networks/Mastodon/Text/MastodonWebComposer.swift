import Foundation

/// How Mastodon's web composer counts a status while it is typed: the client-side counter.
///
/// The web UI shows `length(contentWarning + countableText(text))`, where `countableText`
/// replaces every URL its URL pattern matches by `urlLength` × `x` and every remote mention
/// `@user@host` by `@user`. Unlike the server, the web UI also shortens **scheme-less** domains
/// (`example.com`, `grå.org`, `例子.中国`), so for such text the number it shows can be lower
/// than what the server counts. The server decides whether a post is accepted: use
/// ``MastodonLength`` for that, and this type only to reproduce the number a user sees.
///
/// A domain here is two or more labels of letters, marks, digits and inner hyphens in any
/// script, separated by `.`, whose last label is a top-level domain twitter-text knows
/// (IDN TLDs such as `.москва` or `.台灣` included) or a punycode label (`xn--…`).
///
/// ```swift
/// MastodonWebComposer.countableText("hi @arnt@grå.org, see example.com")
/// // "hi @arnt, see xxxxxxxxxxxxxxxxxxxxxxx"
/// ```
package enum MastodonWebComposer {
    /// A remote mention `@username@host` found the way the web composer finds it.
    package struct Mention: Sendable, Equatable, Hashable {
        /// Where the mention, from its `@` to the end of the host, lies in the text, in UTF-16 units.
        public var utf16Range: Range<Int>
        /// The username, as written (without `@`).
        public var username: String
        /// The host, as written, trailing punctuation left out.
        public var host: String

        /// Creates a mention.
        ///
        /// - Parameters:
        ///   - utf16Range: `[start, end)` of the mention in UTF-16 units.
        ///   - username: The username without `@`.
        ///   - host: The host.
        public init(utf16Range: Range<Int>, username: String, host: String) {
            self.utf16Range = utf16Range
            self.username = username
            self.host = host
        }
    }

    /// The text as the web composer counts it.
    ///
    /// Every URL, with or without `http://`/`https://`, becomes `urlLength` × `x`; every remote
    /// mention `@user@host` becomes `@user`. Local mentions, e-mail addresses, hashtags and
    /// everything else stay as they are.
    ///
    /// - Parameters:
    ///   - text: The body of the status.
    ///   - urlLength: The instance's `characters_reserved_per_url` (23 upstream).
    /// - Returns: The countable text.
    package static func countableText(_ text: String, urlLength: Int = 23) -> String {
        let scanner = Scanner(text)
        var entities = scanner.urls().map { (range: $0, replacement: String(repeating: "x", count: max(urlLength, 0))) }
        entities += scanner.mentions().map { (range: $0.scalars, replacement: "@" + $0.username) }
        guard !entities.isEmpty else { return text }
        entities.sort { $0.range.lowerBound < $1.range.lowerBound }
        var result = String.UnicodeScalarView()
        var position = 0
        for entity in entities where entity.range.lowerBound >= position {
            result.append(contentsOf: scanner.scalars[position..<entity.range.lowerBound])
            result.append(contentsOf: entity.replacement.unicodeScalars)
            position = entity.range.upperBound
        }
        result.append(contentsOf: scanner.scalars[position...])
        return String(result)
    }

    /// The number the web composer's counter shows for a status.
    ///
    /// The content warning, counted literally, followed by ``countableText(_:urlLength:)`` of the
    /// body, counted in grapheme clusters (what the UI's `stringz` `length()` counts). This is
    /// the client's estimate; the server's count (``MastodonLength/count(_:spoilerText:urlLength:)``)
    /// decides, and is higher when the text has scheme-less domains.
    ///
    /// - Parameters:
    ///   - text: The body of the status.
    ///   - spoilerText: The content warning; empty when there is none.
    ///   - urlLength: The instance's `characters_reserved_per_url` (23 upstream).
    /// - Returns: The number of grapheme clusters the web UI counts.
    package static func count(_ text: String, spoilerText: String = "", urlLength: Int = 23) -> Int {
        (spoilerText + countableText(text, urlLength: urlLength)).count
    }

    /// The remote mentions `@user@host` the web composer finds, in text order.
    ///
    /// The `@` must be at the start or follow a character that is neither `/` nor an ASCII word
    /// character; the username is `[a-z0-9_]+([.-]+[a-z0-9_]+)*` (any case); the host must look
    /// like a domain (IDN allowed) and loses trailing punctuation. Local mentions (`@user`) are
    /// not returned.
    ///
    /// - Parameter text: The body of the status.
    /// - Returns: The mentions with their UTF-16 ranges.
    package static func remoteMentions(in text: String) -> [Mention] {
        let scanner = Scanner(text)
        return scanner.mentions().map {
            Mention(
                utf16Range: scanner.utf16Offset($0.scalars.lowerBound)..<scanner.utf16Offset($0.scalars.upperBound),
                username: $0.username, host: $0.host)
        }
    }
}

extension MastodonWebComposer {
    /// A mention found by ``Scanner``, its range in Unicode scalars.
    struct ScannedMention {
        var scalars: Range<Int>
        var username: String
        var host: String
    }

    /// One pass over a text's Unicode scalars finding URLs and remote mentions in linear time.
    struct Scanner {
        let scalars: [Unicode.Scalar]
        /// `utf16Offsets[i]` is the UTF-16 offset of scalar `i`; one more entry for the end.
        private let utf16Offsets: [Int]

        init(_ text: String) {
            scalars = Array(text.unicodeScalars)
            var offsets = [Int]()
            offsets.reserveCapacity(scalars.count + 1)
            var offset = 0
            for scalar in scalars {
                offsets.append(offset)
                offset += scalar.utf16.count
            }
            offsets.append(offset)
            utf16Offsets = offsets
        }

        func utf16Offset(_ scalarIndex: Int) -> Int { utf16Offsets[scalarIndex] }

        /// The scalar ranges of URLs, with or without scheme.
        func urls() -> [Range<Int>] {
            var found = [Range<Int>]()
            var index = 0
            while index < scalars.count {
                guard Self.isLabelScalar(scalars[index]) else {
                    index += 1
                    continue
                }
                let hostStart = index + schemeLength(at: index)
                let hasScheme = hostStart > index
                let runEnd = domainRunEnd(from: hostStart)
                let next = max(runEnd, index + 1)
                if index > 0, Self.blocksURL(scalars[index - 1], hasScheme: hasScheme) {
                    index = next
                    continue
                }
                guard let hostEnd = validDomainEnd(hostStart, runEnd),
                    hostEnd == scalars.count || !Self.isAt(scalars[hostEnd])
                else {
                    index = next
                    continue
                }
                let end = urlEnd(afterHost: hostEnd)
                found.append(index..<end)
                index = max(end, index + 1)
            }
            return found
        }

        /// The remote mentions `@user@host`.
        func mentions() -> [ScannedMention] {
            var found = [ScannedMention]()
            var index = 0
            while index < scalars.count {
                guard scalars[index] == "@" else {
                    index += 1
                    continue
                }
                let start = index
                index += 1
                if start > 0, scalars[start - 1] == "/" || Self.isASCIIWord(scalars[start - 1]) { continue }
                var userEnd = start + 1
                while userEnd < scalars.count, Self.isASCIIWord(scalars[userEnd]) || scalars[userEnd] == "."
                    || scalars[userEnd] == "-"
                {
                    userEnd += 1
                }
                guard userEnd > start + 1, userEnd < scalars.count, scalars[userEnd] == "@",
                    Self.isASCIIWord(scalars[start + 1]), Self.isASCIIWord(scalars[userEnd - 1])
                else { continue }
                let runEnd = domainRunEnd(from: userEnd + 1)
                index = max(runEnd, index)
                guard let hostEnd = validDomainEnd(userEnd + 1, runEnd) else { continue }
                found.append(
                    ScannedMention(
                        scalars: start..<hostEnd, username: string(start + 1..<userEnd),
                        host: string(userEnd + 1..<hostEnd)))
            }
            return found
        }

        private func string(_ range: Range<Int>) -> String {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[range])
            return String(view)
        }

        /// The length of `http://` or `https://` (any case) at `index`, or 0.
        private func schemeLength(at index: Int) -> Int {
            for scheme in ["https://", "http://"] {
                let units = Array(scheme.unicodeScalars)
                guard index + units.count <= scalars.count else { continue }
                var matches = true
                for (offset, unit) in units.enumerated()
                where Self.asciiLowercased(scalars[index + offset]) != unit {
                    matches = false
                    break
                }
                if matches { return units.count }
            }
            return 0
        }

        /// The end of the run of label scalars and dots starting at `start`.
        private func domainRunEnd(from start: Int) -> Int {
            var end = start
            while end < scalars.count, Self.isLabelScalar(scalars[end]) || scalars[end] == "." { end += 1 }
            return end
        }

        /// The end of the domain in `start..<runEnd` once trailing dots and hyphens are left out,
        /// or `nil` when it is not a domain: fewer than two labels, an empty label, a label
        /// starting or ending with `-`, or a last label that is no known TLD nor punycode.
        private func validDomainEnd(_ start: Int, _ runEnd: Int) -> Int? {
            var end = runEnd
            while end > start, scalars[end - 1] == "." || scalars[end - 1] == "-" { end -= 1 }
            guard end > start else { return nil }
            let labels = string(start..<end).split(separator: ".", omittingEmptySubsequences: false)
            guard labels.count >= 2, let tld = labels.last else { return nil }
            for label in labels where label.isEmpty || label.hasPrefix("-") || label.hasSuffix("-") {
                return nil
            }
            let lowered = tld.lowercased()
            guard lowered.hasPrefix("xn--") || Self.knownTLDs.contains(lowered) else { return nil }
            return end
        }

        /// The end of a URL whose host ends at `hostEnd`: an optional port, then a path, query or
        /// fragment up to the next whitespace, trailing punctuation left out.
        private func urlEnd(afterHost hostEnd: Int) -> Int {
            var end = hostEnd
            if end + 1 < scalars.count, scalars[end] == ":", Self.isASCIIDigit(scalars[end + 1]) {
                end += 1
                while end < scalars.count, Self.isASCIIDigit(scalars[end]) { end += 1 }
            }
            guard end < scalars.count, "/?#".unicodeScalars.contains(scalars[end]) else { return end }
            let pathStart = end
            var openParentheses = 0
            var closeParentheses = 0
            while end < scalars.count, !scalars[end].properties.isWhitespace {
                if scalars[end] == "(" { openParentheses += 1 }
                if scalars[end] == ")" { closeParentheses += 1 }
                end += 1
            }
            while end > pathStart + 1 {
                let last = scalars[end - 1]
                if last == ")", closeParentheses <= openParentheses { break }
                guard Self.trailingPunctuation.contains(last) else { break }
                if last == ")" { closeParentheses -= 1 }
                end -= 1
            }
            return end
        }

        // MARK: Character classes

        /// twitter-text's TLDs (list of ~2020) plus IDN ccTLDs delegated since (`.ישראל`, 2022).
        static let knownTLDs = Set(TwitterText.genericTLDs + TwitterText.countryTLDs + ["ישראל"])

        static let trailingPunctuation = Set(".,:;!?'\")]}>*‘’“”«»…。、，！？".unicodeScalars)

        /// Scalars IDNA lets into a label besides letters, marks and digits (joiners, Catalan and
        /// Greek, Hebrew, Tibetan and Katakana punctuation that is part of words).
        static let extraLabelScalars = Set(
            ["\u{200C}", "\u{200D}", "\u{00B7}", "\u{0375}", "\u{05F3}", "\u{05F4}", "\u{0F0B}", "\u{30FB}"]
                .compactMap { $0.unicodeScalars.first })

        static func isLabelScalar(_ scalar: Unicode.Scalar) -> Bool {
            if scalar.isASCII {
                return isASCIIWord(scalar) && scalar != "_" || scalar == "-"
            }
            switch scalar.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber:
                return true
            default:
                return extraLabelScalars.contains(scalar)
            }
        }

        static func isASCIIDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }

        static func isASCIIWord(_ scalar: Unicode.Scalar) -> Bool {
            ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || isASCIIDigit(scalar) || scalar == "_"
        }

        static func isAt(_ scalar: Unicode.Scalar) -> Bool { scalar == "@" || scalar == "＠" }

        /// Whether `scalar` right before a URL keeps it from being one (twitter-text's rule; a
        /// scheme-less URL also may not follow `-`, `_`, `.` or `/`).
        static func blocksURL(_ scalar: Unicode.Scalar, hasScheme: Bool) -> Bool {
            if isLabelScalar(scalar) || isAt(scalar) || "$#＃_".unicodeScalars.contains(scalar) { return true }
            return !hasScheme && "-./".unicodeScalars.contains(scalar)
        }

        static func asciiLowercased(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
            ("A"..."Z").contains(scalar) ? Unicode.Scalar(scalar.value + 32) ?? scalar : scalar
        }
    }
}
