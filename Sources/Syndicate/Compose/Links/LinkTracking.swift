import Foundation

/// How the posted link is decorated for each network, such as with UTM parameters.
///
/// Tracking applies only to the link a payload or share-intent carries. It is never applied to
/// the page's `og:url` or canonical link, so cards and share counts aggregate on one URL
/// (``PageMetadata`` strips tracking parameters from both).
///
/// ```swift
/// let tracking = LinkTracking.utm(campaign: "spring-term")
/// let posted = tracking.url(canonical, for: .mastodon)
/// // canonical https://school.example/news/1?page=2 becomes
/// // https://school.example/news/1?page=2&utm_source=mastodon&utm_medium=social&utm_campaign=spring-term
/// ```
///
/// Write your own with ``init(_:)`` when your analytics want something else.
public struct LinkTracking: Sendable {
    private let decorate: @Sendable (URL, SocialNetwork) -> URL

    /// A tracking rule that turns the canonical URL into the URL posted on a network.
    ///
    /// - Parameter decorate: Returns the link to post on the network; it must keep the link
    ///   pointing at the same page.
    public init(_ decorate: @escaping @Sendable (URL, SocialNetwork) -> URL) {
        self.decorate = decorate
    }

    /// UTM parameters: `utm_source=<network raw value>&utm_medium=<medium>&utm_campaign=<campaign>`.
    ///
    /// The URL's existing query and fragment are kept in place; existing `utm_*` parameters
    /// (any case) are replaced, so decorating twice gives the same URL. Values are
    /// percent-encoded by RFC 3986. A URL without a scheme and host is returned unchanged.
    ///
    /// - Parameters:
    ///   - campaign: The `utm_campaign` value.
    ///   - medium: The `utm_medium` value.
    /// - Returns: The tracking rule.
    public static func utm(campaign: String = "syndicate", medium: String = "social") -> LinkTracking {
        LinkTracking { url, network in
            TrackedURL.appending(
                [("utm_source", network.rawValue), ("utm_medium", medium), ("utm_campaign", campaign)],
                to: url, replacing: { $0.hasPrefix("utm_") })
        }
    }

    /// No tracking: every network gets the canonical URL.
    public static let none = LinkTracking { url, _ in url }

    /// The default: ``utm(campaign:medium:)`` with campaign `syndicate` and medium `social`.
    public static let `default` = LinkTracking.utm()

    /// The link to post on `network`.
    ///
    /// - Parameters:
    ///   - url: The canonical URL of the post.
    ///   - network: The network the link is posted on.
    /// - Returns: The decorated URL.
    public func url(_ url: URL, for network: SocialNetwork) -> URL {
        decorate(url, network)
    }

    /// `url` without tracking parameters: `utm_*` and the click identifiers ad platforms add
    /// (`fbclid`, `gclid`, `dclid`, `msclkid`, `mc_cid`, `mc_eid`), compared case-insensitively.
    ///
    /// Other parameters keep their order and encoding; a query left empty is removed.
    ///
    /// - Parameter url: A URL, perhaps copied from a tracked link.
    /// - Returns: The URL to use as canonical and `og:url`.
    public static func removingTracking(from url: URL) -> URL {
        TrackedURL.appending([], to: url, replacing: TrackedURL.isTrackingParameter)
    }
}
