import Foundation

/// Parses the date formats that publishing systems write: ISO 8601 / RFC 3339 (with or without
/// time, fraction or zone), RFC 822 / RFC 1123 as RSS uses it (including two-digit years, a
/// missing weekday and named zones), and a few common variants ("2024-03-09 10:00:00").
///
/// The parser is hand-written over UTF-8 bytes and computes the instant arithmetically (no
/// `Calendar`, no formatter), because feeds carry one or two dates per item and a feed can hold
/// a hundred thousand items.
package enum DateParsing {
    /// Returns the date `text` denotes, or nil when it is in no recognised format or names an
    /// impossible day or time (`2024-02-30`, `25:00`).
    ///
    /// A date without a time is midnight UTC; a time without a zone is taken as UTC.
    package static func date(from text: String) -> Date? {
        var text = text
        return text.withUTF8 { bytes in
            var scanner = Scanner(bytes: bytes)
            scanner.skipSpaces()
            guard !scanner.atEnd, bytes.count < 80 else { return nil }
            if let date = iso8601(&scanner) { return date }
            scanner = Scanner(bytes: bytes)
            scanner.skipSpaces()
            return rfc822(scanner)
        }
    }

    // MARK: ISO 8601

    private static func iso8601(_ scanner: inout Scanner) -> Date? {
        guard let year = scanner.number(digits: 4), scanner.take("-"), let month = scanner.number(digits: 2),
            scanner.take("-"), let day = scanner.number(digits: 2)
        else { return nil }
        var hour = 0
        var minute = 0
        var second = 0
        var fraction = 0.0
        if scanner.take("T") || scanner.take("t") || scanner.take(" ") {
            guard let h = scanner.number(digits: 2), scanner.take(":"), let m = scanner.number(digits: 2) else {
                return nil
            }
            hour = h
            minute = m
            if scanner.take(":") {
                guard let s = scanner.number(digits: 2) else { return nil }
                second = s
                if scanner.take(".") || scanner.take(",") {
                    guard let value = scanner.fraction() else { return nil }
                    fraction = value
                }
            }
        }
        var offset = 0
        if scanner.take("Z") || scanner.take("z") {
            offset = 0
        } else if let sign = scanner.sign() {
            guard let zoneHours = scanner.number(digits: 2) else { return nil }
            _ = scanner.take(":")
            let zoneMinutes = scanner.number(digits: 2) ?? 0
            guard zoneHours < 24, zoneMinutes < 60 else { return nil }
            offset = sign * (zoneHours * 3600 + zoneMinutes * 60)
        }
        scanner.skipSpaces()
        guard scanner.atEnd else { return nil }
        return instant(year: year, month: month, day: day, hour: hour, minute: minute, second: second, offset: offset)
            .map { $0.addingTimeInterval(fraction) }
    }

    // MARK: RFC 822

    private static let zoneOffsets: [String: Int] = [
        "UT": 0, "UTC": 0, "GMT": 0, "Z": 0, "EST": -5, "EDT": -4, "CST": -6, "CDT": -5, "MST": -7, "MDT": -6,
        "PST": -8, "PDT": -7, "BST": 1, "CET": 1, "CEST": 2,
    ]

    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    /// ``months``, each as its three bytes in one integer, first byte highest.
    private static let packedMonths: [UInt32] = months.map { $0.utf8.reduce(0) { $0 << 8 | UInt32($1) } }

    /// RFC 822 as feeds write it: `Sat, 09 Mar 2024 10:00:00 +0000`, `9 Mar 24 10:00 GMT`,
    /// `Mar 9 2024 10:00:00 GMT`, read word by word from the bytes (no `String` or array per
    /// word). Words are separated by commas and ASCII whitespace; a leading weekday (any word that
    /// starts with a letter and is not a month, in any language) is skipped.
    private static func rfc822(_ scanner: Scanner) -> Date? {
        let bytes = scanner.bytes
        // A weekday and five fields at most; the words' ranges live on the stack.
        return withUnsafeTemporaryAllocation(of: Range<Int>.self, capacity: 6) { words -> Date? in
            var count = 0
            var index = scanner.index
            while index < bytes.count {
                if isSeparator(bytes[index]) {
                    index += 1
                    continue
                }
                let start = index
                while index < bytes.count, !isSeparator(bytes[index]) { index += 1 }
                guard count < words.count else { return nil }
                words[count] = start..<index
                count += 1
            }
            var first = 0
            // Drop a leading weekday ("Sat", "Saturday") unless it is the month of "Mar 9 2024".
            if count >= 1, startsWithLetter(bytes, words[0]), month(in: bytes, words[0]) == nil { first = 1 }
            let fields = count - first
            guard fields >= 3, fields <= 5 else { return nil }
            let day: Int
            let monthNumber: Int
            if let number = integer(in: bytes, words[first]), let named = month(in: bytes, words[first + 1]) {
                day = number
                monthNumber = named
            } else if let named = month(in: bytes, words[first]), let number = integer(in: bytes, words[first + 1]) {
                day = number
                monthNumber = named
            } else {
                return nil
            }
            let yearWord = words[first + 2]
            guard var year = integer(in: bytes, yearWord), yearWord.count == 2 || yearWord.count == 4 else { return nil }
            if year < 100 { year += year < 50 ? 2000 : 1900 }
            var hour = 0
            var minute = 0
            var second = 0
            if fields >= 4 {
                // `h:m` or `h:m:s`, each part as `Int` reads it.
                let time = words[first + 3]
                guard let firstColon = time.first(where: { bytes[$0] == 0x3A }),
                    let h = integer(in: bytes, time.lowerBound..<firstColon)
                else { return nil }
                let rest = firstColon + 1..<time.upperBound
                let secondColon = rest.first { bytes[$0] == 0x3A }
                guard let m = integer(in: bytes, rest.lowerBound..<(secondColon ?? rest.upperBound)) else { return nil }
                if let secondColon {
                    guard let s = integer(in: bytes, secondColon + 1..<rest.upperBound) else { return nil }
                    second = s
                }
                hour = h
                minute = m
            }
            var offset = 0
            if fields >= 5 {
                let zone = words[first + 4]
                let sign = bytes[zone.lowerBound]
                if let hours = namedZoneOffset(in: bytes, zone) {
                    offset = hours * 3600
                } else if sign == 0x2B || sign == 0x2D, zone.count == 5,
                    let value = integer(in: bytes, zone.lowerBound + 1..<zone.upperBound), value >= 0
                {
                    let magnitude = (value / 100) * 3600 + (value % 100) * 60
                    offset = sign == 0x2D ? -magnitude : magnitude
                } else {
                    return nil
                }
            }
            return instant(year: year, month: monthNumber, day: day, hour: hour, minute: minute, second: second, offset: offset)
        }
    }

    /// What separates an RFC 822 date's words: spaces, commas and the other ASCII whitespace.
    private static func isSeparator(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x2C || (0x09...0x0D).contains(byte)
    }

    /// Whether the word at `range` begins with a letter (of any script: "Sám" is a weekday too).
    private static func startsWithLetter(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        let first = bytes[range.lowerBound]
        if first < 0x80 { return isASCIILetter(first) }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self).first?.isLetter == true
    }

    private static func isASCIILetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A
    }

    /// The bytes of `range` read as `Int(_:)` reads text: an optional sign, then at least one
    /// digit and nothing else; nil on overflow.
    private static func integer(in bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        var index = range.lowerBound
        var negative = false
        if index < range.upperBound, bytes[index] == 0x2B || bytes[index] == 0x2D {
            negative = bytes[index] == 0x2D
            index += 1
        }
        guard index < range.upperBound else { return nil }
        var value = 0
        while index < range.upperBound {
            let byte = bytes[index]
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            let digit = Int(byte - 0x30)
            let (times10, overflow) = value.multipliedReportingOverflow(by: 10)
            guard !overflow else { return nil }
            let (next, overflowAdding) = negative ? times10.subtractingReportingOverflow(digit) : times10.addingReportingOverflow(digit)
            guard !overflowAdding else { return nil }
            value = next
            index += 1
        }
        return value
    }

    /// ``month(named:)`` of the ASCII word at `range`.
    private static func month(in bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        guard range.count >= 3, range.allSatisfy({ isASCIILetter(bytes[$0]) }) else { return nil }
        let key = UInt32(bytes[range.lowerBound] | 0x20) << 16 | UInt32(bytes[range.lowerBound + 1] | 0x20) << 8
            | UInt32(bytes[range.lowerBound + 2] | 0x20)
        return packedMonths.firstIndex(of: key).map { $0 + 1 }
    }

    /// The hours of a named zone (``zoneOffsets``, any case) at `range`.
    private static func namedZoneOffset(in bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        guard range.count <= 4, range.allSatisfy({ isASCIILetter(bytes[$0]) }) else { return nil }
        var name = ""
        for index in range { name.unicodeScalars.append(Unicode.Scalar(bytes[index] & ~0x20)) }
        return zoneOffsets[name]
    }

    // MARK: Arithmetic

    /// The instant of a civil date and time at a UTC offset, or nil when a field is out of range.
    static func instant(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, offset: Int) -> Date? {
        guard (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year), (0...23).contains(hour),
            (0...59).contains(minute), (0...60).contains(second)
        else { return nil }
        let days = daysFromCivil(year: year, month: month, day: day)
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offset
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's `days_from_civil`).
    private static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// A cursor over the UTF-8 bytes of a date string.
    private struct Scanner {
        /// The date string's bytes, valid for the call of ``DateParsing/date(from:)`` that made the scanner.
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0

        init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

        var atEnd: Bool { index >= bytes.count }

        mutating func skipSpaces() {
            while index < bytes.count, bytes[index] == 0x20 || (0x09...0x0D).contains(bytes[index]) { index += 1 }
        }

        mutating func take(_ character: Character) -> Bool {
            guard index < bytes.count, let ascii = character.asciiValue, bytes[index] == ascii else { return false }
            index += 1
            return true
        }

        mutating func sign() -> Int? {
            if take("+") { return 1 }
            if take("-") || take("\u{2212}") { return -1 }
            return nil
        }

        /// Exactly `digits` ASCII digits as a number.
        mutating func number(digits: Int) -> Int? {
            guard index + digits <= bytes.count else { return nil }
            var value = 0
            for offset in 0..<digits {
                let byte = bytes[index + offset]
                guard (0x30...0x39).contains(byte) else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            index += digits
            return value
        }

        /// The digits after a decimal separator, as a fraction of a second.
        mutating func fraction() -> Double? {
            var value = 0.0
            var scale = 0.1
            let start = index
            while index < bytes.count, (0x30...0x39).contains(bytes[index]) {
                value += Double(bytes[index] - 0x30) * scale
                scale /= 10
                index += 1
            }
            return index > start ? value : nil
        }
    }
}
