import Foundation
import SyndicateTestSupport
import Testing

@testable import SyndicateCLI

@Suite struct FacetsCommandTests {
    @Test func parsesOptionalText() throws {
        let command = try #require(try SyndicateCommand.parseAsRoot(["facets", "hi #tag"]) as? FacetsCommand)
        #expect(command.text == "hi #tag")
        let bare = try #require(try SyndicateCommand.parseAsRoot(["facets"]) as? FacetsCommand)
        #expect(bare.text == nil)
    }

    @Test func printsFacetsOfTheArgument() throws {
        let outcome = try CLIRunner.run(["facets", "“Hi” @alice.bsky.social, see example.com/a. #swift $aapl"])
        #expect(outcome == CLIRunner.Outcome(status: 0, stdout: #"""
            [{"index":{"byteStart":9,"byteEnd":27},"features":[{"$type":"app.bsky.richtext.facet#mention","did":"alice.bsky.social","unresolved":true}]},{"index":{"byteStart":33,"byteEnd":46},"features":[{"$type":"app.bsky.richtext.facet#link","uri":"https://example.com/a"}]},{"index":{"byteStart":48,"byteEnd":54},"features":[{"$type":"app.bsky.richtext.facet#tag","tag":"swift"}]},{"index":{"byteStart":55,"byteEnd":60},"features":[{"$type":"app.bsky.richtext.facet#tag","tag":"$AAPL"}]}]

            """#, stderr: ""))
    }

    @Test func readsStandardInputAndPrintsAnEmptyArrayWhenNothingIsFound() throws {
        let outcome = try CLIRunner.run(["facets"], stdin: Data("nothing here\n".utf8))
        #expect(outcome == CLIRunner.Outcome(status: 0, stdout: "[]\n", stderr: ""))
    }
}
