import Foundation

// TEMPORARY stand-in for the "parts" branch (Hashtags/, Links/): the agreed signatures with
// simple bodies, so that the composer builds before the branches merge. Delete at merge.

/// Which tags become hashtags, and how many per network.
public struct HashtagPolicy: Sendable, Equatable {
    /// Tags never turned into hashtags, compared case-insensitively after CamelCasing.
    public var blockList: [String]
    /// The most hashtags per network.
    public var maximumPerNetwork: [SocialNetwork: Int]
    /// Whether a word already in the summary is tagged in place instead of repeated.
    public var inline: Bool

    /// Creates a policy.
    public init(
        blockList: [String] = HashtagPolicy.defaultBlockList,
        maximumPerNetwork: [SocialNetwork: Int] = HashtagPolicy.defaultMaximums, inline: Bool = false
    ) {
        self.blockList = blockList
        self.maximumPerNetwork = maximumPerNetwork
        self.inline = inline
    }

    /// The default policy.
    public static let `default` = HashtagPolicy()
    /// Site-internal categories that are never hashtags.
    public static let defaultBlockList = ["Uncategorized", "Uncategorised", "1stPOST"]
    /// The default maximums per network.
    public static let defaultMaximums: [SocialNetwork: Int] = [
        .x: 2, .bluesky: 2, .mastodon: 4, .linkedin: 3, .threads: 1, .facebook: 0,
    ]

    /// The most hashtags for `network`.
    public func maximum(for network: SocialNetwork) -> Int {
        maximumPerNetwork[network] ?? 0
    }
}

/// Hashtag words for posts.
public enum Hashtags {
    /// "Early Years" → "EarlyYears"; nil when empty or all digits.
    public static func hashtag(from tag: String) -> String? {
        var result = ""
        for word in tag.split(whereSeparator: { !($0.isLetter || $0.isNumber) }) {
            guard let first = word.first else { continue }
            result += first.uppercased() + word.dropFirst()
        }
        if result.isEmpty || result.allSatisfy(\.isNumber) { return nil }
        return result
    }

    /// Hashtag words (without "#") for a post in priority order.
    public static func candidates(for post: Post, policy: HashtagPolicy) -> [String] {
        let blocked = Set(policy.blockList.compactMap { hashtag(from: $0)?.lowercased() })
        var seen = Set<String>()
        var result: [String] = []
        for tag in post.tags {
            guard let word = hashtag(from: tag) else { continue }
            let key = word.lowercased()
            guard !blocked.contains(key), seen.insert(key).inserted else { continue }
            result.append(word)
        }
        return result
    }
}

/// How the posted link is decorated per network.
public struct LinkTracking: Sendable {
    private let parameters: (@Sendable (SocialNetwork) -> [URLQueryItem])?

    /// UTM parameters.
    public static func utm(campaign: String = "syndicate", medium: String = "social") -> LinkTracking {
        LinkTracking(parameters: { network in
            [
                URLQueryItem(name: "utm_source", value: network.rawValue),
                URLQueryItem(name: "utm_medium", value: medium),
                URLQueryItem(name: "utm_campaign", value: campaign),
            ]
        })
    }

    /// No decoration.
    public static let none = LinkTracking(parameters: nil)
    /// `.utm()`.
    public static let `default` = LinkTracking.utm()

    /// `url` decorated for `network`.
    public func url(_ url: URL, for network: SocialNetwork) -> URL {
        guard let parameters, var components = URLComponents(url: url, resolvingAgainstBaseURL: false) else {
            return url
        }
        var items = (components.queryItems ?? []).filter { !$0.name.hasPrefix("utm_") }
        items += parameters(network)
        components.queryItems = items
        return components.url ?? url
    }
}

/// Shortens links.
public protocol LinkShortener: Sendable {
    /// The short form of `url`.
    func shorten(_ url: URL) async throws -> URL
}

/// A shortener that returns the link unchanged.
public struct PassThroughShortener: LinkShortener {
    /// Creates the shortener.
    public init() {}
    /// Returns `url`.
    public func shorten(_ url: URL) async throws -> URL { url }
}
