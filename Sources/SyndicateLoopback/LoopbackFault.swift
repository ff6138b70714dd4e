import Foundation
import Syndicate

/// What the loopback server does with the next request to a route instead of (or besides)
/// answering it normally: the failures a real API and a real network produce.
///
/// ```swift
/// server.script(.status(500), for: .mastodonStatuses)          // Mastodon's own 500 body
/// server.script(.rateLimited(resetAfter: .seconds(60)), for: .xTweets)
/// server.script(.slow(.seconds(3)), for: .webhook)              // answers after 3 s
/// server.script(.dropConnection, for: .webhook)                 // reads the request, closes
/// server.script(.afterHandling(.status(500)), for: .mastodonStatuses)  // posts, then fails
/// ```
public indirect enum LoopbackFault: Sendable, Equatable {
    /// Answers with `status` and the network's own error body and headers for it: 401 (bad
    /// token), 403 (X: duplicate content; elsewhere a permission error), 429 (with the network's
    /// reset header or body field, 60 s ahead), 500, 503, or a generic error for other codes.
    case status(Int)
    /// A 429 in the network's shape whose reset lies `resetAfter` past the server's clock: X
    /// `x-rate-limit-reset` (Unix seconds), Mastodon `X-RateLimit-Reset` (ISO 8601), Bluesky
    /// `RateLimit-Reset` (Unix seconds), Discord `retry_after` and `Retry-After`, Telegram
    /// `parameters.retry_after`, Slack and generic webhooks `Retry-After`.
    case rateLimited(resetAfter: Duration)
    /// Answers with exactly this response.
    case response(HTTPResponse)
    /// Answers normally, but only after `delay`: longer than a client's timeout, it tests that
    /// the client gives up in time.
    case slow(Duration)
    /// Reads the whole request, then closes the connection without answering.
    case dropConnection
    /// Handles the request normally (a post is created, an idempotency key stored), then does
    /// `fault` instead of sending the answer: a post that exists although the client saw a
    /// failure, as Facebook's "code 2" 500s do.
    case afterHandling(LoopbackFault)
}
