import Foundation

/// One network's length rule: its limit, the unit it counts in, and how it counts.
///
/// Use the static members, one per network, and measure a text:
///
/// ```swift
/// let measurement = NetworkRule.bluesky.measure("Hello 👋 https://example.com")
/// measurement.length     // 29 graphemes
/// measurement.isValid    // true: ≤ 300 graphemes and ≤ 3,000 UTF-8 bytes
/// NetworkRule.mastodon(limit: 1000, urlLength: 23).measure(text).remaining
/// ```
///
/// Where a network does not say what a "character" is, the rule counts Unicode code points:
/// a ZWJ emoji sequence then counts as its parts, so the rule errs towards calling a text too
/// long rather than letting the network reject it. Each member's documentation says which.
public struct NetworkRule: Sendable, Hashable {
    /// The unit a network counts a text's length in.
    public enum Unit: String, Sendable, Hashable, CaseIterable {
        /// twitter-text's weighted length: most letters weigh 1, CJK and emoji 2, a URL 23.
        case weighted
        /// Extended grapheme clusters, what a reader sees as characters (Mastodon counts each
        /// URL as its URL length instead of its graphemes).
        case graphemes
        /// Grapheme clusters, except that an emoji cluster counts its UTF-8 bytes (Threads).
        case graphemesWithEmojiAsBytes
        /// Unicode code points (scalars).
        case codePoints
        /// UTF-16 code units, the unit JavaScript's `String.length` and Telegram's entity
        /// offsets use.
        case utf16Units
        /// Bytes of the UTF-8 encoding.
        case utf8Bytes
    }

    /// How the length in ``unit`` is computed.
    private enum Method: Sendable, Hashable {
        case twitterText
        case mastodon(urlLength: Int)
        case graphemes
        case threads
        case codePoints
        case utf16
    }

    /// The network this rule is for.
    public let network: SocialNetwork
    /// The most the network accepts, in ``unit``.
    public let limit: Int
    /// The unit ``limit`` and measured lengths are in.
    public let unit: Unit
    /// A second hard cap on the UTF-8 encoding, checked besides ``limit`` (Bluesky: 3,000).
    public let byteLimit: Int?
    /// A length past which the text is still accepted but a warning is given (Slack: 4,000).
    public let softLimit: Int?
    private let method: Method

    private init(
        _ network: SocialNetwork, limit: Int, unit: Unit, method: Method, byteLimit: Int? = nil,
        softLimit: Int? = nil
    ) {
        self.network = network
        self.limit = limit
        self.unit = unit
        self.method = method
        self.byteLimit = byteLimit
        self.softLimit = softLimit
    }

    // MARK: Networks

    /// X: 280 weighted characters as twitter-text v3 counts them.
    public static let x = NetworkRule.x(limit: TwitterText.Configuration.v3.maxWeightedTweetLength)

    /// X with another limit (Premium accounts may post 4,000 or more weighted characters).
    ///
    /// The length is twitter-text's `weightedLength` and validity is twitter-text's `isValid`,
    /// which also calls an empty text invalid.
    ///
    /// - Parameter limit: The longest valid weighted length.
    /// - Returns: The rule.
    public static func x(limit: Int) -> NetworkRule {
        NetworkRule(.x, limit: limit, unit: .weighted, method: .twitterText)
    }

    /// Mastodon's upstream default: 500 characters, each URL counting 23.
    public static let mastodon = NetworkRule.mastodon(limit: 500, urlLength: 23)

    /// Mastodon with an instance's own settings.
    ///
    /// Read them from `GET /api/v2/instance`: `configuration.statuses.max_characters` and
    /// `characters_reserved_per_url`. The length is grapheme clusters, URLs counting
    /// `urlLength` each and a remote mention `@user@host` counting as `@user`.
    ///
    /// - Parameters:
    ///   - limit: The instance's `max_characters`.
    ///   - urlLength: The instance's `characters_reserved_per_url`.
    /// - Returns: The rule.
    public static func mastodon(limit: Int, urlLength: Int = 23) -> NetworkRule {
        NetworkRule(.mastodon, limit: limit, unit: .graphemes, method: .mastodon(urlLength: urlLength))
    }

    /// Bluesky: 300 grapheme clusters and at most 3,000 UTF-8 bytes, both checked.
    ///
    /// The limits are the `maxGraphemes` and `maxLength` of `app.bsky.feed.post`'s `text`. A
    /// text of many multi-byte graphemes (ZWJ emoji) can hit the byte cap first: it is then
    /// invalid with a ``TextMeasurement/Warning/byteLimitExceeded(bytes:byteLimit:)``.
    public static let bluesky = NetworkRule(
        .bluesky, limit: BlueskyText.maxGraphemes, unit: .graphemes, method: .graphemes,
        byteLimit: BlueskyText.maxBytes)

