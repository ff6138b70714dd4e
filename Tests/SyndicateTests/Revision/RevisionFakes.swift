import Foundation
import Syndicate

/// A network in memory: the posts it holds, by id, and every call made to it.
actor FakeNetworkState {
    private(set) var posts: [String: String] = [:]
    private(set) var calls: [String] = []
    /// The post id each delivery (failed ones too) was given, in order.
    private(set) var deliveredPostIDs: [String] = []
    private var nextID = 1
    /// Errors the next calls of a kind (`deliver`, `retract`, `edit`) throw, in order.
    private var scripted: [String: [DeliveryError]] = [:]

    func script(_ error: DeliveryError, for kind: String) {
        scripted[kind, default: []].append(error)
    }

    func failure(for kind: String) -> DeliveryError? {
        guard var queue = scripted[kind], !queue.isEmpty else { return nil }
        let first = queue.removeFirst()
        scripted[kind] = queue
        return first
    }

    func attempt(_ postID: String) {
        deliveredPostIDs.append(postID)
    }

    func create(_ texts: [String], postID: String) -> [String] {
        calls.append("deliver")
        return texts.map { text in
            let id = "id-\(nextID)"
            nextID += 1
            posts[id] = text
            return id
        }
    }

    func delete(_ id: String) {
        calls.append("retract \(id)")
        posts[id] = nil
    }

    /// Whether `id` was there to edit.
    func edit(_ id: String, to text: String) -> Bool {
        calls.append("edit \(id)")
        guard posts[id] != nil else { return false }
        posts[id] = text
        return true
    }
}

/// A client over a ``FakeNetworkState`` with the revision support it is given.
struct RevisingClient: NetworkClient {
    let network: SocialNetwork
    let account = "default"
    let duplicateProtection = DuplicateProtection.idempotencyKey
    var secrets: [String] { [] }
    let revisionSupport: RevisionSupport
    let state: FakeNetworkState

    init(_ network: SocialNetwork = .mastodon, support: RevisionSupport = .deleteAndEdit, state: FakeNetworkState = FakeNetworkState()) {
        self.network = network
        self.revisionSupport = support
        self.state = state
    }

    func deliver(_ payload: SharePayload, of post: Post) async throws(DeliveryError) -> Delivery {
        await state.attempt(post.id)
        if let error = await state.failure(for: "deliver") { throw error }
        let ids = await state.create(payload.parts?.map(\.text) ?? [payload.text], postID: post.id)
        return Delivery(network: network, account: account, remoteID: ids[0], url: URL(string: "https://fake.example/\(ids[0])"), partIDs: ids.count > 1 ? ids : [])
    }

    func retract(_ copy: PostedCopy) async throws(DeliveryError) {
        if let error = await state.failure(for: "retract") { throw error }
        for id in copy.allIDs.reversed() { await state.delete(id) }
    }

    func edit(_ copy: PostedCopy, to payload: SharePayload, of post: Post) async throws(DeliveryError) -> Delivery {
        if let error = await state.failure(for: "edit") { throw error }
        let texts = payload.parts?.map(\.text) ?? [payload.text]
        guard texts.count == copy.allIDs.count else {
            throw DeliveryError(.unsupported, network: network, account: account, message: "the parts changed", fix: RevisionSupport.repostAdvice)
        }
        for (id, text) in zip(copy.allIDs, texts) where !(await state.edit(id, to: text)) {
            throw DeliveryError(.invalidPayload, network: network, account: account, message: "\(id) is gone")
        }
        return Delivery(network: network, account: account, remoteID: copy.remoteID, url: copy.url, partIDs: copy.partIDs)
    }
}

/// A ledger whose writes fail while `failing` is set (reads always work).
final class FailingWritesLedger: DeliveryLedger, @unchecked Sendable {
    let base = InMemoryLedger()
    private let lock = NSLock()
    private var _failing = false
    var failing: Bool {
        get { lock.withLock { _failing } }
        set { lock.withLock { _failing = newValue } }
    }

    func update<Result: Sendable>(
        _ key: LedgerEntry.Key, _ change: @escaping @Sendable (inout LedgerEntry?) -> Result
    ) async throws(LedgerError) -> Result {
        let failing = failing
        let (result, changed) = try await base.update(key) { entry -> (Result, Bool) in
            var copy = entry
            let result = change(&copy)
            let changed = copy != entry
            if !failing { entry = copy }
            return (result, changed)
        }
        if failing && changed { throw LedgerError(.busy, path: "memory", message: "scripted write failure", fix: "run again.") }
        return result
    }

    func insertIfAbsent(_ entries: [LedgerEntry]) async throws(LedgerError) -> Int { try await base.insertIfAbsent(entries) }
    func entries(postID: String?, feed: String?) async throws(LedgerError) -> [LedgerEntry] { try await base.entries(postID: postID, feed: feed) }
    func forget(postID: String, network: SocialNetwork?, account: String?) async throws(LedgerError) -> Int {
        try await base.forget(postID: postID, network: network, account: account)
    }
    func feed(_ id: String) async throws(LedgerError) -> LedgerFeed? { try await base.feed(id) }
    func save(_ feed: LedgerFeed) async throws(LedgerError) { try await base.save(feed) }
}
