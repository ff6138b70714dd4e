import Foundation

/// Announces what is new in a feed: posts each item the ledger has not settled to each
/// account, oldest first, once.
///
/// A feed the ledger has never seen is not posted unless asked: ``Options/markSeen`` records
/// its current items as seen (so that a new subscriber does not flood its followers) and
/// ``Options/since`` posts only the items published since a date, recording the older ones as
/// seen. Without either, ``run(_:feed:to:options:progress:)`` returns a report whose
/// ``Report/status`` is ``Report/Status/notStarted`` and posts nothing.
///
/// The same holds for an account added to a feed that is already running: an account with no
/// entry for a feed that has entries for other accounts starts from now (the items the other
/// accounts already have are recorded as seen for it; items new to all go to all) unless
/// ``Options/backfill`` asks to post them, or ``Options/since`` says where to start.
///
/// ```swift
/// let syndicator = FeedSyndicator(poster: LedgeredPoster(ledger: ledger, poster: crossPoster))
/// let report = try await syndicator.run(posts, feed: "https://school.example/feed.xml", to: clients,
///                                       options: .init(since: lastWeek))
/// ```
///
/// An account that answers "rate limited" beyond the retry budget gets nothing more in this
/// run; its items are left for the next run, as are items beyond ``Options/limit``.
public struct FeedSyndicator: Sendable {
    /// What a run is asked to do.
    public struct Options: Sendable, Equatable {
        /// Record the current items as seen and post nothing.
        public var markSeen: Bool
        /// Post only items published (or, without a publication date, updated) at or after
        /// this time; older and undated items are recorded as seen.
        public var since: Date?
        /// The most items delivered in this run; nil for all.
        public var limit: Int?
        /// Post the feed's current items to accounts new to a known feed, instead of recording
        /// them as seen for those accounts (the default, so that adding an account does not flood it).
        public var backfill: Bool

        /// Creates options.
        public init(markSeen: Bool = false, since: Date? = nil, limit: Int? = nil, backfill: Bool = false) {
            self.markSeen = markSeen
            self.since = since
            self.limit = limit
            self.backfill = backfill
        }
    }

    /// One item of a run: its results per account.
    public struct Item: Sendable, Equatable {
        /// The post's id.
        public var postID: String
        /// Its title.
        public var title: String
        /// A result per account, in the clients' order; for an account skipped for this run
        /// (limit or rate limit), none.
        public var results: [LedgeredResult]
        /// The accounts this item still waits for: left for the next run by ``Options/limit``
        /// or a rate limit.
        public var deferred: [String]
    }

    /// Progress, as each item is done.
    public enum Progress: Sendable {
        /// The run is about to handle `total` items.
        case started(total: Int)
        /// Item `index` (from 1) of `total` is done.
        case item(Item, index: Int, total: Int)
    }

    /// What a run did.
    public struct Report: Sendable, Equatable {
        /// How the run went as a whole.
        public enum Status: Sendable, Equatable {
            /// The ledger has not seen this feed and neither `markSeen` nor `since` was given:
            /// nothing was posted or recorded.
            case notStarted
            /// `markSeen`: the current items were recorded as seen.
            case markedSeen
            /// Items were delivered (or there was nothing new).
            case delivered
        }

        /// The feed.
        public var feed: String
        /// How it went.
        public var status: Status
        /// The items in the feed.
        public var itemCount: Int
        /// The entries recorded as seen in this run.
        public var markedSeen: Int
        /// The accounts that had no entry for this known feed (as `network:account`): they
        /// start from now unless ``Options/backfill`` or ``Options/since`` was given.
        public var newAccounts: [String] = []
        /// Every item handled, oldest first (none for `notStarted` and `markedSeen`).
        public var items: [Item]

        /// Whether every item is settled on every account: nothing failed, nothing waits for a
        /// later run. Only then may a conditional fetch skip an unchanged feed next time.
        public var isComplete: Bool {
            items.allSatisfy { item in item.deferred.isEmpty && item.results.allSatisfy(\.isSettled) }
        }
    }

    /// Delivers and records.
    public var poster: LedgeredPoster

    /// Creates a syndicator.
    public init(poster: LedgeredPoster) {
        self.poster = poster
    }

    /// `posts` oldest first: by publication (or update) date when every post has one, else
    /// in reverse feed order (feeds list the newest first); repeated ids dropped.
    public static func oldestFirst(_ posts: [Post]) -> [Post] {
        var seen = Set<String>()
        let unique = posts.filter { seen.insert($0.id).inserted }
        let dated = unique.compactMap { post in (post.published ?? post.updated).map { (post, $0) } }
        guard dated.count == unique.count else { return unique.reversed() }
        // Stable: equal dates keep reverse feed order.
        return dated.reversed().enumerated()
            .sorted { $0.element.1 != $1.element.1 ? $0.element.1 < $1.element.1 : $0.offset < $1.offset }
            .map(\.element.0)
    }

