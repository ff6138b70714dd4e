/// The character classes of twitter-text's URL regexes, on UTF-16 code units.
///
/// Each mirrors one class of js/src/regexp/*.js (`punct`, `spaces`, `validDomainChars`,
/// `validGeneralUrlPathChars`, …); code units outside the BMP (surrogates) fall in no class but
/// the domain characters, as in JavaScript.
extension TwitterText.URLScanner {
    static func isSpace(_ unit: UInt16) -> Bool {
        switch unit {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x180E, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            return true
        default:
            return false
        }
    }

    static func isInvalid(_ unit: UInt16) -> Bool { unit == 0xFFFE || unit == 0xFEFF || unit == 0xFFFF }

    /// twitter-text's `punct`: ``!'#%&()*+,\-./:;<=>?@[]^_{|}~$`` (not `"` nor backtick).
    static func isPunct(_ unit: UInt16) -> Bool {
        switch unit {
        case 0x21, 0x23...0x2F, 0x3A...0x40, 0x5B...0x5F, 0x7B...0x7E:
            return unit != 0x22
        default:
            return false
        }
    }

    static func isDomainChar(_ unit: UInt16) -> Bool { !isPunct(unit) && !isSpace(unit) && !isInvalid(unit) }

    static func isDash(_ unit: UInt16) -> Bool { unit == 0x2D }
    static func isUnderscore(_ unit: UInt16) -> Bool { unit == 0x5F }
    static func isDot(_ unit: UInt16) -> Bool { unit == 0x2E }

    static func isASCIIAlphanumeric(_ unit: UInt16) -> Bool {
        (0x30...0x39).contains(unit) || (0x41...0x5A).contains(unit) || (0x61...0x7A).contains(unit)
    }

    /// twitter-text's `latinAccentChars`.
    static func isLatinAccent(_ unit: UInt16) -> Bool {
        switch unit {
        case 0xC0...0xD6, 0xD8...0xF6, 0xF8...0xFF, 0x100...0x24F, 0x253, 0x254, 0x256, 0x257, 0x259, 0x25B,
            0x263, 0x268, 0x26F, 0x272, 0x289, 0x28B, 0x2BB, 0x300...0x36F, 0x1E00...0x1EFF:
            return true
        default:
            return false
        }
    }

    /// A character allowed before a URL: not `A–Z a–z 0–9 @ ＠ $ # ＃` nor an invalid character.
    static func isValidPreceding(_ unit: UInt16) -> Bool {
        !(isASCIIAlphanumeric(unit) || unit == 0x40 || unit == 0xFF20 || unit == 0x24 || unit == 0x23
            || unit == 0xFF03 || isInvalid(unit))
    }

    static func isDigit(_ unit: UInt16) -> Bool { (0x30...0x39).contains(unit) }

    static func isCyrillic(_ unit: UInt16) -> Bool { (0x400...0x4FF).contains(unit) }

    /// `validGeneralUrlPathChars`: letters, digits, `!*';:=+,.$/%#[]-–_~@|&`, Cyrillic, Latin accents.
    static func isPathChar(_ unit: UInt16) -> Bool {
        switch unit {
        case 0x21, 0x23...0x27, 0x2A...0x3B, 0x3D, 0x40...0x5B, 0x5D, 0x5F, 0x61...0x7A, 0x7C, 0x7E, 0x2013:
            return true
        default:
            return isCyrillic(unit) || isLatinAccent(unit)
        }
    }

    /// `validUrlPathEndingChars` (without the parentheses): letters, digits, `+-=_#/`, Cyrillic, Latin accents.
    static func isPathEndingChar(_ unit: UInt16) -> Bool {
        isASCIIAlphanumeric(unit) || unit == 0x2B || unit == 0x2D || unit == 0x3D || unit == 0x5F || unit == 0x23
            || unit == 0x2F || isCyrillic(unit) || isLatinAccent(unit)
    }

    /// `validUrlQueryChars`: letters, digits and ``!?*'@();:&=+$/%#[]-_.,~|``.
    static func isQueryChar(_ unit: UInt16) -> Bool {
        switch unit {
        case 0x21, 0x23...0x3B, 0x3D, 0x3F...0x5B, 0x5D, 0x5F, 0x61...0x7A, 0x7C, 0x7E:
            return unit != 0x22 && unit != 0x3C && unit != 0x3E && unit != 0x60 && unit != 0x5C && unit != 0x5E
        default:
            return false
        }
    }

    /// `validUrlQueryEndingChars`: letters, digits and `-_&=#/`.
    static func isQueryEndingChar(_ unit: UInt16) -> Bool {
        isASCIIAlphanumeric(unit) || unit == 0x2D || unit == 0x5F || unit == 0x26 || unit == 0x3D || unit == 0x23
            || unit == 0x2F
    }
}
