import Foundation

/// Share-intent URLs for a post: links that open a network's composer with the post filled in.
///
/// No credentials are involved; the reader confirms in their own client. The links cover X,
/// Facebook, LinkedIn, Bluesky, Mastodon (given an instance), Threads and Telegram, in that
/// order. Each carries the post's canonical URL decorated by the tracking rule for its network.
///
/// ```swift
/// let links = ShareLinks(post: post, mastodonInstance: "mastodon.social")
/// links.url(for: .x)
/// // https://x.com/intent/tweet?text=Ofsted%20to%20offer…&url=https%3A%2F%2F…&hashtags=Leadership,Ofsted
/// ```
///
/// Texts are the post's title, shortened at a word when the network's own counter says the
/// title, link and hashtags would not fit. Query values are percent-encoded by RFC 3986, so
/// `&`, `+`, `#` and `=` in a title never break the URL.
public struct ShareLinks: Sendable, Equatable, Codable {
    /// The networks that have share intents, in the order links are listed: X, Facebook,
    /// LinkedIn, Bluesky, Mastodon, Threads, Telegram, then any other network of
    /// ``NetworkRegistry/builtIn`` whose definition has an intent, in the registry's order.
    public static var networks: [SocialNetwork] { networks(in: .builtIn) }

    /// The networks of `registry` that have share intents, in the order links are listed.
    static func networks(in registry: NetworkRegistry) -> [SocialNetwork] {
        let first: [SocialNetwork] = [.x, .facebook, .linkedin, .bluesky, .mastodon, .threads, .telegram]
        let probe = ShareIntentContext(link: "https://example.com/", headline: "Title", hashtags: [], instance: "example.com")
        let others = registry.definitions.filter { !first.contains($0.network) && $0.shareIntent(probe) != nil }.map(\.network)
        return first.filter { registry.definition(for: $0) != nil } + others
    }

    /// A share-intent URL for one network.
    public struct Link: Sendable, Equatable, Hashable, Codable {
        /// The network whose composer the link opens.
        public var network: SocialNetwork
        /// The intent URL.
        public var url: URL

        /// Creates a link.
        public init(network: SocialNetwork, url: URL) {
            self.network = network
            self.url = url
        }
    }

    /// A network left out, and why.
    public struct Omission: Sendable, Equatable, Hashable, Codable {
        /// The network without a link.
        public var network: SocialNetwork
        /// Why it has none and what would give it one.
        public var reason: String

        /// Creates an omission.
        public init(network: SocialNetwork, reason: String) {
            self.network = network
            self.reason = reason
        }
    }

    /// The intent URLs, in the order of ``networks``.
    public var links: [Link]
    /// The networks of ``networks`` without a link, with the reason.
    public var omitted: [Omission]

    /// The share intents for `post`.
    ///
    /// - X: `https://x.com/intent/tweet?text=<title>&url=<link>&hashtags=<a,b>`, within 280
    ///   weighted characters counted as X counts the text, link and tags together.
    /// - Facebook: `https://www.facebook.com/sharer/sharer.php?u=<link>` (the card comes from OG tags).
    /// - LinkedIn: `https://www.linkedin.com/sharing/share-offsite/?url=<link>`.
    /// - Bluesky: `https://bsky.app/intent/compose?text=<title> <link> #a #b`, within 300 graphemes
    ///   with the link counted in full.
    /// - Mastodon: `https://<instance>/share?text=<title> <link> #a …`, only when an instance is
    ///   given; otherwise listed in ``omitted``.
    /// - Threads: `https://www.threads.com/intent/post?text=<title>&url=<link>&tag=<topic>`.
    /// - Telegram: `https://t.me/share/url?url=<link>&text=<title>`.
    ///
    /// A post without an `http` or `https` URL gets no links; every network is then omitted.
    ///
    /// - Parameters:
    ///   - post: The post.
    ///   - tracking: How the link is decorated per network; defaults to UTM parameters.
    ///   - mastodonInstance: The reader's or the site's Mastodon server (`mastodon.social`,
    ///     `https://mastodon.social/`), if any.
    ///   - policy: Which tags become hashtags, and how many per network.
    public init(
        post: Post,
        tracking: LinkTracking = .default,
        mastodonInstance: String? = nil,
        policy: HashtagPolicy = .default
    ) {
        var links: [Link] = []
        var omitted: [Omission] = []
        guard let url = post.url, ["http", "https"].contains(url.scheme?.lowercased()) else {
            self.links = []
            self.omitted = ShareLinks.networks.map {
                Omission(network: $0, reason: "the post has no http(s) URL; share intents need the page's address.")
            }
            return
        }
        let canonical = LinkTracking.removingTracking(from: url)
        let title = ShareLinks.headline(of: post)
        let candidates = Hashtags.candidates(for: post, policy: policy)
        for network in ShareLinks.networks {
            guard let definition = NetworkRegistry.builtIn.definition(for: network) else { continue }
            let link = tracking.url(canonical, for: network).absoluteString
            let tags = Hashtags.hashtags(from: candidates, on: network, policy: policy)
            let context = ShareIntentContext(link: link, headline: title, hashtags: tags, instance: mastodonInstance)
            let intent: String
            switch definition.shareIntent(context) {
            case .url(let url)?:
                intent = url
            case .omitted(let reason)?:
                omitted.append(Omission(network: network, reason: reason))
                continue
            case nil:
                continue
            }
            if let intentURL = URL(string: intent) {
                links.append(Link(network: network, url: intentURL))
            } else {
                omitted.append(Omission(network: network, reason: "the intent URL could not be built from the post's URL \(link)."))
            }
        }
        self.links = links
        self.omitted = omitted
    }

