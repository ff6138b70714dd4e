import Foundation

/// Stable identifiers for posts that have neither a guid nor a URL.
package enum StableID {
    /// The FNV-1a 64-bit digest of `parts`, as 16 lower-case hex digits.
    ///
    /// The parts are hashed as UTF-8, separated by a unit separator (U+001F) so that
    /// `("ab", "c")` and `("a", "bc")` differ. The same parts give the same digest on every
    /// platform and run (unlike `Hasher`, which is seeded per process).
    package static func digest(_ parts: String...) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        let prime: UInt64 = 0x0000_0100_0000_01b3
        for (index, part) in parts.enumerated() {
            if index > 0 {
                hash ^= 0x1F
                hash = hash &* prime
            }
            for byte in part.utf8 {
                hash ^= UInt64(byte)
                hash = hash &* prime
            }
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
