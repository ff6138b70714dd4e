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

    /// The network this rule is for.
    public let network: SocialNetwork
    /// The most the network accepts, in ``unit``.
    public let limit: Int
    /// How a text's length is counted.
    public let counter: Counter
    /// The unit ``limit`` and measured lengths are in.
    public var unit: Unit { counter.unit }
    /// A second hard cap on the UTF-8 encoding, checked besides ``limit`` (Bluesky: 3,000).
    public let byteLimit: Int?
    /// A length past which the text is still accepted but a warning is given (Slack: 4,000).
    public let softLimit: Int?

    /// Creates a rule.
    ///
    /// - Parameters:
    ///   - network: The network the rule is for.
    ///   - limit: The most the network accepts, in the counter's unit.
    ///   - counter: How a text's length is counted.
    ///   - byteLimit: A second hard cap on the UTF-8 encoding, if the network has one.
    ///   - softLimit: A length past which a warning is given, if any.
    public init(network: SocialNetwork, limit: Int, counter: Counter, byteLimit: Int? = nil, softLimit: Int? = nil) {
        self.network = network
        self.limit = limit
        self.counter = counter
        self.byteLimit = byteLimit
        self.softLimit = softLimit
    }

    /// How a network counts a text: a unit and the function that measures in it.
    ///
    /// Two counters are equal when their names are; a counter's name says everything that
    /// changes its counts (`mastodon(urlLength: 23)`).
    public struct Counter: Sendable, Hashable, CustomStringConvertible {
        /// A name that identifies the counting, parameters included.
        public let name: String
        /// The unit counted in.
        public let unit: Unit
        private let measure: @Sendable (String, Int) -> (length: Int, isValid: Bool)

        /// Creates a counter whose text is valid when its length is at most the limit.
        ///
        /// - Parameters:
        ///   - name: A name that identifies the counting, parameters included.
        ///   - unit: The unit counted in.
        ///   - length: The length of a text in `unit`.
        public init(name: String, unit: Unit, length: @escaping @Sendable (String) -> Int) {
            self.init(name: name, unit: unit) { text, limit in
                let count = length(text)
                return (count, count <= limit)
            }
        }

        /// Creates a counter that decides validity itself (twitter-text calls an empty text invalid).
        ///
        /// - Parameters:
        ///   - name: A name that identifies the counting, parameters included.
        ///   - unit: The unit counted in.
        ///   - measure: The length of a text and whether it is valid under a limit.
        public init(name: String, unit: Unit, measure: @escaping @Sendable (String, Int) -> (length: Int, isValid: Bool)) {
            self.name = name
            self.unit = unit
            self.measure = measure
        }

        /// The length of `text` and whether it is valid under `limit`.
        public func measure(_ text: String, limit: Int) -> (length: Int, isValid: Bool) {
            measure(text, limit)
        }

        /// ``name``.
        public var description: String { name }

        public static func == (lhs: Counter, rhs: Counter) -> Bool { lhs.name == rhs.name && lhs.unit == rhs.unit }

        public func hash(into hasher: inout Hasher) { hasher.combine(name) }

        /// Unicode code points (scalars).
        public static let codePoints = Counter(name: "code points", unit: .codePoints) { $0.unicodeScalars.count }
        /// Extended grapheme clusters.
        public static let graphemes = Counter(name: "graphemes", unit: .graphemes) { GraphemeCount.of($0) }
        /// UTF-16 code units.
        public static let utf16Units = Counter(name: "UTF-16 code units", unit: .utf16Units) { $0.utf16.count }
        /// Bytes of the UTF-8 encoding.
        public static let utf8Bytes = Counter(name: "UTF-8 bytes", unit: .utf8Bytes) { $0.utf8.count }
        /// twitter-text v3's weighted length and validity.
        public static let twitterText = Counter(name: "twitter-text v3", unit: .weighted) { text, limit in
            var configuration = TwitterText.Configuration.v3
            configuration.maxWeightedTweetLength = limit
            let result = TwitterText.parse(text, configuration: configuration)
            return (result.weightedLength, result.isValid)
        }
    }

    /// The default rule of `network` in ``NetworkRegistry/builtIn``.
    ///
    /// - Parameter network: A built-in network.
    /// - Returns: Its rule with default limits; for a network that is not built in, 4,000 code points.
    public static func rule(for network: SocialNetwork) -> NetworkRule {
        NetworkRegistry.builtIn.definition(for: network)?.rule
            ?? NetworkRule(network: network, limit: 4000, counter: .codePoints)
    }

    /// This rule with another main limit, in the same unit; byte and soft limits are kept.
    ///
    /// - Parameter limit: The new limit (an instance's or an account's own).
    /// - Returns: The changed rule.
    public func withLimit(_ limit: Int) -> NetworkRule {
        NetworkRule(network: network, limit: limit, counter: counter, byteLimit: byteLimit, softLimit: softLimit)
    }

    // MARK: Measuring

    /// Measures `text` for this network.
    ///
    /// - Parameter text: The text exactly as it will be posted.
    /// - Returns: Its length in ``unit``, the limit, validity, UTF-8 bytes, graphemes and warnings.
    public func measure(_ text: String) -> TextMeasurement {
        let bytes = text.utf8.count
        let graphemes = GraphemeCount.of(text)
        let (length, valid) = counter.measure(text, limit: limit)
        var isValid = valid
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
