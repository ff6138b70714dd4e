import Foundation

/// Which tags become hashtags, and how many each network gets.
///
/// ```swift
/// var policy = HashtagPolicy.default
/// policy.blockList.append("Whole School")          // a category only your site uses
/// policy.maximumPerNetwork[.mastodon] = 3
/// Hashtags.hashtags(for: post, on: .mastodon, policy: policy)
/// ```
public struct HashtagPolicy: Sendable, Equatable {
    /// Tags that never become hashtags: site-internal categories and generic labels.
    ///
    /// Entries are compared case- and diacritic-insensitively after both sides are turned into
    /// hashtags by ``Hashtags/hashtag(from:)``, so `front page`, `Front-Page` and `FrontPage`
    /// are the same entry.
    public var blockList: [String] {
        didSet { blockedKeys = HashtagPolicy.keys(of: blockList) }
    }
    /// The most hashtags each network gets. A built-in network missing here gets none; a
    /// network of your own that is missing gets its ``NetworkDefinition/defaultHashtagMaximum``.
    public var maximumPerNetwork: [SocialNetwork: Int]
    /// Whether a word already in the summary is tagged in place (`#Ofsted`) instead of the tag
    /// being repeated at the end. Off by default; the composer honours it.
    public var inline: Bool

    /// Creates a policy.
    ///
    /// - Parameters:
    ///   - blockList: Tags that never become hashtags; defaults to ``defaultBlockList``.
    ///   - maximumPerNetwork: The most hashtags per network; defaults to ``defaultMaximums``.
    ///   - inline: Whether words already in the summary are tagged in place.
    public init(
        blockList: [String] = HashtagPolicy.defaultBlockList,
        maximumPerNetwork: [SocialNetwork: Int] = HashtagPolicy.defaultMaximums,
        inline: Bool = false
    ) {
        self.blockList = blockList
        self.blockedKeys = HashtagPolicy.keys(of: blockList)
        self.maximumPerNetwork = maximumPerNetwork
        self.inline = inline
    }

    /// The default policy: ``defaultBlockList``, ``defaultMaximums``, no inline tags.
    public static let `default` = HashtagPolicy()

    /// Categories that blogging tools and school sites use to file or place posts, which say
    /// nothing about the post to a reader of a social network.
    ///
    /// - WordPress's default category, which means "no category": `Uncategorized`,
    ///   `Uncategorised`, `Uncategorized Posts`, and its names in WordPress's French, Spanish,
    ///   Italian, Portuguese and German installs (`Non classé`, `Sin categoría`,
    ///   `Senza categoria`, `Sem categoria`, `Allgemein`). Blogger has no default label.
    /// - Placement labels: `1st POST` … `5th POST`, `Top Post`, `Featured`, `Featured Post`,
    ///   `Sticky`, `Front Page`, `Home Page`, `Homepage`, `Slider`, `Carousel`, `Headline`,
    ///   `Highlights`, `Spotlight`.
    /// - Section names that describe the website, not the story: `Blog`, `Blogs`, `Blog Post`,
    ///   `News`, `Latest News`, `Latest`, `Post`, `Posts`, `Article`, `Articles`, `Updates`,
    ///   `General`, `Misc`, `Miscellaneous`, `Other`, `Archive`, `Draft`.
    ///
    /// `News` and `General` stay blocked although a school's "News" category is a real one: it
    /// files the post in a section of the site, and `#News` on a social network names nothing
    /// the post is about. A post whose tags are all blocked falls back to the key phrases of its
    /// text, which propose only names (``Hashtags/candidates(for:policy:)``). Remove an entry
    /// from ``blockList`` to keep it.
    ///
    /// Topical words (`Ofsted`, `Leadership`, `Education`) are never blocked by default.
    public static let defaultBlockList: [String] = [
        "Uncategorized", "Uncategorised", "Uncategorized Posts",
        "Non classé", "Sin categoría", "Senza categoria", "Sem categoria", "Allgemein",
        "1st POST", "2nd POST", "3rd POST", "4th POST", "5th POST", "Top Post",
        "Featured", "Featured Post", "Sticky", "Front Page", "Home Page", "Homepage",
        "Slider", "Carousel", "Headline", "Highlights", "Spotlight",
        "Blog", "Blogs", "Blog Post", "News", "Latest News", "Latest", "Post", "Posts",
        "Article", "Articles", "Updates", "General", "Misc", "Miscellaneous", "Other", "Archive", "Draft",
    ]

    /// The built-in networks' default maximums: X 2, Bluesky 2, Mastodon 4, LinkedIn 3,
    /// Threads 1 (its single topic tag); Facebook, Telegram, Discord, Slack and webhooks 0.
    public static var defaultMaximums: [SocialNetwork: Int] {
        Dictionary(uniqueKeysWithValues: NetworkRegistry.builtIn.definitions.map { ($0.network, $0.defaultHashtagMaximum) })
    }

    /// The most hashtags `network` gets: its entry in ``maximumPerNetwork``, else 0; never negative.
    ///
    /// - Parameter network: The network.
    /// - Returns: The maximum number of hashtags.
    public func maximum(for network: SocialNetwork) -> Int {
        maximum(for: network, in: .builtIn)
    }

    /// The most hashtags `network` gets: its entry in ``maximumPerNetwork``; else 0 for a
    /// built-in network, and its definition's default for one of your own in `networks`;
    /// never negative.
    public func maximum(for network: SocialNetwork, in networks: NetworkRegistry) -> Int {
        if let maximum = maximumPerNetwork[network] { return max(0, maximum) }
        guard NetworkRegistry.builtIn.definition(for: network) == nil else { return 0 }
        return max(0, networks.definition(for: network)?.defaultHashtagMaximum ?? 0)
    }

    /// Whether the hashtag `word` (already converted) is on the block list.
    func blocks(_ word: String) -> Bool {
        blockedKeys.contains(Hashtags.key(word))
    }

    /// The block list as comparison keys, kept in step with ``blockList``.
    private(set) var blockedKeys: Set<String>

    /// The comparison keys of block-list entries.
    static func keys(of blockList: [String]) -> Set<String> {
        Set(blockList.compactMap { Hashtags.hashtag(from: $0).map(Hashtags.key) })
    }
}
