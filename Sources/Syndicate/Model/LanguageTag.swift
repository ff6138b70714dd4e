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

    private static func isASCIILetter(_ character: Character) -> Bool {
        character.isASCII && character.isLetter
    }
}