    /// The intent URL for `network`, if it has one.
    ///
    /// - Parameter network: The network.
    /// - Returns: The URL, or nil when the network was omitted or has no share intent.
    public func url(for network: SocialNetwork) -> URL? {
        links.first { $0.network == network }?.url
    }

    /// The host (and port) of a Mastodon server named as `mastodon.social`,
    /// `https://mastodon.social/` or `MASTODON.social:8443`, lower-cased.
    ///
    /// - Parameter instance: The server as a user typed it.
    /// - Returns: The host, or nil when `instance` is not a host name with a dot (or `localhost`),
    ///   or carries a path, query or user.
    public static func instanceHost(from instance: String) -> String? {
        var text = Substring(Whitespace.collapse(instance).lowercased())
        for scheme in ["https://", "http://"] where text.hasPrefix(scheme) {
            text = text.dropFirst(scheme.count)
        }
        while text.hasSuffix("/") { text = text.dropLast() }
        let parts = text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        guard let host = parts.first, !host.isEmpty, host.count <= 253 else { return nil }
        let labels = host.split(separator: ".", omittingEmptySubsequences: false)
        let validLabels = labels.allSatisfy { label in
            !label.isEmpty && label.count <= 63 && !label.hasPrefix("-") && !label.hasSuffix("-")
                && label.allSatisfy { ($0.isASCII && ($0.isLetter || $0.isNumber)) || $0 == "-" }
        }
        guard validLabels, labels.count >= 2 || host == "localhost" else { return nil }
        if parts.count == 2 {
            guard let port = Int(parts[1]), (1...65535).contains(port), parts[1].allSatisfy(\.isNumber) else { return nil }
        }
        return String(text)
    }

    /// The text a share starts from: the title, else the summary, else the lead.
    static func headline(of post: Post) -> String {
        for candidate in [post.title, post.summary ?? "", post.lead ?? ""] {
            let text = Whitespace.collapse(candidate)
            if !text.isEmpty { return text }
        }
        return ""
    }

    /// The longest shortening of `title` (whole, else cut at a word with "…") for which
    /// `compose(title)` is within `rule`'s limit; "" when none is.
    static func fitted(_ title: String, rule: NetworkRule, compose: (String) -> String) -> String {
        // Every grapheme cluster counts at least one unit on every network, so a title longer
        // than the limit in clusters never fits whole, and only its first limit + 1 can matter.
        if MetaText.fits(title, rule.limit), rule.measure(compose(title)).isValid { return title }
        let head = String(title.prefix(rule.limit + 1))
        // Binary search on the character budget: the measure is monotonic in it.
        var low = 0
        var high = head.count
        var best = ""
        while low <= high {
            let middle = (low + high) / 2
            let candidate = MetaText.cutAtWord(head, limit: middle)
            if candidate.count > 1, rule.measure(compose(candidate)).isValid {
                best = candidate
                low = middle + 1
            } else {
                high = middle - 1
            }
        }
        return best
    }
}
