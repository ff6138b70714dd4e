import Foundation

/// Whitespace rules shared by every importer.
package enum Whitespace {
    /// Collapses every run of whitespace (spaces, tabs, newlines, no-break and other Unicode
    /// spaces) into one ASCII space and trims both ends.
    ///
    /// Zero-width characters that carry meaning (ZWJ in emoji, ZWNJ in Persian) are kept. Works
    /// on UTF-8 bytes in one pass and returns the input itself when nothing changes.
    package static func collapse(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in collapse(bytes) } ?? text
    }

    /// The collapsed form of `bytes`, or nil when they are already collapsed.
    private static func collapse(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard needsCollapsing(bytes) else { return nil }
        var output: [UInt8] = []
        var changed = false
        var pendingSpace = false
        var index = 0
        let count = bytes.count
        output.reserveCapacity(count)
        while index < count {
            let width = whitespaceWidth(bytes, at: index)
            if width > 0 {
                // Any whitespace other than a single inner ASCII space is a change.
                if width > 1 || bytes[index] != 0x20 || pendingSpace || output.isEmpty { changed = true }
                pendingSpace = !output.isEmpty
                index += width
                continue
            }
            if pendingSpace {
                output.append(0x20)
                pendingSpace = false
            }
            output.append(bytes[index])
            index += 1
        }
        if pendingSpace { changed = true }
        return changed ? String(decoding: output, as: UTF8.self) : nil
    }

    /// Whether `bytes` has leading, trailing or repeated whitespace, or whitespace other than a
    /// plain space: a scan that allocates nothing, for the common case of already-clean text.
    ///
    /// Eight bytes are tested at a time: a word of ASCII printable characters and single spaces
    /// is passed in a few operations; a word with a control or non-ASCII byte is read byte by byte.
    private static func needsCollapsing(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress, let first = bytes.first, let last = bytes.last else { return false }
        if first == 0x20 || last == 0x20 { return true }
        let count = bytes.count
        var previousWasSpace = false
        var index = 0
        let ones: UInt64 = 0x0101_0101_0101_0101
        let lowSeven = ones &* 0x7F
        let highBits = ones &* 0x80
        while index + 8 <= count {
            let word = UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
            // Any byte below 0x20 or from 0x80 on: byte by byte (exact for "any", as below 0x80).
            if ((word &- ones &* 0x20) & ~word | word) & highBits != 0 {
                for position in index..<(index + 8) {
                    if needsCollapsing(bytes, at: position, previousWasSpace: &previousWasSpace) { return true }
                }
                index += 8
                continue
            }
            // The high bit of each byte that is a space, exactly (no carries between bytes).
            let spaceless = word ^ (ones &* 0x20)
            let spaces = ~(((spaceless & lowSeven) &+ lowSeven) | spaceless | lowSeven)
            if spaces & (spaces << 8) != 0 || (previousWasSpace && spaces & 0x80 != 0) { return true }
            previousWasSpace = spaces >> 63 != 0
            index += 8
        }
        while index < count {
            if needsCollapsing(bytes, at: index, previousWasSpace: &previousWasSpace) { return true }
            index += 1
        }
        return false
    }

    /// One step of ``needsCollapsing(_:)``: whether the byte at `index`, after a space when
    /// `previousWasSpace`, needs collapsing; updates `previousWasSpace`.
    @inline(__always)
    private static func needsCollapsing(
        _ bytes: UnsafeBufferPointer<UInt8>, at index: Int, previousWasSpace: inout Bool
    ) -> Bool {
        let byte = bytes[index]
        if byte == 0x20 {
            if previousWasSpace { return true }
            previousWasSpace = true
            return false
        }
        previousWasSpace = false
        if byte < 0x20 || byte == 0xC2 || (byte >= 0xE1 && byte <= 0xE3) {
            return whitespaceWidth(bytes, at: index) > 0
        }
        return false
    }

    /// The byte length of the collapsible whitespace character at `index`, or 0.
    @inline(__always)
    private static func whitespaceWidth(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let byte = bytes[index]
        switch byte {
        case 0x09...0x0D, 0x20:
            return 1
        case 0xC2:
            guard index + 1 < bytes.count else { return 0 }
            return bytes[index + 1] == 0x85 || bytes[index + 1] == 0xA0 ? 2 : 0
        case 0xE1, 0xE2, 0xE3:
            guard index + 2 < bytes.count else { return 0 }
            let scalar = (UInt32(byte & 0x0F) << 12) | (UInt32(bytes[index + 1] & 0x3F) << 6)
                | UInt32(bytes[index + 2] & 0x3F)
            return Unicode.Scalar(scalar).map(isCollapsible) == true ? 3 : 0
        default:
            return 0
        }
    }

    /// Whether `scalar` is whitespace that text normalisation turns into a plain space.
    package static func isCollapsible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            return true
        default:
            return false
        }
    }
}
