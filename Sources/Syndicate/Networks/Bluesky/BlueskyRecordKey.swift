import Foundation

/// The record key (`rkey`) of a Syndicate post on Bluesky: a TID, derived from the post rather
/// than the clock, so that a retried `createRecord` of the same post, account and thread part
/// collides with the record already written instead of posting it twice.
///
/// A TID is 64 bits written as 13 characters of base32-sortable (`234567abcdefghijklmnopqrstuvwxyz`):
/// a zero bit, 53 bits of microseconds since 1970 and 10 bits of "clock id". Here the seconds are
/// the post's publication time (a fixed 2023 date plus up to a year from the key's hash when it
/// has none), and the microseconds and clock id come from `IdempotencyKey`'s hash — so keys sort
/// roughly by publication, and two posts published in the same second still differ.
enum BlueskyRecordKey {
    /// The base32-sortable alphabet of TIDs.
    static let alphabet = Array("234567abcdefghijklmnopqrstuvwxyz")

    /// The record key of part `part` of `postID` on `account`.
    static func make(postID: String, account: String, part: Int, published: Date?) -> String {
        let key = IdempotencyKey.make(postID: postID, network: .bluesky, account: account, part: part)
        let first = UInt64(key.prefix(16), radix: 16) ?? 0
        let second = UInt64(key.dropFirst(16).prefix(16), radix: 16) ?? 0
        let latest: UInt64 = (1 << 53) / 1_000_000 - 1   // the last second a TID can hold
        let seconds: UInt64
        if let published, published.timeIntervalSince1970 >= 0 {
            seconds = min(UInt64(published.timeIntervalSince1970.rounded(.down)), latest)
        } else {
            seconds = 1_672_531_200 + second % (1 << 25)   // 2023-01-01 plus up to about a year
        }
        let microseconds = seconds * 1_000_000 + (first >> 10) % 1_000_000
        let value = (microseconds << 10 | first & 0x3FF) & (UInt64.max >> 1)
        return tid(value)
    }

    /// `value` as 13 base32-sortable characters.
    static func tid(_ value: UInt64) -> String {
        String((0..<13).map { index in alphabet[Int((value >> UInt64(60 - 5 * index)) & 31)] })
    }
}
