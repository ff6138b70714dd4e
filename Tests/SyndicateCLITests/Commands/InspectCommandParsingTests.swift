import ArgumentParser
import Testing

@testable import SyndicateCLI

@Suite struct InspectCommandParsingTests {
    @Test func parsesFileFormatBaseURLAndJSON() throws {
        let command = try #require(
            try SyndicateCommand.parseAsRoot([
                "inspect", "post.html", "--format", "html", "--base-url", "https://school.example/", "--json",
            ]) as? InspectCommand)
        #expect(command.input == "post.html")
        #expect(command.format == .html)
        #expect(command.baseURL == "https://school.example/")
        #expect(command.json)
    }

    @Test func formatDefaultsToAuto() throws {
        let command = try #require(try SyndicateCommand.parseAsRoot(["inspect", "-"]) as? InspectCommand)
        #expect(command.format == .auto)
        #expect(command.format.format == nil)
        #expect(!command.json)
    }

    @Test func unknownFormatIsAUsageErrorWithExitCode64() {
        do {
            _ = try SyndicateCommand.parseAsRoot(["inspect", "post.html", "--format", "docx"])
            Issue.record("parsing should fail")
        } catch {
            #expect(SyndicateCommand.exitCode(for: error).rawValue == 64)
            #expect(SyndicateCommand.message(for: error).contains("docx"))
        }
    }

    @Test func relativeBaseURLIsRejectedWithTheFix() {
        do {
            _ = try SyndicateCommand.parseAsRoot(["inspect", "post.html", "--base-url", "news/"])
            Issue.record("validation should fail")
        } catch {
            #expect(SyndicateCommand.exitCode(for: error).rawValue == 64)
            #expect(
                SyndicateCommand.message(for: error)
                    == "--base-url 'news/' is not an absolute URL; give one such as https://example.com/news/.")
        }
    }
}
