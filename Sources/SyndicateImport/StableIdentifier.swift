import Foundation

/// The FNV-1a 64-bit digest the core's `StableID` computes, for the Markdown importer's ids
/// (the core keeps its helper internal; both must stay the same algorithm).
enum StableIdentifier {
    /// The FNV-1a 64-bit digest of `parts` joined by U+001F, as 16 lower-case hex digits.
    static func digest(_ parts: String...) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        let prime: UInt64 = 0x0000_0100_0000_01b3
        for byte in parts.joined(separator: "\u{1F}").utf8 {
            hash ^= UInt64(byte)
            hash = hash &* prime
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
