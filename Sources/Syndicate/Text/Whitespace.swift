import Foundation

/// Whitespace rules shared by every importer.
public enum Whitespace {
    /// Collapses every run of whitespace (spaces, tabs, newlines, no-break and other Unicode
    /// spaces) into one ASCII space and trims both ends.
    ///
    /// Zero-width characters that carry meaning (ZWJ in emoji, ZWNJ in Persian) are kept.
    public static func collapse(_ text: String) -> String {
        var output = String()
        output.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if isCollapsible(scalar) {
                pendingSpace = !output.isEmpty
            } else {
                if pendingSpace {
                    output.unicodeScalars.append(" ")
                    pendingSpace = false
                }
                output.unicodeScalars.append(scalar)
            }
        }
        return output
    }

    /// Whether `scalar` is whitespace that text normalisation turns into a plain space.
    public static func isCollapsible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            return true
        default:
            return false
        }
    }
}
