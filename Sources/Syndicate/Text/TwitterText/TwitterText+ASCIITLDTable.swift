extension TwitterText {
    /// The ASCII TLDs (generic and country) in an open-addressing hash table keyed by their
    /// lower-cased bytes, so a lookup on UTF-16 units allocates nothing.
    ///
    /// A key packs up to 24 ASCII bytes into three words, eight per word; TLDs are at most 18
    /// ASCII letters, so every ASCII TLD fits. Non-ASCII TLDs (IDNs, `vermögensberatung`) are
    /// not in the table; lookups that meet a non-ASCII unit go through the `String` sets.
    struct ASCIITLDTable {
        /// A lower-cased ASCII label of 1–24 bytes, packed little-endian; unused bytes are zero.
        struct Key: Equatable {
            var words: (UInt64, UInt64, UInt64) = (0, 0, 0)

            /// The empty key, which marks a free slot.
            init() {}

            static func == (lhs: Key, rhs: Key) -> Bool {
                lhs.words.0 == rhs.words.0 && lhs.words.1 == rhs.words.1 && lhs.words.2 == rhs.words.2
            }

            /// The key of the ASCII letters and digits `units[range]`, lower-cased; nil when the
            /// range is empty, longer than ``maxLength`` or holds anything else.
            init?(_ units: UnsafeBufferPointer<UInt16>, _ range: Range<Int>) {
                guard !range.isEmpty, range.count <= ASCIITLDTable.maxLength else { return nil }
                for (index, position) in range.enumerated() {
                    let unit = units[position]
                    guard URLScanner.isASCIIAlphanumeric(unit) else { return nil }
                    let byte = UInt64((0x41...0x5A).contains(unit) ? unit | 0x20 : unit)
                    let shift = UInt64((index & 7) * 8)
                    switch index >> 3 {
                    case 0: words.0 |= byte << shift
                    case 1: words.1 |= byte << shift
                    default: words.2 |= byte << shift
                    }
                }
            }

            var isEmpty: Bool { words.0 == 0 }

            var hash: UInt64 {
                var value = words.0 &* 0x9E37_79B9_7F4A_7C15
                value = (value ^ (value >> 29) ^ words.1) &* 0xBF58_476D_1CE4_E5B9
                value = (value ^ (value >> 32) ^ words.2) &* 0x94D0_49BB_1331_11EB
                return value ^ (value >> 31)
            }
        }

        /// The most bytes a key holds.
        static let maxLength = 24

        private var slots: [Key]
        private let mask: Int
        /// ``TwitterTextTLDs/maxScalarCount``, kept here so a lookup reads no other global.
        let maxScalarCount = TwitterTextTLDs.maxScalarCount

        /// A table of `names`; names that are not 1–24 ASCII letters and digits are left out.
        init(_ names: [String]) {
            var capacity = 16
            while capacity < names.count * 4 { capacity *= 2 }
            slots = Array(repeating: Key(), count: capacity)
            mask = capacity - 1
            for name in names {
                let units = Array(name.utf16)
                let key = units.withUnsafeBufferPointer { Key($0, 0..<$0.count) }
                if let key { insert(key) }
            }
        }

        private mutating func insert(_ key: Key) {
            var slot = Int(truncatingIfNeeded: key.hash) & mask
            while !slots[slot].isEmpty {
                if slots[slot] == key { return }
                slot = (slot + 1) & mask
            }
            slots[slot] = key
        }

        /// Whether the table holds `key`.
        func contains(_ key: Key) -> Bool {
            var slot = Int(truncatingIfNeeded: key.hash) & mask
            while true {
                let candidate = slots[slot]
                if candidate == key { return true }
                if candidate.isEmpty { return false }
                slot = (slot + 1) & mask
            }
        }

        /// Whether the ASCII letters and digits `units[range]`, ignoring case, are a TLD.
        func contains(_ units: UnsafeBufferPointer<UInt16>, _ range: Range<Int>) -> Bool {
            guard let key = Key(units, range) else { return false }
            return contains(key)
        }

        /// Every ASCII TLD twitter-text recognises, generic and country.
        static let shared = ASCIITLDTable(TwitterText.genericTLDs + TwitterText.countryTLDs)
    }
}
