import Foundation
import GRDB
import Syndicate

/// A ``DeliveryLedger`` in an SQLite file (WAL mode), shared safely by every process that opens
/// the same path.
///
/// Each ``update(_:_:)`` is one `BEGIN IMMEDIATE` transaction, so two processes claiming the
/// same post never both win: the second waits (up to ``Configuration/busyTimeout``) and then
/// sees the first one's claim. The file is the CLI's default ledger,
/// `~/.syndicate/ledger.sqlite`.
///
/// ```swift
/// let ledger = try SQLiteLedger(path: "~/.syndicate/ledger.sqlite")
/// let poster = LedgeredPoster(ledger: ledger, poster: CrossPoster(environment: environment))
/// ```
///
/// A file that is not a Syndicate ledger (another SQLite database, a damaged one, random bytes,
/// text) is refused with ``LedgerError`` `.corrupt` naming the path, and never written to:
/// the header is checked before SQLite opens it, the schema and integrity before anything is
/// written.
public final class SQLiteLedger: DeliveryLedger {
    /// How the ledger waits and opens.
    public struct Configuration: Sendable {
        /// How long a transaction waits for another process's to finish before
        /// ``LedgerError/Kind-swift.enum/busy``.
        public var busyTimeout: Duration
        /// Open without ever writing (for `ledger list`, `ledger export` and dry runs).
        public var readOnly: Bool

        /// Creates a configuration: ten seconds' wait, read-write.
        public init(busyTimeout: Duration = .seconds(10), readOnly: Bool = false) {
            self.busyTimeout = busyTimeout
            self.readOnly = readOnly
        }
    }

    /// The file's path, tilde expanded.
    public let path: String
    let queue: DatabaseQueue
    /// False for a read-only ledger whose file holds no tables yet (an empty file).
    private let hasTables: Bool

    /// The first 16 bytes of every SQLite 3 database.
    static let header = Data("SQLite format 3\u{0}".utf8)

    /// Opens the ledger at `path`, creating the file (and its folder) when it does not exist.
    ///
    /// - Throws: ``LedgerError``: `.corrupt` for a file that is not a Syndicate ledger,
    ///   `.unreadable` when the file or folder cannot be read or created, `.newerVersion` for a
    ///   ledger written by a newer Syndicate.
    public convenience init(path: String, configuration: Configuration = Configuration()) throws(LedgerError) {
        let expanded = Self.expandingTilde(path)
        let exists = try Self.checkFile(at: expanded)
        if !exists {
            if configuration.readOnly {
                throw LedgerError(
                    .unreadable, path: expanded, message: "there is no ledger file here",
                    fix: "check the path; opening it without readOnly creates it.")
            }
            let folder = URL(fileURLWithPath: expanded).deletingLastPathComponent()
            do {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            } catch {
                throw LedgerError(
                    .unreadable, path: expanded, message: "its folder cannot be created (\(error.localizedDescription))",
                    fix: "create \(folder.path) or choose another path.")
            }
        }
        try self.init(validatedPath: expanded, configuration: configuration)
    }

    /// Opens the ledger at `path` when a file is there; nil (and no file created) when not.
    ///
    /// - Throws: ``LedgerError`` as ``init(path:configuration:)`` does.
    public static func existing(path: String, configuration: Configuration = Configuration(readOnly: true)) throws(LedgerError) -> SQLiteLedger? {
        let expanded = Self.expandingTilde(path)
        guard try checkFile(at: expanded) else { return nil }
        return try SQLiteLedger(validatedPath: expanded, configuration: configuration)
    }

