import Foundation

/// Hashtags from a post's tags, or from its text when it has none.
///
/// ```swift
/// Hashtags.hashtag(from: "Early Years")        // "EarlyYears"
/// Hashtags.hashtag(from: "school-leaders")     // "SchoolLeaders"
/// Hashtags.hashtag(from: "SEND")               // "SEND"
/// Hashtags.hashtags(for: post, on: .x, policy: .default)  // ["Ofsted", "Leadership"]
/// ```
///
/// Words are returned without `#`. Every word satisfies the strictest rules of the networks
/// Syndicate posts to: Unicode letters (with their combining marks), decimal digits and `_` only,
/// at least one letter, at most ``maximumLength`` grapheme clusters (Bluesky's tag limit).
public enum Hashtags {
    /// The longest hashtag, in grapheme clusters: Bluesky's 64-grapheme tag limit.
    public static let maximumLength = 64

    /// The hashtag for a tag or category, without `#`.
    ///
    /// Several words are joined in CamelCase (`Early Years` → `EarlyYears`, `school-leaders` →
    /// `SchoolLeaders`, `Key Stage 2` → `KeyStage2`): the first letter of each word is
    /// upper-cased and the rest kept, so acronyms survive (`SEND support` → `SENDSupport`).
    /// A single word keeps its case (`Ofsted`, `SEND`, `iPad`). Apostrophes are dropped inside
    /// a word (`Children’s Mental Health` → `ChildrensMentalHealth`); every other character
    /// that is not a letter, digit or `_` separates words. Diacritics are kept.
    ///
    /// - Parameter tag: A category or tag as the site writes it.
    /// - Returns: The hashtag word, or nil when nothing is left, it has no letter (`2024`),
    ///   or it is longer than ``maximumLength`` grapheme clusters.
    public static func hashtag(from tag: String) -> String? {
        var words: [String] = []
        var current = String.UnicodeScalarView()
        var hasLetter = false
        for scalar in tag.unicodeScalars {
            if isLetter(scalar) {
                if !isMark(scalar) { hasLetter = true }
                current.append(scalar)
            } else if isDigit(scalar) || scalar == "_" {
                current.append(scalar)
            } else if isApostrophe(scalar) {
                continue
            } else if !current.isEmpty {
                words.append(String(current))
                current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { words.append(String(current)) }
        guard hasLetter, let first = words.first else { return nil }
        let word = words.count == 1 ? first : words.map(capitalisingFirstLetter).joined()
        guard word.count <= maximumLength else { return nil }
        return word
    }

    /// Hashtag words for a post, in priority order, before any per-network maximum.
    ///
    /// The post's tags come first, in the order written, converted by ``hashtag(from:)``, with
    /// blocked ones removed and repeats (compared case- and diacritic-insensitively) dropped.
    /// When that leaves nothing, key phrases from the text are proposed instead: proper nouns
    /// and acronyms that occur at least twice in running text (`Ofsted`, `ASCL`,
    /// `Amanda Spielman` → `AmandaSpielman`), most frequent first, ties in order of first
    /// appearance. A capitalised word counts only if it is capitalised somewhere other than at
    /// the start of a sentence of prose and never written in lower case: the title and
    /// heading-like lines are title-cased, not named, so "The Best of This Season’s Sales"
    /// proposes nothing. Days, months, titles such as `Mrs` and function words are never
    /// proposed. Text in scripts without letter case yields no key phrases. No hashtag is
    /// better than a generic one.
    ///
    /// - Parameters:
    ///   - post: The post.
    ///   - policy: The block list to apply (its maximums are not applied here).
    /// - Returns: Hashtag words without `#`.
    public static func candidates(for post: Post, policy: HashtagPolicy) -> [String] {
        candidates(for: post, policy: policy, body: { post.sentences })
    }

    /// ``candidates(for:policy:)``, asking `body` for the body's sentences (``Post/sentences``)
    /// only when the key phrases are needed.
    static func candidates(for post: Post, policy: HashtagPolicy, body: () -> [String]) -> [String] {
        let blocked = policy.blockedKeys
        var seen = Set<String>()
        func accepted(_ words: [String]) -> [String] {
            var result: [String] = []
            for word in words {
                let key = key(word)
                guard !blocked.contains(key), seen.insert(key).inserted else { continue }
                result.append(word)
            }
            return result
        }
        let fromTags = accepted(post.tags.compactMap(hashtag(from:)))
        if !fromTags.isEmpty { return fromTags }
        return accepted(KeyPhrases.phrases(in: post, body: body()).compactMap(hashtag(from:)))
    }

    /// The hashtag words `network` gets: ``candidates(for:policy:)`` that the network accepts,
    /// at most ``HashtagPolicy/maximum(for:)`` of them, highest priority first.
    ///
    /// A network may take fewer (Threads: one word, usable as its topic tag).
    /// A composer that runs short of room drops words from the end.
    ///
    /// - Parameters:
    ///   - post: The post.
    ///   - network: The network.
    ///   - policy: The block list and maximums.
    /// - Returns: Hashtag words without `#`.
    public static func hashtags(for post: Post, on network: SocialNetwork, policy: HashtagPolicy) -> [String] {
        guard policy.maximum(for: network) > 0 else { return [] }
        return hashtags(from: candidates(for: post, policy: policy), on: network, policy: policy)
    }

    /// The words of `candidates` that `network` gets, as ``hashtags(for:on:policy:)`` chooses them.
    static func hashtags(from candidates: [String], on network: SocialNetwork, policy: HashtagPolicy) -> [String] {
        let maximum = policy.maximum(for: network)
        guard maximum > 0 else { return [] }
        guard let definition = NetworkRegistry.builtIn.definition(for: network) else { return Array(candidates.prefix(maximum)) }
        return definition.hashtags(from: candidates, maximum: maximum)
    }

    /// The comparison key of a hashtag word: case- and diacritic-folded (``FoldingKey``).
    static func key(_ word: String) -> String {
        FoldingKey.of(word)
    }

    /// `word` with its first character upper-cased.
    static func capitalisingFirstLetter(_ word: String) -> String {
        guard let first = word.first else { return word }
        return first.uppercased() + word.dropFirst()
    }

    /// Letters and the combining marks that belong to them (Unicode L* and M*).
    static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return (scalar.value | 0x20) >= 0x61 && (scalar.value | 0x20) <= 0x7A }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .nonspacingMark, .spacingMark, .enclosingMark:
            return true
        default:
            return false
        }
    }

    /// Combining marks (Unicode M*), which count as part of a word but not as its letter.
    static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return false }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    /// Decimal digits of any script (Unicode Nd).
    static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return scalar.value >= 0x30 && scalar.value <= 0x39 }
        return scalar.properties.generalCategory == .decimalNumber
    }

    /// Apostrophes, which are dropped inside a word rather than splitting it.
    static func isApostrophe(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "'" || scalar == "\u{2019}" || scalar == "\u{02BC}"
    }
}
