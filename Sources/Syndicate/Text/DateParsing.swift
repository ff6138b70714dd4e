import Foundation

/// Parses the date formats that publishing systems write: ISO 8601 / RFC 3339 (with or without
/// time, fraction or zone), RFC 822 / RFC 1123 as RSS uses it (including two-digit years and
/// named zones), and a few common variants ("2024-03-09 10:00:00").
public enum DateParsing {
    /// Returns the date `text` denotes, or nil when it is in no recognised format.
    ///
    /// A date without a time is midnight UTC; a time without a zone is taken as UTC.
    public static func date(from text: String) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, trimmed.count < 80 else { return nil }
        if trimmed.range(of: #"^\d{4}-\d\d-\d\d"#, options: .regularExpression) != nil {
            return iso8601(trimmed)
        }
        return rfc822(trimmed)
    }

    private static func iso8601(_ text: String) -> Date? {
        // Normalise "2024-03-09 10:00:00" to the T form and a missing zone to Z.
        var value = text.replacingOccurrences(of: " ", with: "T")
        if value.count == 10 { value += "T00:00:00Z" }
        let hasZone = value.hasSuffix("Z") || value.hasSuffix("z")
            || value.dropFirst(10).contains("+") || value.dropFirst(10).range(of: #"-\d\d:?\d\d$"#, options: .regularExpression) != nil
        if !hasZone { value += "Z" }
        value = value.replacingOccurrences(of: "z", with: "Z")
        // Zones written as +0100 become +01:00.
        if let range = value.range(of: #"([+-]\d\d)(\d\d)$"#, options: .regularExpression) {
            let zone = value[range]
            value.replaceSubrange(range, with: zone.prefix(3) + ":" + zone.suffix(2))
        }
        if let date = try? Date(value, strategy: .iso8601) { return date }
        let fractional = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
        if let date = try? Date(value, strategy: fractional) { return date }
        // Minutes without seconds: 2024-03-09T10:00Z.
        if let range = value.range(of: #"T\d\d:\d\d(?=[Z+-])"#, options: .regularExpression) {
            var withSeconds = value
            withSeconds.insert(contentsOf: ":00", at: range.upperBound)
            return try? Date(withSeconds, strategy: .iso8601)
        }
        return nil
    }

    private static let zoneOffsets: [String: Int] = [
        "UT": 0, "UTC": 0, "GMT": 0, "Z": 0, "EST": -5, "EDT": -4, "CST": -6, "CDT": -5, "MST": -7, "MDT": -6,
        "PST": -8, "PDT": -7, "BST": 1, "CET": 1, "CEST": 2,
    ]

    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// RFC 822 as feeds write it: `Sat, 09 Mar 2024 10:00:00 +0000`, `9 Mar 24 10:00 GMT`.
    private static func rfc822(_ text: String) -> Date? {
        var parts = text.replacingOccurrences(of: ",", with: " ").split(whereSeparator: \.isWhitespace).map(String.init)
        if let first = parts.first, first.first?.isLetter == true, first.count >= 3,
            !months.contains(String(first.prefix(3)).lowercased()) || parts.count > 5
        {
            parts.removeFirst()  // weekday
        }
        guard parts.count >= 3 else { return nil }
        var day = Int(parts[0])
        var monthName = parts[1]
        if day == nil, let swapped = Int(parts[1]) {  // "Mar 9 2024"
            day = swapped
            monthName = parts[0]
        }
        guard let dayValue = day, let month = months.firstIndex(of: String(monthName.prefix(3)).lowercased()),
            var year = Int(parts[2])
        else { return nil }
        if year < 100 { year += year < 50 ? 2000 : 1900 }
        var components = DateComponents(year: year, month: month + 1, day: dayValue, hour: 0, minute: 0, second: 0)
        var offsetSeconds = 0
        if parts.count >= 4 {
            let time = parts[3].split(separator: ":").compactMap { Int($0) }
            guard time.count >= 2 else { return nil }
            components.hour = time[0]
            components.minute = time[1]
            components.second = time.count > 2 ? time[2] : 0
        }
        if parts.count >= 5 {
            let zone = parts[4]
            if let hours = zoneOffsets[zone.uppercased()] {
                offsetSeconds = hours * 3600
            } else if let sign = zone.first, sign == "+" || sign == "-", let value = Int(zone.dropFirst()) {
                let magnitude = (value / 100) * 3600 + (value % 100) * 60
                offsetSeconds = sign == "-" ? -magnitude : magnitude
            }
        }
        var calendar = Calendar(identifier: .gregorian)
        guard let utc = TimeZone(secondsFromGMT: 0) else { return nil }
        calendar.timeZone = utc
        guard let local = calendar.date(from: components) else { return nil }
        return local.addingTimeInterval(TimeInterval(-offsetSeconds))
    }
}
