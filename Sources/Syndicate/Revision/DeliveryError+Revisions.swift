import Foundation

extension DeliveryError {
    /// This error, for an edit of a copy the network no longer has: `what` says which (`post 12
    /// is no longer on the Page`), and the fix is to repost it. Nothing was changed.
    package func copyGone(_ what: String) -> DeliveryError {
        var error = self
        error.category = .invalidPayload
        error.mayHaveReachedNetwork = false
        error.message = what
        error.fix = "it was deleted on \(network.displayName): " + RevisionSupport.repostAdvice + "."
        return error
    }
}

extension PostedCopy {
    /// Throws `.unsupported` (the fix: repost) unless `payload` has as many parts as this copy,
    /// and only one when `singlePart`: the network edits a copy part by part, never into more
    /// or fewer parts.
    package func requireSameParts(as payload: SharePayload, singlePart: Bool = false) throws(DeliveryError) {
        let parts = payload.parts?.count ?? 1
        guard parts == allIDs.count, !singlePart || parts == 1 else {
            throw DeliveryError(
                .unsupported, network: network, account: account,
                message: "the new version has \(parts) part(s) and the copy on \(network.displayName) \(allIDs.count), so it cannot be edited in place",
                mayHaveReachedNetwork: false, fix: RevisionSupport.repostAdvice + ".")
        }
    }
}

extension NetworkExchange {
    /// The ``Delivery`` of `copy` after an edit: its ids and images as they were, at `url` when
    /// the network gave a new address.
    package func delivery(of copy: PostedCopy, url: URL? = nil) throws(DeliveryError) -> Delivery {
        var delivery = try self.delivery(remoteID: copy.remoteID, url: url ?? copy.url, partIDs: copy.partIDs)
        delivery.mediaIDs = copy.mediaIDs
        return delivery
    }
}
