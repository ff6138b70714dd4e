/// Counting user-perceived characters (extended grapheme clusters), as `String.count` does,
/// without its cost on the common all-ASCII text.
enum GraphemeCount {
    /// The number of grapheme clusters in `text`; equal to `text.count`.
    ///
    /// In ASCII every character is a cluster of its own except a carriage return followed by a
    /// line feed, which is one (Unicode's rule GB3); such text is counted from its bytes in one
    /// pass. Any other text is counted by the standard library.
    static func of(_ text: String) -> Int {
        let asciiCount = text.utf8.withContiguousStorageIfAvailable { bytes -> Int? in
            var count = bytes.count
            var previous: UInt8 = 0
            for byte in bytes {
                if byte >= 0x80 { return nil }
                if byte == 0x0A, previous == 0x0D { count -= 1 }
                previous = byte
            }
            return count
        }
        return (asciiCount ?? nil) ?? text.count
    }
}
