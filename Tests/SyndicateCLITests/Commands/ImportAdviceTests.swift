import Foundation
import Syndicate
import SyndicateTestSupport
import Testing

@testable import SyndicateCLI

@Suite("The importers' advice in command-line terms")
struct ImportAdviceTests {
    @Test("ImportFormat names become --format values, the longest first")
    func formats() {
        #expect(
            ImportAdvice.translating("(use ImportFormat.html for a web page, ImportFormat.jsonfeed for a JSON Feed); use ImportFormat.json for Post JSON.")
                == "(use --format html for a web page, --format jsonfeed for a JSON Feed); use --format json for Post JSON.")
        #expect(
            ImportAdvice.translating("check it against \(ImportAdvice.postJSONReference).")
                == "check it against `syndicate inspect --json` output.")
        #expect(ImportAdvice.translating("the feed has no items; there is nothing to import.") == "the feed has no items; there is nothing to import.")
    }

    @Test("an HTML page read as RSS points the CLI user at --format html")
    func inspectNamesTheFlag() throws {
        let page = Data("<!DOCTYPE html>\n<html><head><title>News</title></head><body><p>Hello</p></body></html>\n".utf8)
        let outcome = try CLIRunner.run(["inspect", "-", "--format", "rss"], stdin: page)
        #expect(outcome.status == 65)
        #expect(outcome.stderr.contains("so this is a web page, not a feed; import it with --format html."))
        #expect(!outcome.stderr.contains("ImportFormat"))
    }
}