    private init(validatedPath path: String, configuration: Configuration) throws(LedgerError) {
        self.path = path
        var config = GRDB.Configuration()
        config.readonly = configuration.readOnly
        config.journalMode = .default   // WAL is switched on below, once the file is known to be ours
        config.busyMode = .timeout(LedgerClaimsTime.seconds(configuration.busyTimeout))
        config.label = "SyndicateLedger"
        let queue: DatabaseQueue
        do {
            queue = try DatabaseQueue(path: path, configuration: config)
        } catch {
            throw Self.ledgerError(error, path: path)
        }
        self.queue = queue
        let readOnly = configuration.readOnly
        do {
            hasTables = try queue.writeWithoutTransaction { db -> Bool in
                // Look before writing anything: a file that is not ours is left untouched.
                let tables = try String.fetchSet(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
                if !tables.isEmpty {
                    guard tables.contains("entries"), tables.contains("feeds") else { throw NotALedger(tables: tables.sorted()) }
                    let check = try String.fetchAll(db, sql: "PRAGMA quick_check")
                    guard check == ["ok"] else { throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: check.joined(separator: "; ")) }
                    if try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0 > Self.schemaVersion { throw NewerLedger() }
                }
                guard !readOnly else { return !tables.isEmpty }
                try Self.switchToWAL(db)
                try db.execute(sql: "PRAGMA synchronous = NORMAL")
                // Create the schema in one immediate transaction, so that two processes opening a
                // new ledger at once see either nothing or all of it.
                try db.inTransaction(.immediate) {
                    let tables = try String.fetchSet(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
                    if tables.isEmpty {
                        try db.execute(sql: Self.schema)
                        try db.execute(sql: "PRAGMA user_version = \(Self.schemaVersion)")
                    } else if !tables.contains("entries") || !tables.contains("feeds") {
                        throw NotALedger(tables: tables.sorted())
                    } else if try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0 < Self.schemaVersion {
                        try Self.migrate(db)
                    }
                    return .commit
                }
                return true
            }
        } catch let error as NotALedger {
            throw LedgerError(
                .corrupt, path: path,
                message: "this SQLite database is not a Syndicate ledger (its tables: \(error.tables.joined(separator: ", ")))",
                fix: "open a Syndicate ledger or a new path instead; this file was left as it is.")
        } catch is NewerLedger {
            throw LedgerError(
                .newerVersion, path: path, message: "a newer Syndicate wrote this ledger",
                fix: "use a newer Syndicate; this file was left as it is.")
        } catch {
            throw Self.ledgerError(error, path: path)
        }
    }

    private struct NotALedger: Error { var tables: [String] }
    private struct NewerLedger: Error {}

    /// Checks what is at `path` without letting SQLite touch it.
    ///
    /// - Returns: Whether a file is there (an empty file counts as no ledger yet).
    static func checkFile(at path: String) throws(LedgerError) -> Bool {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { return false }
        guard !isFolder.boolValue else {
            throw LedgerError(.unreadable, path: path, message: "this is a folder, not a ledger file", fix: "give the path of a file, such as \(path)/ledger.sqlite.")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw LedgerError(
                .unreadable, path: path, message: "the file cannot be read",
                fix: "check its permissions (the user running this program must read and write it and its folder).")
        }
        defer { try? handle.close() }
        let start = (try? handle.read(upToCount: header.count)) ?? Data()
        if start.isEmpty { return false }
        guard start == header else {
            let shown = String(decoding: start.prefix(16).map { (32...126).contains($0) ? $0 : UInt8(ascii: ".") }, as: UTF8.self)
            throw LedgerError(
                .corrupt, path: path,
                message: "the file is not an SQLite database (it starts with \"\(shown)\")",
                fix: "move it aside to start a new ledger (every feed then starts again: FeedSyndicator.Options.markSeen or since), or open the right file; Syndicate leaves this file as it is.")
        }
        return true
    }

    static func ledgerError(_ error: any Error, path: String) -> LedgerError {
        guard let error = error as? DatabaseError else {
            return LedgerError(.failed, path: path, message: "\(error)", fix: "check the file and run again.")
        }
        let message = error.message ?? "\(error.resultCode)"
        switch error.resultCode.primaryResultCode {
        case .SQLITE_CORRUPT, .SQLITE_NOTADB:
            return LedgerError(
                .corrupt, path: path, message: "the ledger is damaged (SQLite: \(message))",
                fix: "move it aside to start a new ledger (every feed then starts again: FeedSyndicator.Options.markSeen or since), or restore it from a backup; Syndicate leaves this file as it is.")
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return LedgerError(
                .busy, path: path, message: "another process held the ledger too long (SQLite: \(message))",
                fix: "try again when the other process has finished with it.")
        case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_READONLY, .SQLITE_IOERR, .SQLITE_AUTH, .SQLITE_FULL:
            return LedgerError(
                .unreadable, path: path, message: "the ledger cannot be read or written (SQLite: \(message))",
                fix: "check the permissions of the file and its folder, and the free space.")
        default:
            return LedgerError(.failed, path: path, message: "SQLite: \(message)", fix: "check the file and run again.")
        }
    }

    // MARK: Schema

    /// The schema's version, kept in `PRAGMA user_version`: 1 had `entries` and `feeds`; 2 adds
    /// `uploaded_media`; 3 adds the entries' `part_ids`, `media_ids`, `posted_text` and `revision` (for
    /// retracting and updating what was posted).
    static let schemaVersion = 3

    /// The columns version 3 adds to `entries`.
    static let revisionColumns = """
                    ALTER TABLE entries ADD COLUMN part_ids TEXT;
                    ALTER TABLE entries ADD COLUMN media_ids TEXT;
                    ALTER TABLE entries ADD COLUMN posted_text TEXT;
                    ALTER TABLE entries ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
                    """

    /// The images uploaded but perhaps not yet attached, so that a retry in a later run reuses them.
    static let uploadedMediaTable = """
                    CREATE TABLE IF NOT EXISTS uploaded_media (
                        post_id TEXT NOT NULL,
                        network TEXT NOT NULL,
                        account TEXT NOT NULL,
                        digest TEXT NOT NULL,
                        media_id TEXT NOT NULL,
                        expires_at REAL NOT NULL,
                        PRIMARY KEY (post_id, network, account, digest)
                    );
                    """

    /// Brings an older ledger up to ``schemaVersion`` inside the caller's transaction.
    static func migrate(_ db: Database) throws {
        let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
        if version < 2 { try db.execute(sql: uploadedMediaTable) }
        if version < 3 {
            let existing = try Row.fetchAll(db, sql: "PRAGMA table_info(entries)").map { row -> String in row["name"] }
            if !existing.contains("part_ids") { try db.execute(sql: revisionColumns) }
        }
        try db.execute(sql: "PRAGMA user_version = \(schemaVersion)")
    }

    /// The tables of a new ledger.
    static let schema = """
                    CREATE TABLE entries (
                        post_id TEXT NOT NULL,
                        network TEXT NOT NULL,
                        account TEXT NOT NULL,
                        state TEXT NOT NULL,
                        feed TEXT,
                        title TEXT,
                        payload_hash TEXT,
                        idempotency_key TEXT,
                        remote_id TEXT,
                        url TEXT,
                        error TEXT,
                        error_category TEXT,
                        attempts INTEGER NOT NULL DEFAULT 0,
                        owner_host TEXT,
                        owner_pid INTEGER,
                        owner_process_start TEXT,
                        owner_run TEXT,
                        owner_claimed_at REAL,
                        created_at REAL NOT NULL,
                        updated_at REAL NOT NULL,
                        part_ids TEXT,
                        media_ids TEXT,
                        posted_text TEXT,
                        revision INTEGER NOT NULL DEFAULT 0,
                        PRIMARY KEY (post_id, network, account)
                    );
                    CREATE INDEX entries_feed ON entries (feed);
                    CREATE TABLE feeds (
                        id TEXT PRIMARY KEY NOT NULL,
                        etag TEXT,
                        last_modified TEXT,
                        started_at REAL NOT NULL,
                        last_run_at REAL
                    );
                    """ + uploadedMediaTable

    /// Switches to WAL, waiting (bounded) while another process holds the file: SQLite answers
    /// a journal-mode change with SQLITE_BUSY at once instead of calling the busy handler.
    static func switchToWAL(_ db: Database) throws {
        for attempt in 1...200 {
            do {
                let mode = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
                if mode?.lowercased() == "wal" || attempt == 200 { return }
            } catch let error as DatabaseError where error.resultCode.primaryResultCode == .SQLITE_BUSY && attempt < 200 {
                // Another process is switching or writing; try again shortly.
            }
            usleep(25_000)
        }
    }

    static let columns =
        "post_id, network, account, state, feed, title, payload_hash, idempotency_key, remote_id, url, error, error_category, attempts, owner_host, owner_pid, owner_process_start, owner_run, owner_claimed_at, created_at, updated_at, part_ids, media_ids, posted_text, revision"
    /// One `?` per column of ``columns``.
    static let columnMarks = Array(repeating: "?", count: 24).joined(separator: ", ")

    /// The entry of a row of `SELECT * FROM entries`; the columns of a later schema read as
    /// NULL in an older ledger opened read-only (which is never migrated).
    static func entry(from row: Row) -> LedgerEntry? {
        guard let network = SocialNetwork(rawValue: row["network"]), let state = LedgerEntry.State(rawValue: row["state"]) else {
            return nil
        }
        var owner: LedgerOwner?
        if let host: String = row["owner_host"], let pid: Int32 = row["owner_pid"], let run: String = row["owner_run"] {
            owner = LedgerOwner(
                host: host, pid: pid, processStart: row["owner_process_start"], run: run,
                claimedAt: Date(timeIntervalSince1970: row["owner_claimed_at"] ?? 0))
        }
        let category: String? = row["error_category"]
        let url: String? = row["url"]
        return LedgerEntry(
            key: LedgerEntry.Key(postID: row["post_id"], network: network, account: row["account"]), state: state,
            feed: row["feed"], title: row["title"], payloadHash: row["payload_hash"], idempotencyKey: row["idempotency_key"],
            remoteID: row["remote_id"], url: url.flatMap(URL.init(string:)), error: row["error"],
            errorCategory: category.flatMap(DeliveryError.Category.init(rawValue:)), attempts: row["attempts"], owner: owner,
            createdAt: Date(timeIntervalSince1970: row["created_at"]), updatedAt: Date(timeIntervalSince1970: row["updated_at"]),
            partIDs: idList(row["part_ids"]), mediaIDs: idList(row["media_ids"]), postedText: row["posted_text"],
            revision: row["revision"] ?? 0)
    }

    /// A list of ids as the ledger stores it: a JSON array, NULL when empty.
    static func idText(_ ids: [String]) -> String? {
        guard !ids.isEmpty, let data = try? JSONEncoder().encode(ids) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    /// The ids stored by ``idText(_:)``; empty for NULL or anything unreadable.
    static func idList(_ text: String?) -> [String] {
        guard let text, let ids = try? JSONDecoder().decode([String].self, from: Data(text.utf8)) else { return [] }
        return ids
    }

    static func arguments(_ entry: LedgerEntry) -> StatementArguments {
        [
            entry.postID, entry.network.rawValue, entry.account, entry.state.rawValue, entry.feed, entry.title,
            entry.payloadHash, entry.idempotencyKey, entry.remoteID, entry.url?.absoluteString, entry.error,
            entry.errorCategory?.rawValue, entry.attempts, entry.owner?.host, entry.owner.map { Int64($0.pid) },
            entry.owner?.processStart, entry.owner?.run, entry.owner?.claimedAt.timeIntervalSince1970,
            entry.createdAt.timeIntervalSince1970, entry.updatedAt.timeIntervalSince1970, idText(entry.partIDs),
            idText(entry.mediaIDs), entry.postedText, entry.revision,
        ]
    }

    static func fetch(_ db: Database, _ key: LedgerEntry.Key) throws -> LedgerEntry? {
        let row = try Row.fetchOne(
            db, sql: "SELECT * FROM entries WHERE post_id = ? AND network = ? AND account = ?",
            arguments: [key.postID, key.network.rawValue, key.account])
        return row.flatMap(entry(from:))
    }

    static func write(_ db: Database, _ entry: LedgerEntry) throws {
        try db.execute(sql: "INSERT OR REPLACE INTO entries (\(columns)) VALUES (\(columnMarks))", arguments: arguments(entry))
    }

    // MARK: DeliveryLedger

    private func readOnlyError() -> LedgerError {
        LedgerError(.unreadable, path: path, message: "the ledger was opened read-only", fix: "open it without readOnly to record.")
    }

    public func update<Result: Sendable>(
        _ key: LedgerEntry.Key, _ change: @escaping @Sendable (inout LedgerEntry?) -> Result
    ) async throws(LedgerError) -> Result {
        let hasTables = hasTables
        do {
            return try await queue.writeWithoutTransaction { db -> Result in
                if db.configuration.readonly {
                    var entry = hasTables ? try Self.fetch(db, key) : nil
                    let before = entry
                    let result = change(&entry)
                    guard entry == before else { throw ReadOnly() }
                    return result
                }
                var result: Result?
                try db.inTransaction(.immediate) {
                    var entry = try Self.fetch(db, key)
                    let before = entry
                    result = change(&entry)
                    if entry != before {
                        if let entry {
                            try Self.write(db, entry)
                        } else {
                            try db.execute(
                                sql: "DELETE FROM entries WHERE post_id = ? AND network = ? AND account = ?",
                                arguments: [key.postID, key.network.rawValue, key.account])
                        }
                    }
                    return .commit
                }
                // inTransaction runs the block once or throws; a typed error, never a trap, if not.
                guard let result else {
                    throw DatabaseError(message: "the transaction ended without applying the change")
                }
                return result
            }
        } catch is ReadOnly {
            throw readOnlyError()
        } catch {
            throw Self.ledgerError(error, path: path)
        }
    }

    private struct ReadOnly: Error {}

    public func insertIfAbsent(_ entries: [LedgerEntry]) async throws(LedgerError) -> Int {
        guard !entries.isEmpty else { return 0 }
        do {
            return try await queue.writeWithoutTransaction { db -> Int in
                if db.configuration.readonly { throw ReadOnly() }
                var inserted = 0
                try db.inTransaction(.immediate) {
                    let statement = try db.makeStatement(sql: "INSERT OR IGNORE INTO entries (\(Self.columns)) VALUES (\(Self.columnMarks))")
                    for entry in entries {
                        try statement.execute(arguments: Self.arguments(entry))
                        inserted += db.changesCount
                    }
                    return .commit
                }
                return inserted
            }
        } catch is ReadOnly {
            throw readOnlyError()
        } catch {
            throw Self.ledgerError(error, path: path)
        }
    }

    public func entries(postID: String?, feed: String?) async throws(LedgerError) -> [LedgerEntry] {
        guard hasTables else { return [] }
        do {
            return try await queue.read { db in
                var conditions: [String] = []
                var arguments: StatementArguments = []
                if let postID {
                    conditions.append("post_id = ?")
                    arguments += [postID]
                }
                if let feed {
                    conditions.append("feed = ?")
                    arguments += [feed]
                }
                let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
                return try Row.fetchAll(
                    db, sql: "SELECT * FROM entries \(filter) ORDER BY created_at, rowid", arguments: arguments
                ).compactMap(Self.entry(from:))
            }
        } catch {
            throw Self.ledgerError(error, path: path)
        }
    }

    public func forget(postID: String, network: SocialNetwork?, account: String?) async throws(LedgerError) -> Int {
        guard hasTables else { return 0 }
        do {
            return try await queue.writeWithoutTransaction { db -> Int in
                if db.configuration.readonly { throw ReadOnly() }
                var removed = 0
                try db.inTransaction(.immediate) {
                    var sql = "DELETE FROM entries WHERE post_id = ?"
                    var arguments: StatementArguments = [postID]
                    if let network {
                        sql += " AND network = ?"
                        arguments += [network.rawValue]
                    }
                    if let account {
                        sql += " AND account = ?"
                        arguments += [account]
                    }
                    try db.execute(sql: sql, arguments: arguments)
                    removed = db.changesCount
                    return .commit
                }
                return removed
            }
        } catch is ReadOnly {
            throw readOnlyError()
        } catch {
            throw Self.ledgerError(error, path: path)
        }
    }

    public func feed(_ id: String) async throws(LedgerError) -> LedgerFeed? {
        guard hasTables else { return nil }
        do {
            return try await queue.read { db in
                guard let row = try Row.fetchOne(db, sql: "SELECT * FROM feeds WHERE id = ?", arguments: [id]) else { return nil }
                let lastRun: Double? = row["last_run_at"]
                return LedgerFeed(
                    id: row["id"], etag: row["etag"], lastModified: row["last_modified"],
                    startedAt: Date(timeIntervalSince1970: row["started_at"]),
                    lastRunAt: lastRun.map(Date.init(timeIntervalSince1970:)))
            }
        } catch {
            throw Self.ledgerError(error, path: path)
        }
    }

    public func save(_ feed: LedgerFeed) async throws(LedgerError) {
        do {
            try await queue.writeWithoutTransaction { db in
                if db.configuration.readonly { throw ReadOnly() }
                try db.inTransaction(.immediate) {
                    try db.execute(
                        sql: "INSERT OR REPLACE INTO feeds (id, etag, last_modified, started_at, last_run_at) VALUES (?, ?, ?, ?, ?)",
                        arguments: [
                            feed.id, feed.etag, feed.lastModified, feed.startedAt.timeIntervalSince1970,
                            feed.lastRunAt?.timeIntervalSince1970,
                        ])
                    return .commit
                }
            }
        } catch is ReadOnly {
            throw readOnlyError()
        } catch {
            throw Self.ledgerError(error, path: path)
        }
    }

    /// `path` with a leading `~` replaced by the home folder: `$HOME` when set (so that tests and
    /// services can move it), else the account's.
    public static func expandingTilde(_ path: String) -> String {
        guard path == "~" || path.hasPrefix("~/") else { return path }
        let home = ProcessInfo.processInfo.environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return home + path.dropFirst()
    }

    /// The SQLite journal mode in use (`wal` for a writable ledger).
    public func journalMode() async throws(LedgerError) -> String {
        do {
            return try await queue.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? "" }
        } catch {
            throw Self.ledgerError(error, path: path)
        }
    }
}

/// Duration arithmetic the ledger needs.
enum LedgerClaimsTime {
    static func seconds(_ duration: Duration) -> TimeInterval {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
