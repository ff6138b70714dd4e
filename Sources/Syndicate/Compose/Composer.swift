import Foundation

/// Composes, from one ``Post``, the payload for each network: within its real limit, the way a
/// careful social-media editor would write it.
///
/// Composing is pure: no I/O, the same post and configuration always give the same payloads.
///
/// ```swift
/// let composer = Composer()
/// let payload = try composer.payload(for: post, on: .mastodon)
/// for payload in try composer.payloads(for: post) {
///     print(payload.network.displayName, payload.length, "/", payload.limit)
/// }
/// ```
///
/// The summary prefers the author's summary, else the lead, then further sentences by
/// informativeness (see ``ComposerConfiguration/maximumSentences``). Room is reserved for the
/// link and hashtags first; hashtags are dropped lowest-priority first when the lead sentence
/// would otherwise be cut. A sentence is cut only when it must (see the cut rules of
/// ``PostTemplate`` and the summary fitter), and every payload is counted again by the
/// network's ``NetworkRule`` after the last edit.
public struct Composer: Sendable {
    /// What the composer writes.
    public var configuration: ComposerConfiguration

    /// Creates a composer.
    ///
    /// - Parameter configuration: Templates, limits, hashtags, tracking; defaults throughout.
    public init(configuration: ComposerConfiguration = .default) {
        self.configuration = configuration
    }

    /// The payload for `post` on `network`.
    ///
    /// - Parameters:
    ///   - post: The post to announce.
    ///   - network: The network to write for.
    /// - Returns: A payload within the network's limit.
    /// - Throws: ``ComposeError`` `.emptyPost` when the post has no title, summary, body or
    ///   link; `.doesNotFit` when the link and the template's own text alone exceed the limit.
    public func payload(for post: Post, on network: SocialNetwork) throws(ComposeError) -> SharePayload {
        try payload(for: post, on: network, reading: Reading(post: post, configuration: configuration))
    }

    /// The payloads for `post` on each of `networks`, in that order.
    ///
    /// - Parameters:
    ///   - post: The post to announce.
    ///   - networks: The networks to write for; all by default.
    /// - Returns: One payload per network.
    /// - Throws: ``ComposeError`` as ``payload(for:on:)`` does, for the first network that fails.
    public func payloads(
        for post: Post, on networks: [SocialNetwork] = SocialNetwork.allCases
    ) throws(ComposeError) -> [SharePayload] {
        let reading = Reading(post: post, configuration: configuration)
        var result: [SharePayload] = []
        result.reserveCapacity(networks.count)
        for network in networks {
            result.append(try payload(for: post, on: network, reading: reading))
        }
        return result
    }

    private func payload(
        for post: Post, on network: SocialNetwork, reading: Reading
    ) throws(ComposeError) -> SharePayload {
        var draft = try Draft(post: post, network: network, configuration: configuration, reading: reading)
        return try draft.compose()
    }

    /// What every network's payload reads from a post, worked out once per post.
    struct Reading {
        /// Summary sentences in priority order (see ``SummarySource``).
        let sentences: [String]
        /// Hashtag words in priority order, before any network's maximum.
        let hashtags: [String]
        /// The informativeness of each of ``sentences``.
        let scores: [Int]

        /// The title, whitespace collapsed.
        let title: String
        /// Whether the lead (the title when there are no sentences) repeats the title.
        let leadRepeatsTitle: Bool

        init(post: Post, configuration: ComposerConfiguration) {
            let title = Whitespace.collapse(post.title)
            self.title = title
            // The body is split into sentences once, for the summary and for key phrases.
            let body = post.sentences
            sentences = SummarySource.sentences(of: post, body: body)
            if let lead = sentences.first ?? (title.isEmpty ? nil : title) {
                leadRepeatsTitle = SummarySource.repeats(title: title, lead: lead)
            } else {
                leadRepeatsTitle = false
            }
            scores = sentences.map(SummaryFitter.informativeness)
            hashtags = Hashtags.candidates(for: post, policy: configuration.hashtags, body: { body })
        }
    }
}
