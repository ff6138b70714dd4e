import Foundation
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
    ])
    func rejectsWhatIsNotADate(text: String) {
        #expect(DateParsing.date(from: text) == nil)
    }
}
