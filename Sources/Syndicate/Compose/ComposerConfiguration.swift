import Foundation

/// What a ``Composer`` writes: templates, limits, hashtags, link tracking, threading.
///
/// Every member has a default a careful editor would choose; change only what you need:
///
/// ```swift
/// var configuration = ComposerConfiguration()
/// try configuration.setTemplate("{title} {link}", for: .x)    // checked now, not when posting
/// configuration.rules[.mastodon] = .mastodon(limit: 1000)     // the instance's own limit
/// configuration.linkTracking = .none
/// configuration.threading = true
/// ```
public struct ComposerConfiguration: Sendable {
    /// Templates that replace each network's ``NetworkDefinition/defaultTemplate``.
    public var templates: [SocialNetwork: PostTemplate]
    /// Rules that replace each network's ``NetworkDefinition/rule`` (an instance's limit).
    public var rules: [SocialNetwork: NetworkRule]
    /// Which tags become hashtags, and how many per network.
    public var hashtags: HashtagPolicy
    /// How the posted link is decorated per network.
    public var linkTracking: LinkTracking
    /// Whether a long post becomes a numbered thread on X, Mastodon and Bluesky.
    public var threading: Bool
    /// The most parts of a thread; the rest is left out with a warning.
    public var maximumThreadParts: Int
    /// The most sentences of summary per network, replacing each network's
    /// ``NetworkDefinition/defaultSentenceMaximum`` (X 1, Mastodon and Telegram 3, LinkedIn 4,
    /// the others 2).
    public var maximumSentences: [SocialNetwork: Int]
    /// Which images go to each network, and whether alt text is required.
    public var images: ImagePolicy
    /// The networks the composer knows: each one's rule, template, style and fields.
    public var networks: NetworkRegistry

    /// Creates a configuration; every argument has the default a careful editor would choose.
    ///
    /// - Parameters:
    ///   - templates: Templates replacing the defaults, by network.
    ///   - rules: Length rules replacing the defaults, by network.
    ///   - hashtags: The hashtag policy.
    ///   - linkTracking: UTM parameters by default; `.none` to post the canonical URL.
    ///   - threading: Whether long posts become threads on X, Mastodon and Bluesky.
    ///   - maximumThreadParts: The most parts of a thread.
    ///   - maximumSentences: Sentences of summary per network, replacing the networks' defaults.
    ///   - images: Which images go where; every network up to its maximum by default.
    ///   - networks: The networks known; ``NetworkRegistry/builtIn`` by default.
    public init(
        templates: [SocialNetwork: PostTemplate] = [:],
        rules: [SocialNetwork: NetworkRule] = [:],
        hashtags: HashtagPolicy = .default,
        linkTracking: LinkTracking = .default,
        threading: Bool = false,
        maximumThreadParts: Int = 10,
        maximumSentences: [SocialNetwork: Int] = [:],
        images: ImagePolicy = .default,
        networks: NetworkRegistry = .builtIn
    ) {
        self.templates = templates
        self.rules = rules
        self.hashtags = hashtags
        self.linkTracking = linkTracking
        self.threading = threading
        self.maximumThreadParts = max(1, maximumThreadParts)
        self.maximumSentences = maximumSentences
        self.images = images
        self.networks = networks
    }

    /// The defaults.
    public static let `default` = ComposerConfiguration()

    /// Parses `source` and makes it the template for `network`.
    ///
    /// - Parameters:
    ///   - source: A template such as `"{summary} {link} {hashtags}"`.
    ///   - network: The network it is for.
    /// - Throws: ``ComposeError`` when the template names an unknown placeholder or leaves a
    ///   brace open, so that a bad template fails at configuration time.
    public mutating func setTemplate(_ source: String, for network: SocialNetwork) throws(ComposeError) {
        templates[network] = try PostTemplate(source)
    }

    /// The template used for `network`.
    public func template(for network: SocialNetwork) -> PostTemplate {
        templates[network] ?? networks.defaultTemplate(for: network)
    }

    /// The length rule used for `network`.
    public func rule(for network: SocialNetwork) -> NetworkRule {
        rules[network] ?? networks.definition(for: network)?.rule ?? NetworkRule.rule(for: network)
    }

    /// The most sentences of summary for `network` (at least 1).
    func sentenceLimit(for network: SocialNetwork) -> Int {
        max(1, maximumSentences[network] ?? networks.definition(for: network)?.defaultSentenceMaximum ?? 2)
    }
}
