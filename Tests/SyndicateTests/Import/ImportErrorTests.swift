import Testing

@testable import Syndicate

@Suite struct ImportErrorTests {
    @Test func descriptionNamesInputFormatLocationAndMessage() {
        let error = ImportError(
            .malformed, input: "feed.rss", format: .rss, location: "line 12, column 4",
            message: "the document ends before </rss>; the file may be truncated.")
        #expect(error.description == "feed.rss (rss, line 12, column 4): the document ends before </rss>; the file may be truncated.")
        #expect(error.errorDescription == error.description)
    }

    @Test func descriptionWithoutFormatOrLocationIsShort() {
        let error = ImportError(.unreadable, input: "missing.md", format: nil, message: "no such file; check the path.")
        #expect(error.description == "missing.md: no such file; check the path.")
    }
}
