import Foundation

/// How the ledger records a retraction or an edit, the same for every ``DeliveryLedger``.
///
/// Neither claims the entry: a delete or an edit is safe to repeat (a copy already gone counts
/// as deleted, an edit to the same text changes nothing), so a run that dies in the middle
/// leaves the entry as it was and the next run does it again. Each change applies only while
/// the entry still records the copy acted on, so a concurrent repost is never overwritten.
package enum LedgerRevisions {
    /// Marks the entry of `copy` retracted, or, `forRepost`, deleted for a repost: then its
    /// ``LedgerEntry/revision`` grows by one, the id every attempt of the repost is sent under.
    ///
    /// - Returns: Whether the entry still recorded `copy` (and is now so marked).
    @discardableResult
    package static func recordRetracted(_ copy: PostedCopy, in entry: inout LedgerEntry?, now: Date, forRepost: Bool = false) -> Bool {
        let state: LedgerEntry.State = forRepost ? .repostPending : .retracted
        guard var current = entry, current.copy?.remoteID == copy.remoteID else {
            return entry?.state == state && entry?.remoteID == copy.remoteID
        }
        current.state = state
        if forRepost { current.revision += 1 }
        current.error = nil
        current.errorCategory = nil
        current.owner = nil
        current.updatedAt = now
        entry = current
        return true
    }

    /// Records that `copy` now shows `payload` (whose hash is `payloadHash`), as `delivery` says.
    ///
    /// - Returns: Whether the entry still recorded `copy`.
    @discardableResult
    package static func recordEdited(
        _ copy: PostedCopy, as delivery: Delivery, payload: SharePayload, attempts: Int, in entry: inout LedgerEntry?, now: Date
    ) -> Bool {
        guard var current = entry, current.copy?.remoteID == copy.remoteID else { return false }
        current.payloadHash = LedgerClaims.payloadHash(payload)
        current.postedText = LedgerClaims.postedText(payload)
        current.url = delivery.url ?? current.url
        if !delivery.partIDs.isEmpty { current.partIDs = delivery.partIDs }
        if !delivery.mediaIDs.isEmpty { current.mediaIDs = delivery.mediaIDs }
        current.attempts += attempts
        current.error = nil
        current.errorCategory = nil
        current.updatedAt = now
        entry = current
        return true
    }
}