    /// Runs `posts` (a feed's items) against the ledger and `clients`.
    ///
    /// - Parameters:
    ///   - posts: The feed's items, in feed order.
    ///   - feed: The feed's id (its URL or absolute file path).
    ///   - clients: The accounts to post to.
    ///   - options: Mark seen, since, limit.
    ///   - progress: Called as the run starts and after each item.
    /// - Throws: ``LedgerError`` when the ledger cannot be read or written before anything is
    ///   sent; a failure while delivering is reported per item instead.
    public func run(
        _ posts: [Post], feed: String, to clients: [any NetworkClient], options: Options,
        progress: @Sendable (Progress) async -> Void = { _ in }
    ) async throws(LedgerError) -> Report {
        let ledger = poster.ledger
        let now = poster.poster.environment.now()
        let ordered = Self.oldestFirst(posts)
        var report = Report(feed: feed, status: .delivered, itemCount: ordered.count, markedSeen: 0, items: [])
        let known = try await ledger.feed(feed)
        if known == nil && !options.markSeen && options.since == nil {
            report.status = .notStarted
            return report
        }
        var started = known ?? LedgerFeed(id: feed, startedAt: now)
        // Validators are kept only by a run that leaves nothing to do (the caller saves them).
        started.etag = nil
        started.lastModified = nil
        started.lastRunAt = now

        var candidates = ordered
        if options.markSeen || options.since != nil {
            let old: [Post]
            if options.markSeen {
                old = ordered
                candidates = []
            } else {
                let since = options.since ?? now
                old = ordered.filter { post in (post.published ?? post.updated).map { $0 < since } ?? true }
                let oldIDs = Set(old.map(\.id))
                candidates = ordered.filter { !oldIDs.contains($0.id) }
            }
            report.markedSeen = try await ledger.insertIfAbsent(seenEntries(old, feed: feed, clients: clients, now: now))
        }
        if let known, !options.markSeen {
            let history = try await ledger.entries(postID: nil, feed: known.id)
            report.newAccounts = Self.newAccounts(among: clients, history: history)
            if !report.newAccounts.isEmpty && !options.backfill && options.since == nil {
                // What the other accounts already have (or skipped) is old news to a newcomer;
                // an item no account has seen yet is announced to every account, newcomers too.
                let announced = Set(history.map(\.postID))
                let newcomers = clients.filter { report.newAccounts.contains(Self.name($0)) }
                report.markedSeen += try await ledger.insertIfAbsent(
                    seenEntries(ordered.filter { announced.contains($0.id) }, feed: feed, clients: newcomers, now: now))
            }
        }
        try await ledger.save(started)
        if options.markSeen {
            report.status = .markedSeen
            return report
        }

        await progress(.started(total: candidates.count))
        var delivered = 0
        var paused = Set<String>()   // accounts rate limited beyond the retry budget
        for (index, post) in candidates.enumerated() {
            let entries = try await ledger.entries(postID: post.id, feed: nil)
            var results: [LedgeredResult?] = []
            var waiting: [Int] = []   // indices into clients
            var deferred: [String] = []
            for (slot, client) in clients.enumerated() {
                results.append(nil)
                let entry = entries.first { $0.network == client.network && $0.account == client.account }
                if let entry, entry.state.isSettled {
                    results[slot] = LedgeredResult(
                        postID: post.id, network: client.network, account: client.account,
                        outcome: entry.state == .uncertain ? .uncertain(entry, newlyMarked: false) : .settled(entry))
                } else if paused.contains(Self.name(client)) {
                    deferred.append(Self.name(client))
                } else {
                    waiting.append(slot)
                }
            }
            if !waiting.isEmpty {
                if let limit = options.limit, delivered >= limit {
                    deferred += waiting.map { Self.name(clients[$0]) }
                } else {
                    delivered += 1
                    let sent = await poster.deliver(post, feed: feed, to: waiting.map { clients[$0] })
                    for (slot, result) in zip(waiting, sent) {
                        results[slot] = result
                        if result.delivery?.error?.category == .rateLimited { paused.insert(Self.name(clients[slot])) }
                    }
                }
            }
            let item = Item(postID: post.id, title: post.title, results: results.compactMap { $0 }, deferred: deferred)
            report.items.append(item)
            await progress(.item(item, index: index + 1, total: candidates.count))
        }
        return report
    }

    /// A `seen` entry for each of `posts` on each of `clients`.
    private func seenEntries(_ posts: [Post], feed: String, clients: [any NetworkClient], now: Date) -> [LedgerEntry] {
        posts.flatMap { post in
            clients.map { client in
                LedgerEntry(
                    key: LedgerEntry.Key(postID: post.id, network: client.network, account: client.account),
                    state: .seen, feed: feed, title: post.title, createdAt: now)
            }
        }
    }

    /// The names of `clients` that have no entry in `history` (a known feed's entries) while
    /// other accounts have (a feed started on an empty channel has none, and its first items
    /// are new to all).
    private static func newAccounts(among clients: [any NetworkClient], history: [LedgerEntry]) -> [String] {
        let recorded = Set(history.map { "\($0.network.rawValue):\($0.account)" })
        guard !recorded.isEmpty else { return [] }
        var names: [String] = []
        for client in clients where !recorded.contains(name(client)) && !names.contains(name(client)) {
            names.append(name(client))
        }
        return names
    }

    /// `mastodon:school`: the network's raw value and the account, as ``FeedSyndicator/Report/newAccounts`` and ``FeedSyndicator/Item/deferred`` name accounts.
    public static func name(_ client: any NetworkClient) -> String {
        "\(client.network.rawValue):\(client.account)"
    }
}
