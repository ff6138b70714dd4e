import Foundation

/// What the ledger keeps about a feed: that it has been started (so a first run can be told
/// from a later one) and the validators for a conditional fetch.
public struct LedgerFeed: Sendable, Equatable, Hashable, Codable {
    /// The feed's URL, or the absolute path of a feed file.
    public var id: String
    /// The last `ETag`, sent back as `If-None-Match`.
    public var etag: String?
    /// The last `Last-Modified`, sent back as `If-Modified-Since`.
    public var lastModified: String?
    /// When the feed was first run (with ``FeedSyndicator/Options/markSeen`` or ``FeedSyndicator/Options/since``).
    public var startedAt: Date
    /// When the feed was last run.
    public var lastRunAt: Date?

    /// Creates a feed record.
    public init(id: String, etag: String? = nil, lastModified: String? = nil, startedAt: Date, lastRunAt: Date? = nil) {
        self.id = id
        self.etag = etag
        self.lastModified = lastModified
        self.startedAt = startedAt
        self.lastRunAt = lastRunAt
    }
}
