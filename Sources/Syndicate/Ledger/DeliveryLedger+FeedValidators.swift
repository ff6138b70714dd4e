import Foundation

extension DeliveryLedger {
    /// The validators to send when fetching `feed` with a ``FeedFetcher``: those the ledger
    /// kept, unless an entry of the feed still waits for a retry (failed or pending), since a
    /// `304 Not Modified` would then hide its item; nil when none are to be sent.
    ///
    /// ```swift
    /// if let validators = try await ledger.feedValidators(for: feedURL.absoluteString) {
    ///     await fetcher.remember(validators, for: feedURL)
    /// }
    /// ```
    public func feedValidators(for feed: String) async throws(LedgerError) -> FeedFetcher.Validators? {
        guard let record = try await self.feed(feed) else { return nil }
        let validators = FeedFetcher.Validators(etag: record.etag, lastModified: record.lastModified)
        guard !validators.isEmpty else { return nil }
        if try await entries(postID: nil, feed: feed).contains(where: { !$0.state.isSettled }) { return nil }
        return validators
    }

    /// Keeps `validators` (the fetch's) with the record of `report`'s feed when the run left
    /// nothing to do (``FeedSyndicator/Report/isComplete``), so that the next fetch may be
    /// answered `304`; otherwise keeps none, so that the next run reads the feed again.
    ///
    /// - Returns: Whether they were kept (false too when the feed has no record: a run that
    ///   was not started).
    @discardableResult
    public func keepFeedValidators(_ validators: FeedFetcher.Validators, after report: FeedSyndicator.Report)
        async throws(LedgerError) -> Bool
    {
        guard report.status == .delivered, report.isComplete, var record = try await feed(report.feed) else { return false }
        record.etag = validators.etag
        record.lastModified = validators.lastModified
        try await save(record)
        return true
    }
}
