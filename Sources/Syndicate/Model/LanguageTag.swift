import Foundation

/// A language tag in the BCP 47 shape every network accepts: `en`, `en-GB`, `zh-Hant-TW`.
///
/// Feeds, pages and settings write languages many ways (`EN-US`, `en_GB`, `en_US.UTF-8`,
/// `English`, an empty string). `LanguageTag` reads the ways that name a language by its ISO 639
/// code and refuses the rest, so that a network never receives a value its API rejects:
/// Mastodon wants the ISO 639 code alone (``primary``), Bluesky's `langs` a BCP 47 tag.
///
/// ```swift
/// LanguageTag("EN-us")?.tag        // "en-US"
/// LanguageTag("en_GB")?.primary    // "en"
/// LanguageTag("English")           // nil: a language name, not a code
/// ```
public struct LanguageTag: Sendable, Hashable, CustomStringConvertible {
    /// The normalised tag: the language subtag in lower case, a script in title case, a region
    /// in upper case, anything else in lower case.
    public let tag: String

    /// The language subtag alone (ISO 639-1 or 639-2/3), lower case: `en` for `en-GB`.
    public var primary: String {
        String(tag.prefix { $0 != "-" })
    }

    public var description: String { tag }

    /// Reads `raw` as a language tag; nil when it does not start with a two- or three-letter
    /// ISO 639 code.
    ///
    /// Underscores count as hyphens (`en_GB`, a POSIX locale; an encoding or modifier suffix such
    /// as `.UTF-8` or `@euro` is dropped). Subtags after the language are kept up to the first
    /// that is not 1–8 ASCII letters or digits.
    public init?(_ raw: String) {
        // Feeds set the same well-formed tag on every item: recognise it without allocating.
        if Self.isNormalized(raw) {
            self.init(normalized: raw)
        } else {
            self.init(parsing: raw)
        }
    }

    private init(normalized: String) {
        tag = normalized
    }

    /// The general reading of ``init(_:)``, for text that is not already normalised.
    init?(parsing raw: String) {
        var text = Substring(raw.trimmingCharacters(in: .whitespacesAndNewlines))
        if let cut = text.firstIndex(where: { $0 == "." || $0 == "@" }) { text = text[..<cut] }
        let parts = text.split(separator: "_", omittingEmptySubsequences: false).flatMap {
            $0.split(separator: "-", omittingEmptySubsequences: false)
        }
        guard let language = parts.first, (2...3).contains(language.count), language.allSatisfy(Self.isASCIILetter)
        else { return nil }
        var subtags = [language.lowercased()]
        for part in parts.dropFirst() {
            guard (1...8).contains(part.count), part.allSatisfy({ Self.isASCIILetter($0) || ("0"..."9").contains($0) })
            else { break }
            switch part.count {
            case 2 where part.allSatisfy(Self.isASCIILetter): subtags.append(part.uppercased())
            case 4 where part.allSatisfy(Self.isASCIILetter): subtags.append(part.prefix(1).uppercased() + part.dropFirst().lowercased())
            default: subtags.append(part.lowercased())
            }
        }
        tag = subtags.joined(separator: "-")
    }

    /// Whether `raw` is already a tag as ``init(_:)`` writes it: a lower-case 2–3 letter
    /// language, then hyphenated subtags of 1–8 letters or digits in their normal case
    /// (a region's two letters upper case, a script's four title case, the rest lower case).
    static func isNormalized(_ raw: String) -> Bool {
        raw.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            var index = 0
            var subtag = 0
            while index < bytes.count {
                var end = index
                while end < bytes.count, bytes[end] != UInt8(ascii: "-") { end += 1 }
                let length = end - index
                guard subtag == 0 ? (2...3).contains(length) : (1...8).contains(length) else { return false }
                let lower = (UInt8(ascii: "a")...UInt8(ascii: "z"))
                let upper = (UInt8(ascii: "A")...UInt8(ascii: "Z"))
                let digit = (UInt8(ascii: "0")...UInt8(ascii: "9"))
                let piece = bytes[index..<end]
                let allLetters = piece.allSatisfy { lower.contains($0) || upper.contains($0) }
                let valid: Bool
                if subtag == 0 {
                    valid = piece.allSatisfy { lower.contains($0) }
                } else if length == 2 && allLetters {
                    valid = piece.allSatisfy { upper.contains($0) }
                } else if length == 4 && allLetters {
                    valid = upper.contains(piece[index]) && piece.dropFirst().allSatisfy { lower.contains($0) }
                } else {
                    valid = piece.allSatisfy { lower.contains($0) || digit.contains($0) }
                }
                guard valid else { return false }
                subtag += 1
                guard end < bytes.count else { return true }
                index = end + 1
                guard index < bytes.count else { return false }   // a trailing hyphen
            }
            return false
        } ?? false
    }

    private static func isASCIILetter(_ character: Character) -> Bool {
        character.isASCII && character.isLetter
    }
}
