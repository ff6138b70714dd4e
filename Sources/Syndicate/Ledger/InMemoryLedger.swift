import Foundation

/// A ``DeliveryLedger`` in memory: for tests, dry runs and programs that post once and exit.
///
/// It is shared by every task holding it, and forgotten when the last reference goes. Use
/// `SQLiteLedger` (product `SyndicateLedger`) to remember across runs and processes.
public actor InMemoryLedger: DeliveryLedger {
    private var stored: [LedgerEntry.Key: LedgerEntry] = [:]
    private var order: [LedgerEntry.Key] = []
    private var feeds: [String: LedgerFeed] = [:]

    /// Creates a ledger holding `entries` and `feeds`.
    public init(entries: [LedgerEntry] = [], feeds: [LedgerFeed] = []) {
        for entry in entries where stored[entry.key] == nil {
            stored[entry.key] = entry
            order.append(entry.key)
        }
        for feed in feeds { self.feeds[feed.id] = feed }
    }

    public func update<Result: Sendable>(
        _ key: LedgerEntry.Key, _ change: @escaping @Sendable (inout LedgerEntry?) -> Result
    ) async throws(LedgerError) -> Result {
        var entry = stored[key]
        let result = change(&entry)
        write(entry, for: key)
        return result
    }

    public func insertIfAbsent(_ entries: [LedgerEntry]) async throws(LedgerError) -> Int {
        var inserted = 0
        for entry in entries where stored[entry.key] == nil {
            write(entry, for: entry.key)
            inserted += 1
        }
        return inserted
    }

    public func entries(postID: String?, feed: String?) async throws(LedgerError) -> [LedgerEntry] {
        order.compactMap { stored[$0] }.filter {
            (postID == nil || $0.postID == postID) && (feed == nil || $0.feed == feed)
        }
    }

    public func forget(postID: String, network: SocialNetwork?, account: String?) async throws(LedgerError) -> Int {
        let keys = order.filter {
            $0.postID == postID && (network == nil || $0.network == network) && (account == nil || $0.account == account)
        }
        for key in keys { write(nil, for: key) }
        return keys.count
    }

    public func feed(_ id: String) async throws(LedgerError) -> LedgerFeed? {
        feeds[id]
    }

    public func save(_ feed: LedgerFeed) async throws(LedgerError) {
        feeds[feed.id] = feed
    }

    private func write(_ entry: LedgerEntry?, for key: LedgerEntry.Key) {
        if let entry {
            if stored[key] == nil { order.append(key) }
            stored[key] = entry
        } else if stored.removeValue(forKey: key) != nil {
            order.removeAll { $0 == key }
        }
    }
}
