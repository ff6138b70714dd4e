import Foundation

/// Identifiers derived from content, identical on every run and every platform.
enum StableID {
    /// A 64-bit FNV-1a hash of the UTF-8 bytes of `text`, as 16 lowercase hex digits.
    ///
    /// Used as a post's `id` when the source gives neither a guid nor a URL. Not a
    /// cryptographic hash: it identifies, it does not protect.
    static func digest(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
