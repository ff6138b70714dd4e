import Foundation

/// What the ledger knows about one post on one account: whether it was posted, where, and
/// what happened on the way.
///
/// Entries are keyed by ``Key`` (post id, network, account). A delivery writes its entry twice:
/// ``State-swift.enum/pending`` before the request leaves, then the outcome after the answer, so
/// that a run that dies in between leaves a pending entry the next run recognises (see
/// ``LedgeredPoster``).
public struct LedgerEntry: Sendable, Equatable, Hashable, Codable {
    /// The entry's identity: one post on one account.
    public struct Key: Sendable, Equatable, Hashable, Codable, CustomStringConvertible {
        /// ``Post/id``.
        public var postID: String
        /// The network.
        public var network: SocialNetwork
        /// The account's name.
        public var account: String

        /// Creates a key.
        public init(postID: String, network: SocialNetwork, account: String) {
            self.postID = postID
            self.network = network
            self.account = account
        }

        /// `mastodon:school <post id>`.
        public var description: String { "\(network.rawValue):\(account) \(postID)" }
    }

    /// Where an entry stands.
    public enum State: String, Sendable, Equatable, Hashable, Codable, CaseIterable {
        /// A run claimed it and may be sending it now (or died doing so: see ``LedgerEntry/owner``).
        case pending
        /// Posted: ``LedgerEntry/remoteID`` and ``LedgerEntry/url`` say where.
        case posted
        /// The network said it already had the post (X's 403 duplicate, Mastodon's idempotency
        /// answer): nothing was posted again.
        case alreadyPosted = "already-posted"
        /// The last attempt failed in a way that certainly posted nothing; the next run tries
        /// again. ``LedgerEntry/error`` says why.
        case failed
        /// It may or may not have been posted (a run died mid-request, or a network without
        /// duplicate protection failed after the request may have arrived). Never re-sent
        /// automatically: check the account, then ``DeliveryLedger/forget(postID:network:account:)``
        /// the entry to post it again.
        case uncertain
        /// Recorded as already announced without posting (``FeedSyndicator/Options/markSeen``,
        /// or older than ``FeedSyndicator/Options/since``).
        case seen
        /// Posted, then deleted by ``LedgeredPoster/retract(postID:through:)``: never posted
        /// again, by a feed run, a second `post` or an update. ``LedgerEntry/remoteID`` and
        /// ``LedgerEntry/url`` still say where it was.
        case retracted
        /// Deleted by a repost (``LedgeredPoster/update(_:through:repost:)``) whose new version is
        /// not posted yet: the next repost posts it, under the same ``LedgerEntry/revision``, so
        /// that a repost that may have reached the network is not doubled; no feed run or
        /// `post` sends it.
        case repostPending = "repost-pending"

        /// Whether nothing more will be done for the entry by a feed run or a `post`: posted,
        /// already posted, seen, uncertain, retracted, or waiting for a repost.
        public var isSettled: Bool { self != .pending && self != .failed }
    }

    /// The post's id.
    public var postID: String
    /// The network.
    public var network: SocialNetwork
    /// The account's name.
    public var account: String
    /// Where it stands.
    public var state: State
    /// The feed the post came from (its URL or absolute file path), when it came from one.
    public var feed: String?
    /// The post's title, for people reading the ledger.
    public var title: String?
    /// The SHA-256 (hex) of the payload sent: its JSON with sorted keys.
    public var payloadHash: String?
    /// The `IdempotencyKey` the request carries.
    public var idempotencyKey: String?
    /// The network's id of the post, once posted.
    public var remoteID: String?
    /// The post's web address, once posted.
    public var url: URL?
    /// For a thread, the id of every part in order (the first is ``remoteID``); else empty.
    public var partIDs: [String]
    /// The network's ids of the images attached.
    public var mediaIDs: [String]
    /// The text of the version on the network (a thread's parts separated by blank lines):
    /// what was posted, or what the last edit made it.
    public var postedText: String?
    /// How many times the post was reposted (deleted, then posted again) on this account: 0
    /// for the first copy. Each repost is sent under its own id
    /// (``LedgeredPoster/deliveryID(of:revision:)``), so that no idempotency key or record key of
    /// a deleted copy is reused, while every attempt of one repost shares its key.
    public var revision: Int
    /// The last error (what happened and the fix), for failed and uncertain entries.
    public var error: String?
    /// The last error's category.
    public var errorCategory: DeliveryError.Category?
    /// The requests sent for this entry over every run.
    public var attempts: Int
    /// The run that claimed it, while pending.
    public var owner: LedgerOwner?
    /// When the entry was created.
    public var createdAt: Date
    /// When it last changed.
    public var updatedAt: Date

