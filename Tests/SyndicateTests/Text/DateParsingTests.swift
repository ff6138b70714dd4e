import Foundation
import SyndicateTestSupport
import Testing

@testable import Syndicate

@Suite struct DateParsingTests {
    /// 2024-03-09T10:00:00Z.
    static let reference = Date(timeIntervalSince1970: 1_709_978_400)

    @Test(arguments: [
        "2024-03-09T10:00:00Z",
        "2024-03-09T10:00:00+00:00",
        "2024-03-09T11:00:00+01:00",
        "2024-03-09T05:00:00-0500",
        "2024-03-09T10:00:00.000Z",
        "2024-03-09 10:00:00",
        "2024-03-09T10:00Z",
        "Sat, 09 Mar 2024 10:00:00 +0000",
        "Sat, 09 Mar 2024 10:00:00 GMT",
        "Sat, 9 Mar 2024 05:00:00 EST",
        "09 Mar 2024 10:00:00 Z",
        "Sat, 09 Mar 24 10:00:00 +0000",
        "Saturday, 09 Mar 2024 11:00:00 +0100",
        "09 Mar 2024 10:00 +0000",
        "Mar 9 2024 10:00:00 GMT",
        "2024-03-09t10:00:00z",
        "Sat, 09 Mar 2024 10:00:00 +0000\n",
        "Sat,\n  09 Mar 2024\t10:00:00 gmt",
        "Sám, 09 Mar 2024 10:00:00 +0000",  // a weekday in another language: the non-ASCII path
        "Sám,\n09 Mar 2024 10:00:00 GMT\r\n",
    ])
    func parsesPublishingFormats(text: String) {
        #expect(DateParsing.date(from: text) == Self.reference)
    }

    @Test func dateWithoutTimeIsMidnightUTC() {
        #expect(DateParsing.date(from: "2024-03-09") == Date(timeIntervalSince1970: 1_709_942_400))
    }

    @Test func fractionAndLeapDayAreKept() {
        #expect(DateParsing.date(from: "2024-02-29T00:00:00.250Z") == Date(timeIntervalSince1970: 1_709_164_800.25))
        #expect(DateParsing.date(from: "1969-12-31T23:59:59Z") == Date(timeIntervalSince1970: -1))
    }

    @Test(arguments: [
        "", "yesterday", "2024-13-45", "2023-02-29", "2024-03-09T24:00:00Z", "2024-03-09T10:61Z", "Sat, 99 Foo 2024",
        "Sat, 30 Feb 2024 10:00:00 GMT", "Sat, 09 Mar 2024 10:00:00 +01", "2024-03-09T10:00:00Z trailing",
        String(repeating: "9", count: 500),
        "Sat, 09 Mar 2024 10:00:00 +0000 extra", "Sat, 09 Mar 2024 10:00:00 +-100", "Sat, 09 Mar 024 10:00:00 GMT",
        "Sat, 09 Mar 2024 10:00:00:00 GMT", "Sat, 09 Mar 2024 10 GMT", "Sat, 99999999999999999999 Mar 2024",
        "Säm, 09 Mär 2024 10:00:00 GMT", "Sat, 09 Mar 2024 10:00:00 GMTX", "🙂, 09 Mar 2024 10:00:00 GMT",
        "Sat, 09 Mar 2024 10:00:00 \u{2212}0500",
    ])
    func rejectsWhatIsNotADate(text: String) {
        #expect(DateParsing.date(from: text) == nil)
    }

    /// RFC 822 dates as `DateFormatter` writes them (random instants 1970–2049, zones, with and
    /// without weekday and seconds, two-digit years, any case) parse to the instant written.
    @Test func rfc822AgreesWithDateFormatter() {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        let shapes = [
            ("EEE, dd MMM yyyy HH:mm:ss Z", true), ("dd MMM yyyy HH:mm Z", false), ("EEEE, d MMM yy HH:mm:ss Z", true),
            ("MMM d yyyy HH:mm:ss Z", true), ("EEE, dd MMM yyyy HH:mm:ss", true),
        ]
        var generator = SeededGenerator(seed: 0xDA7E)
        for _ in 0..<600 {
            let seconds = generator.int(0...2_524_607_999)
            let (shape, withSeconds) = shapes[generator.below(shapes.count)]
            formatter.dateFormat = shape
            formatter.timeZone = TimeZone(secondsFromGMT: generator.int(-11...13) * 3600 + generator.below(2) * 1800)
            var text = formatter.string(from: Date(timeIntervalSince1970: TimeInterval(seconds)))
            switch generator.below(3) {
            case 0: text = text.uppercased()
            case 1: text = text.lowercased()
            default: break
            }
            // Without a zone the time is UTC: the expected instant moves by the zone's offset.
            let offset = shape.hasSuffix("Z") ? 0 : formatter.timeZone.secondsFromGMT()
            let expected = (withSeconds ? seconds : seconds - seconds % 60) + offset
            #expect(DateParsing.date(from: text) == Date(timeIntervalSince1970: TimeInterval(expected)), "\(text)")
        }
    }
}
