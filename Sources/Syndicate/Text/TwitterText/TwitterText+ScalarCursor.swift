extension TwitterText {
    /// A position in well-formed UTF-8 and the UTF-16 units passed since it started: a value, so
    /// that walking an emoji sequence or turning UTF-16 offsets into byte offsets needs neither
    /// captured variables nor their access checks.
    struct ScalarCursor {
        let bytes: UnsafeBufferPointer<UInt8>
        /// The byte index of the next scalar.
        var index: Int
        /// UTF-16 units of the scalars advanced over.
        var units = 0

        /// The next scalar's value, or nil at the end.
        @inline(__always)
        func peek() -> UInt32? {
            index < bytes.count ? decodeScalar(bytes, at: index).value : nil
        }

        /// Steps over the next scalar (there must be one).
        @inline(__always)
        mutating func advance() {
            let next = decodeScalar(bytes, at: index)
            index += next.length
            units += next.value > 0xFFFF ? 2 : 1
        }

        /// Steps over scalars until ``units`` reaches `unit` (a scalar boundary) or the bytes end;
        /// returns the byte index there.
        @inline(__always)
        mutating func advance(toUnit unit: Int) -> Int {
            while units < unit, index < bytes.count { advance() }
            return index
        }

        /// Steps over an emoji's presentation selector or skin tone, then a selector and a keycap mark.
        @inline(__always)
        mutating func consumeModifiers() {
            if let next = peek(), next == 0xFE0F || (0x1F3FB...0x1F3FF).contains(next) { advance() }
            if peek() == 0xFE0F { advance() }
            if peek() == 0x20E3 { advance() }
        }
    }
}
