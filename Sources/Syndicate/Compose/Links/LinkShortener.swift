import Foundation

/// Shortens a link before it is posted.
///
/// Syndicate never needs a shortener: X and Mastodon count every URL as 23 characters and
/// Bluesky shows a link as a facet. Implement one when your organisation wants its own short
/// domain or click statistics. The method is `async` so an implementation may call a service;
/// it should respect task cancellation and throw rather than return a URL it did not verify.
///
/// ```swift
/// struct MyShortener: LinkShortener {
///     let client: MyShortLinkClient
///     func shorten(_ url: URL) async throws -> URL {
///         try await client.create(longURL: url)
///     }
/// }
/// ```
///
/// The contract a conformer must pass: the returned URL is absolute, and it redirects to `url`
/// with its query (including tracking parameters) intact.
public protocol LinkShortener: Sendable {
    /// A short URL that leads to `url`.
    ///
    /// - Parameter url: The link to shorten, already decorated with tracking parameters.
    /// - Returns: The short link.
    /// - Throws: Whatever the shortening service reports; the caller then posts `url` itself.
    func shorten(_ url: URL) async throws -> URL
}

/// The default ``LinkShortener``: returns every link unchanged.
public struct PassThroughShortener: LinkShortener {
    /// Creates the pass-through shortener.
    public init() {}

    /// Returns `url` unchanged.
    ///
    /// - Parameter url: The link.
    /// - Returns: `url` itself.
    public func shorten(_ url: URL) async throws -> URL {
        url
    }
}
