import Foundation
import GRDB
import Syndicate

/// The ledger remembers uploaded images until they expire, so that a delivery retried in a
/// later run (after a crash, or a failure after the upload) attaches the image the network
/// already has instead of uploading it again. Set it as ``ImagePipeline/uploads``.
///
/// Best effort by design: a ledger opened read-only, or one that cannot be written at the
/// moment, remembers nothing, and the image is uploaded again (the network discards the
/// unattached copy when it expires).
extension SQLiteLedger: MediaUploadMemory {
    public func mediaID(for key: MediaUploadKey, at now: Date) async -> String? {
        try? await queue.read { db -> String? in
            guard try db.tableExists("uploaded_media") else { return nil }
            return try String.fetchOne(
                db,
                sql: """
                    SELECT media_id FROM uploaded_media
                    WHERE post_id = ? AND network = ? AND account = ? AND digest = ? AND expires_at > ?
                    """,
                arguments: [key.postID, key.network.rawValue, key.account, key.digest, now.timeIntervalSince1970])
        }
    }

    public func remember(_ id: String, for key: MediaUploadKey, until expiry: Date) async {
        _ = try? await queue.write { db in
            guard !db.configuration.readonly, try db.tableExists("uploaded_media") else { return }
            try db.execute(sql: "DELETE FROM uploaded_media WHERE expires_at <= ?", arguments: [Date().timeIntervalSince1970])
            try db.execute(
                sql: """
                    INSERT OR REPLACE INTO uploaded_media (post_id, network, account, digest, media_id, expires_at)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """,
                arguments: [key.postID, key.network.rawValue, key.account, key.digest, id, expiry.timeIntervalSince1970])
        }
    }
}