    /// Threads: 500 characters, an emoji counting as its UTF-8 bytes.
    ///
    /// Meta documents that "emojis are counted as the number of UTF-8 bytes". Precisely: each
    /// grapheme cluster counts 1, except an emoji cluster, which counts the bytes of its UTF-8
    /// encoding (😀 = 4, 👍🏽 = 8, 👨‍👩‍👧‍👧 = 25, 🇫🇷 = 8). A cluster is an emoji when it
    /// holds a code point with the Emoji_Presentation property, or an Emoji code point
    /// followed by the emoji variation selector U+FE0F (❤️, 1️⃣); ❤ or © alone count 1.
    public static let threads = NetworkRule(
        .threads, limit: 500, unit: .graphemesWithEmojiAsBytes, method: .threads)

    /// LinkedIn: 3,000 characters of post `commentary`, counted as code points.
    public static let linkedin = NetworkRule(.linkedin, limit: 3000, unit: .codePoints, method: .codePoints)

    /// A Facebook Page post: 63,206 characters of `message`, counted as code points.
    public static let facebook = NetworkRule(.facebook, limit: 63_206, unit: .codePoints, method: .codePoints)

    /// Telegram: 4,096 characters per message, counted in UTF-16 code units.
    ///
    /// Telegram measures message entities (offsets and lengths) in UTF-16 code units, so this
    /// rule counts the limit in the same unit: an emoji outside the Basic Multilingual Plane
    /// counts 2. That may call a text of many such emoji too long when Telegram would take it,
    /// never the reverse.
    public static let telegram = NetworkRule(.telegram, limit: 4096, unit: .utf16Units, method: .utf16)

    /// Discord: 2,000 characters of webhook `content`, counted as code points.
    public static let discord = NetworkRule(.discord, limit: 2000, unit: .codePoints, method: .codePoints)

    /// Slack: 40,000 characters hard, with a warning over 4,000, counted as code points.
    ///
    /// `chat.postMessage` truncates text past 40,000 characters; Slack recommends at most
    /// 4,000, and longer messages are folded behind "Show more".
    public static let slack = NetworkRule(
        .slack, limit: 40_000, unit: .codePoints, method: .codePoints, softLimit: 4000)

    /// A generic JSON webhook: 4,000 characters of `text`, counted as code points.
    ///
    /// A webhook has no limit of its own; 4,000 keeps the text to what chat and automation
    /// tools (Zapier, n8n, Matrix bridges) show without folding. Set your own with
    /// ``withLimit(_:)``.
    public static let webhook = NetworkRule(.webhook, limit: 4000, unit: .codePoints, method: .codePoints)

    /// The default rule of `network`: the static member of the same name.
    ///
    /// - Parameter network: A network.
    /// - Returns: Its rule with default limits.
    public static func rule(for network: SocialNetwork) -> NetworkRule {
        switch network {
        case .x: .x
        case .mastodon: .mastodon
        case .bluesky: .bluesky
        case .threads: .threads
        case .linkedin: .linkedin
        case .facebook: .facebook
        case .telegram: .telegram
        case .discord: .discord
        case .slack: .slack
        case .webhook: .webhook
        }
    }

    /// This rule with another main limit, in the same unit; byte and soft limits are kept.
    ///
    /// - Parameter limit: The new limit (an instance's or an account's own).
    /// - Returns: The changed rule.
    public func withLimit(_ limit: Int) -> NetworkRule {
        NetworkRule(network, limit: limit, unit: unit, method: method, byteLimit: byteLimit, softLimit: softLimit)
    }

    // MARK: Measuring

    /// Measures `text` for this network.
    ///
    /// - Parameter text: The text exactly as it will be posted.
    /// - Returns: Its length in ``unit``, the limit, validity, UTF-8 bytes, graphemes and warnings.
    public func measure(_ text: String) -> TextMeasurement {
        let bytes = text.utf8.count
        let graphemes = GraphemeCount.of(text)
        let length: Int
        var isValid: Bool
        switch method {
        case .twitterText:
            var configuration = TwitterText.Configuration.v3
            configuration.maxWeightedTweetLength = limit
            let result = TwitterText.parse(text, configuration: configuration)
            length = result.weightedLength
            isValid = result.isValid
        case .mastodon(let urlLength):
            length = MastodonLength.count(text, urlLength: urlLength)
            isValid = length <= limit
        case .graphemes:
            length = graphemes
            isValid = length <= limit
        case .threads:
            length = ThreadsLength.count(text)
            isValid = length <= limit
        case .codePoints:
            length = text.unicodeScalars.count
            isValid = length <= limit
        case .utf16:
            length = text.utf16.count
            isValid = length <= limit
        }
        var warnings: [TextMeasurement.Warning] = []
        if let byteLimit, bytes > byteLimit {
            warnings.append(.byteLimitExceeded(bytes: bytes, byteLimit: byteLimit))
            isValid = false
        }
        if let softLimit, length > softLimit, length <= limit {
            warnings.append(.softLimitExceeded(length: length, softLimit: softLimit))
        }
        return TextMeasurement(
            network: network, length: length, limit: limit, isValid: isValid, bytes: bytes, graphemes: graphemes,
            warnings: warnings)
    }
}