    /// Creates an entry.
    public init(
        key: Key, state: State, feed: String? = nil, title: String? = nil, payloadHash: String? = nil,
        idempotencyKey: String? = nil, remoteID: String? = nil, url: URL? = nil, error: String? = nil,
        errorCategory: DeliveryError.Category? = nil, attempts: Int = 0, owner: LedgerOwner? = nil,
        createdAt: Date, updatedAt: Date? = nil, partIDs: [String] = [], mediaIDs: [String] = [], postedText: String? = nil,
        revision: Int = 0
    ) {
        self.postID = key.postID
        self.network = key.network
        self.account = key.account
        self.state = state
        self.feed = feed
        self.title = title
        self.payloadHash = payloadHash
        self.idempotencyKey = idempotencyKey
        self.remoteID = remoteID
        self.url = url
        self.partIDs = partIDs
        self.mediaIDs = mediaIDs
        self.postedText = postedText
        self.revision = revision
        self.error = error
        self.errorCategory = errorCategory
        self.attempts = attempts
        self.owner = owner
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
    }

    /// The entry's key.
    public var key: Key { Key(postID: postID, network: network, account: account) }

    /// The copy on the network, when the entry says where one is: posted or already posted
    /// with the network's id.
    public var copy: PostedCopy? {
        guard state == .posted || state == .alreadyPosted, let remoteID, !remoteID.isEmpty else { return nil }
        // Part ids that do not start with the copy's id belong to an earlier copy.
        let parts = partIDs.first == remoteID ? partIDs : []
        return PostedCopy(network: network, account: account, remoteID: remoteID, partIDs: parts, url: url, mediaIDs: mediaIDs)
    }

    private enum CodingKeys: String, CodingKey {
        case postID, network, account, state, feed, title, payloadHash, idempotencyKey, remoteID, url, partIDs, mediaIDs
        case postedText, revision, error, errorCategory, attempts, owner, createdAt, updatedAt
    }

    /// Decodes an entry; `partIDs`, `mediaIDs`, `postedText` and `revision` may be absent (exports written
    /// before they existed).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        postID = try container.decode(String.self, forKey: .postID)
        network = try container.decode(SocialNetwork.self, forKey: .network)
        account = try container.decode(String.self, forKey: .account)
        state = try container.decode(State.self, forKey: .state)
        feed = try container.decodeIfPresent(String.self, forKey: .feed)
        title = try container.decodeIfPresent(String.self, forKey: .title)
        payloadHash = try container.decodeIfPresent(String.self, forKey: .payloadHash)
        idempotencyKey = try container.decodeIfPresent(String.self, forKey: .idempotencyKey)
        remoteID = try container.decodeIfPresent(String.self, forKey: .remoteID)
        url = try container.decodeIfPresent(URL.self, forKey: .url)
        partIDs = try container.decodeIfPresent([String].self, forKey: .partIDs) ?? []
        mediaIDs = try container.decodeIfPresent([String].self, forKey: .mediaIDs) ?? []
        postedText = try container.decodeIfPresent(String.self, forKey: .postedText)
        revision = try container.decodeIfPresent(Int.self, forKey: .revision) ?? 0
        error = try container.decodeIfPresent(String.self, forKey: .error)
        errorCategory = try container.decodeIfPresent(DeliveryError.Category.self, forKey: .errorCategory)
        attempts = try container.decode(Int.self, forKey: .attempts)
        owner = try container.decodeIfPresent(LedgerOwner.self, forKey: .owner)
        createdAt = try container.decode(Date.self, forKey: .createdAt)
        updatedAt = try container.decode(Date.self, forKey: .updatedAt)
    }
}
