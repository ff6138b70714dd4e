import Foundation

/// The record of what was posted where, kept across runs and shared by concurrent ones, so that
/// a post reaches each account once: not twice after a crash, a timeout, a retry or a second
/// run at the same time, and not never.
///
/// Syndicate ships ``InMemoryLedger`` (tests, one process) and, in the `SyndicateLedger`
/// product, `SQLiteLedger` (a file, WAL mode, shared by processes). ``LedgeredPoster`` and
/// ``FeedSyndicator`` use a ledger and take the same decisions on each entry whatever the
/// ledger, so every ledger behaves alike.
///
/// ```swift
/// let ledger = InMemoryLedger()
/// let poster = LedgeredPoster(ledger: ledger, poster: CrossPoster(environment: environment))
/// let first = await poster.deliver(post, feed: nil, to: clients)    // posts
/// let second = await poster.deliver(post, feed: nil, to: clients)   // skips: already posted
/// ```
///
/// Implement your own over another store: the contract is that ``update(_:_:)`` is atomic with
/// respect to every process and task using the same store (the SQLite ledger runs it in a
/// `BEGIN IMMEDIATE` transaction), and that a ledger it cannot read throws ``LedgerError``
/// instead of being replaced.
public protocol DeliveryLedger: Sendable {
    /// Reads the entry of `key` (nil when there is none), lets `change` modify, create or
    /// remove it, and writes the result, atomically: no other update of the same ledger runs
    /// in between, in this process or another.
    ///
    /// - Returns: What `change` returned.
    /// - Throws: ``LedgerError``; then nothing was written.
    func update<Result: Sendable>(
        _ key: LedgerEntry.Key, _ change: @escaping @Sendable (inout LedgerEntry?) -> Result
    ) async throws(LedgerError) -> Result

    /// Inserts each of `entries` whose key has no entry yet, in one transaction.
    ///
    /// - Returns: How many were inserted.
    func insertIfAbsent(_ entries: [LedgerEntry]) async throws(LedgerError) -> Int

    /// The entries, oldest first; only those of `postID` when it is given, only those of
    /// `feed` when it is given.
    func entries(postID: String?, feed: String?) async throws(LedgerError) -> [LedgerEntry]

    /// Removes the entries of `postID` (only on `network` and `account` when given).
    ///
    /// - Returns: How many were removed.
    func forget(postID: String, network: SocialNetwork?, account: String?) async throws(LedgerError) -> Int

    /// The record of the feed `id`, nil when it has never been run.
    func feed(_ id: String) async throws(LedgerError) -> LedgerFeed?

    /// Creates or replaces the record of `feed.id`.
    func save(_ feed: LedgerFeed) async throws(LedgerError)
}

extension DeliveryLedger {
    /// Every entry, oldest first.
    public func entries() async throws(LedgerError) -> [LedgerEntry] {
        try await entries(postID: nil, feed: nil)
    }

    /// The entry of `key`, nil when there is none.
    public func entry(_ key: LedgerEntry.Key) async throws(LedgerError) -> LedgerEntry? {
        try await update(key) { $0 }
    }
}
